package io.ledgerline.invoice;

import io.ledgerline.platform.service.security.EndpointScopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Reading invoices needs {@code invoices:read}; the platform's chain answers 403 without it. */
@Configuration(proxyBeanMethods = false)
public class InvoiceScopes {

  @Bean
  EndpointScopes invoiceEndpointScopes() {
    return requests ->
        requests
            .requestMatchers(HttpMethod.GET, "/api/v1/invoices", "/api/v1/invoices/**")
            .hasAuthority("SCOPE_invoices:read")
            .requestMatchers("/api/**")
            .denyAll();
  }
}
