package io.ledgerline.gateway.auth;

import io.ledgerline.gateway.edge.Problems;
import io.ledgerline.gateway.usage.UsageCounter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Turns {@code X-API-Key} on {@code /api/**} into {@code Authorization: Bearer <JWT>} before the
 * security chain runs; the resource server then validates that JWT like any other. The key itself
 * never leaves the gateway towards a service.
 */
@Component
class ApiKeyExchangeFilter implements WebFilter, Ordered {

  static final String API_KEY_HEADER = "X-API-Key";
  // Before Spring Security's WebFilterChainProxy (order -100), after the internal header stripping.
  static final int ORDER = -200;

  private static final Logger log = LoggerFactory.getLogger(ApiKeyExchangeFilter.class);
  private static final AntPathMatcher PATHS = new AntPathMatcher();

  private final ApiKeyExchange exchangeClient;
  private final UsageCounter usage;

  ApiKeyExchangeFilter(ApiKeyExchange exchangeClient, UsageCounter usage) {
    this.exchangeClient = exchangeClient;
    this.usage = usage;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String apiKey = exchange.getRequest().getHeaders().getFirst(API_KEY_HEADER);
    if (apiKey == null) {
      return chain.filter(exchange);
    }
    if (!PATHS.match("/api/**", exchange.getRequest().getPath().pathWithinApplication().value())) {
      // Elsewhere the key means nothing; it is still never passed on.
      return chain.filter(withoutApiKey(exchange));
    }
    if (apiKey.isBlank()) {
      return Problems.unauthorized(exchange, "the API key is unknown, revoked or expired");
    }
    // Resolve the key first, so errors further down the chain are never mistaken for exchange
    // failures.
    return exchangeClient
        .tokenFor(apiKey)
        .map(
            token -> {
              // Counted per request, sent in batches: the request never waits for it.
              usage.count(token.keyId());
              return Outcome.authenticated(token.accessToken());
            })
        .onErrorResume(ApiKeyExchange.InvalidApiKey.class, e -> Mono.just(Outcome.INVALID))
        .onErrorResume(
            e -> {
              log.warn("API key exchange failed: {}", e.toString());
              return Mono.just(Outcome.UNAVAILABLE);
            })
        .flatMap(
            outcome -> {
              if (outcome.token() != null) {
                return chain.filter(withBearer(exchange, outcome.token()));
              }
              return outcome == Outcome.INVALID
                  ? Problems.unauthorized(exchange, "the API key is unknown, revoked or expired")
                  : Problems.unavailable(exchange, "API keys cannot be checked right now");
            });
  }

  /** Identity matters: INVALID and UNAVAILABLE both carry no token. */
  private static final class Outcome {
    static final Outcome INVALID = new Outcome(null);
    static final Outcome UNAVAILABLE = new Outcome(null);

    private final @Nullable String token;

    private Outcome(@Nullable String token) {
      this.token = token;
    }

    static Outcome authenticated(String token) {
      return new Outcome(token);
    }

    @Nullable String token() {
      return token;
    }
  }

  private static ServerWebExchange withoutApiKey(ServerWebExchange exchange) {
    return exchange
        .mutate()
        .request(request -> request.headers(headers -> headers.remove(API_KEY_HEADER)))
        .build();
  }

  private static ServerWebExchange withBearer(ServerWebExchange exchange, String token) {
    return exchange
        .mutate()
        .request(
            request ->
                request.headers(
                    headers -> {
                      headers.remove(API_KEY_HEADER);
                      headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + token);
                    }))
        .build();
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
