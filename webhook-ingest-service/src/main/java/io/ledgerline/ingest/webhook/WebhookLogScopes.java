package io.ledgerline.ingest.webhook;

import io.ledgerline.platform.service.security.EndpointScopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The webhook log needs {@code webhooks:read}, a replay {@code webhooks:replay}, setting the
 * tenant's retention {@code webhooks:retention}; the platform's chain answers 403 without them. The
 * webhook endpoints themselves are public paths.
 */
@Configuration(proxyBeanMethods = false)
class WebhookLogScopes {

  @Bean
  EndpointScopes webhookLogEndpointScopes() {
    return requests ->
        requests
            .requestMatchers(HttpMethod.GET, "/api/v1/webhooks", "/api/v1/webhooks/**")
            .hasAuthority("SCOPE_webhooks:read")
            .requestMatchers(HttpMethod.POST, "/api/v1/webhooks/*/replay")
            .hasAuthority("SCOPE_webhooks:replay")
            .requestMatchers(HttpMethod.PUT, "/api/v1/webhooks/retention")
            .hasAuthority("SCOPE_webhooks:retention")
            .requestMatchers("/api/**")
            .denyAll();
  }
}
