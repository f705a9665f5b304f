package io.ledgerline.invoice;

import io.ledgerline.platform.service.security.EndpointScopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Reading invoices and credit notes needs {@code invoices:read}; recording payments and issuing
 * credit notes {@code invoices:write}; the invoicing and FIRS settings {@code settings:read} /
 * {@code settings:write}. The platform's chain answers 403 without them.
 */
@Configuration(proxyBeanMethods = false)
public class InvoiceScopes {

  @Bean
  EndpointScopes invoiceEndpointScopes() {
    return requests ->
        requests
            .requestMatchers(
                HttpMethod.GET,
                "/api/v1/invoices",
                "/api/v1/invoices/**",
                "/api/v1/credit-notes",
                "/api/v1/credit-notes/**")
            .hasAuthority("SCOPE_invoices:read")
            .requestMatchers(
                HttpMethod.POST, "/api/v1/invoices/*/payments", "/api/v1/invoices/*/credit-notes")
            .hasAuthority("SCOPE_invoices:write")
            .requestMatchers(
                HttpMethod.GET,
                "/api/v1/settings/invoicing",
                "/api/v1/settings/invoicing/**",
                "/api/v1/settings/firs")
            .hasAuthority("SCOPE_settings:read")
            .requestMatchers(
                HttpMethod.PUT,
                "/api/v1/settings/invoicing",
                "/api/v1/settings/invoicing/**",
                "/api/v1/settings/firs")
            .hasAuthority("SCOPE_settings:write")
            .requestMatchers(HttpMethod.DELETE, "/api/v1/settings/invoicing/**")
            .hasAuthority("SCOPE_settings:write")
            .requestMatchers("/api/**")
            .denyAll();
  }
}
