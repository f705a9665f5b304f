package io.ledgerline.gateway.headers;

import java.util.List;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Removes headers that only the platform itself may set ({@code X-Tenant-Id}, {@code X-Internal-*})
 * from every request, before anything else looks at it, so a client can never claim a tenant or an
 * internal identity.
 */
@Component
class InternalHeaderStrippingFilter implements WebFilter, Ordered {

  static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    List<String> internal =
        exchange.getRequest().getHeaders().headerNames().stream()
            .filter(InternalHeaderStrippingFilter::isInternal)
            .toList();
    if (internal.isEmpty()) {
      return chain.filter(exchange);
    }
    return chain.filter(
        exchange
            .mutate()
            .request(request -> request.headers(headers -> internal.forEach(headers::remove)))
            .build());
  }

  static boolean isInternal(String headerName) {
    var name = headerName.toLowerCase(Locale.ROOT);
    return name.equals("x-tenant-id") || name.startsWith("x-internal-");
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
