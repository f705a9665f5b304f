package io.ledgerline.apikey;

import io.ledgerline.platform.service.security.EndpointScopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Which scope each endpoint of this service needs (applied by service-support's rules). */
@Configuration(proxyBeanMethods = false)
class ApikeyScopes {

  @Bean
  EndpointScopes apikeyEndpointScopes() {
    return requests ->
        requests
            .requestMatchers(HttpMethod.GET, "/api/v1/api-keys", "/api/v1/api-keys/**")
            .hasAuthority("SCOPE_apikeys:read")
            .requestMatchers("/api/v1/api-keys", "/api/v1/api-keys/**")
            .hasAuthority("SCOPE_apikeys:write")
            .requestMatchers(HttpMethod.GET, "/api/v1/oauth-clients", "/api/v1/oauth-clients/**")
            .hasAuthority("SCOPE_oauthclients:read")
            .requestMatchers("/api/v1/oauth-clients", "/api/v1/oauth-clients/**")
            .hasAuthority("SCOPE_oauthclients:write")
            // operators: tenants, their first keys, signing keys
            .requestMatchers("/admin/**")
            .hasAuthority("SCOPE_admin");
  }
}
