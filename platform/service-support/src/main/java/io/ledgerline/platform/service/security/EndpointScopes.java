package io.ledgerline.platform.service.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's scope rules for its own API, declared as a bean and applied by the platform's filter
 * chain after the public paths and {@code /internal/**}, before "everything else needs a token".
 * Missing scopes answer 403 with the {@code forbidden} problem type, like every other refusal.
 *
 * <pre>{@code
 * @Bean
 * EndpointScopes invoiceEndpointScopes() {
 *   return requests -> requests.requestMatchers(GET, "/api/v1/invoices/**")
 *       .hasAuthority("SCOPE_invoices:read");
 * }
 * }</pre>
 */
@FunctionalInterface
public interface EndpointScopes {

  void declare(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          requests);
}
