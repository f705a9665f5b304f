package io.ledgerline.apikey.key;

import io.ledgerline.platform.service.security.EndpointScopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class KeyConfiguration {

  @Bean
  SecretHasher secretHasher(ApiKeySettings settings) {
    return new SecretHasher(settings.pepper());
  }

  @Bean
  EndpointScopes apiKeyEndpointScopes() {
    return requests ->
        requests
            .requestMatchers(HttpMethod.GET, "/api/v1/api-keys", "/api/v1/api-keys/**")
            .hasAuthority("SCOPE_apikeys:read")
            .requestMatchers("/api/v1/api-keys", "/api/v1/api-keys/**")
            .hasAuthority("SCOPE_apikeys:write");
  }
}
