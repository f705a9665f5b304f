package io.ledgerline.connector.sync;

import io.ledgerline.platform.service.security.EndpointScopes;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SyncSettings.class)
class SyncConfiguration {

  /** Before the connection feature's rules, which end with {@code /api/**} denied. */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  EndpointScopes syncScopes() {
    return requests ->
        requests
            .requestMatchers(
                HttpMethod.POST,
                "/api/v1/connections/*/syncs",
                "/api/v1/syncs",
                "/api/v1/connections/*/mapping/preview")
            .hasAuthority("SCOPE_connections:write")
            .requestMatchers(
                HttpMethod.PUT,
                "/api/v1/connections/*/mapping",
                "/api/v1/connections/*/sync-settings")
            .hasAuthority("SCOPE_connections:write")
            .requestMatchers(
                HttpMethod.GET,
                "/api/v1/connections/*/syncs",
                "/api/v1/connections/*/syncs/*",
                "/api/v1/connections/*/mapping",
                "/api/v1/connections/*/sync-settings")
            .hasAuthority("SCOPE_connections:read");
  }
}
