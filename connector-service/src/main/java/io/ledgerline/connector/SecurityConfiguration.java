package io.ledgerline.connector;

import io.ledgerline.platform.service.security.EndpointScopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * This service's scopes per endpoint, applied by the platform's resource-server chain
 * (service-support), so a missing scope is a 403 problem from the shared access-denied handler
 * rather than an exception inside a controller.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  EndpointScopes connectionScopes() {
    return requests ->
        requests
            .requestMatchers(
                HttpMethod.POST,
                "/api/v1/connections",
                "/api/v1/connections/*/secret-rotations",
                "/api/v1/connections/*/disable",
                "/api/v1/connections/*/enable",
                "/api/v1/connections/*/authorize",
                "/api/v1/connections/*/test")
            .hasAuthority("SCOPE_connections:write")
            .requestMatchers(HttpMethod.DELETE, "/api/v1/connections/*")
            .hasAuthority("SCOPE_connections:write")
            .requestMatchers(HttpMethod.PATCH, "/api/v1/connections/*")
            .hasAuthority("SCOPE_connections:write")
            .requestMatchers(HttpMethod.GET, "/api/v1/connections", "/api/v1/connections/*")
            .hasAuthority("SCOPE_connections:read")
            .requestMatchers("/api/**")
            .denyAll();
  }
}
