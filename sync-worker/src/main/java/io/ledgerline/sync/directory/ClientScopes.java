package io.ledgerline.sync.directory;

import io.ledgerline.platform.service.security.EndpointScopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Reading clients needs {@code clients:read}; merging them {@code clients:write}. */
@Configuration(proxyBeanMethods = false)
class ClientScopes {

  @Bean
  EndpointScopes clientEndpointScopes() {
    return requests ->
        requests
            .requestMatchers(HttpMethod.GET, "/api/v1/clients", "/api/v1/clients/**")
            .hasAuthority("SCOPE_clients:read")
            .requestMatchers(HttpMethod.POST, "/api/v1/clients/*/merge")
            .hasAuthority("SCOPE_clients:write")
            .requestMatchers("/api/**")
            .denyAll();
  }
}
