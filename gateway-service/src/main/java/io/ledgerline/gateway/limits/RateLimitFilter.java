package io.ledgerline.gateway.limits;

import io.ledgerline.gateway.edge.Problems;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Rate limits on every routed request, before it reaches a service. With a token: per API key or
 * OAuth client (the token's subject), per tenant and, where the plan names the route, per tenant
 * and route, all from the tenant's plan. Without one (webhooks, the token endpoint): per client
 * address and, for webhooks, per connection, so a flood is throttled before webhook-ingest. Answers
 * carry {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset}; a refusal
 * is a 429 problem with {@code Retry-After}.
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

  private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
  static final String WEBHOOK_ROUTE = "webhooks";

  private final RateLimiter limiter;
  private final PlanSettings plans;
  private final LimitSettings settings;

  RateLimitFilter(RateLimiter limiter, PlanSettings plans, LimitSettings settings) {
    this.limiter = limiter;
    this.plans = plans;
    this.settings = settings;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    if (!settings.enabled()) {
      return chain.filter(exchange);
    }
    Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
    String routeId = route == null ? "none" : route.getId();
    return exchange
        .getPrincipal()
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(
            principal -> {
              var jwt =
                  principal.orElse(null) instanceof JwtAuthenticationToken token
                      ? token.getToken()
                      : null;
              var limits = limitsFor(routeId, jwt, exchange);
              return Mono.fromCallable(() -> limiter.consume(limits))
                  .subscribeOn(Schedulers.boundedElastic())
                  // Concurrent first requests of a new bucket race to create its row, and the
                  // losers fail (BucketNotFoundException); asked again, the row is there.
                  .retry(2)
                  .onErrorResume(
                      e -> {
                        // Availability first: with the shared buckets unreachable, let it through.
                        log.warn("Rate limits could not be checked: {}", e.toString());
                        return Mono.empty();
                      })
                  .map(Optional::of)
                  .defaultIfEmpty(Optional.empty())
                  .flatMap(
                      decision -> {
                        if (decision.isEmpty()) {
                          return chain.filter(exchange);
                        }
                        var d = decision.get();
                        var headers = exchange.getResponse().getHeaders();
                        headers.set("RateLimit-Limit", Long.toString(d.limit()));
                        headers.set("RateLimit-Remaining", Long.toString(d.remaining()));
                        headers.set("RateLimit-Reset", Long.toString(d.resetSeconds()));
                        if (d.allowed()) {
                          return chain.filter(exchange);
                        }
                        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(d.retryAfterSeconds()));
                        return Problems.write(
                            exchange,
                            HttpStatus.TOO_MANY_REQUESTS,
                            "rate-limited",
                            "Too many requests",
                            "the rate limit is exceeded; retry after "
                                + d.retryAfterSeconds()
                                + " s");
                      });
            });
  }

  List<RateLimiter.Limit> limitsFor(String routeId, @Nullable Jwt jwt, ServerWebExchange exchange) {
    List<RateLimiter.Limit> limits = new ArrayList<>();
    if (jwt != null) {
      String planName = plans.planName(jwt.getClaimAsString("plan"));
      var plan = plans.plan(planName);
      String tenant = jwt.getClaimAsString("tenant_id");
      limits.add(new RateLimiter.Limit("key:" + planName + ":" + jwt.getSubject(), plan.key()));
      if (tenant != null) {
        limits.add(new RateLimiter.Limit("tenant:" + planName + ":" + tenant, plan.tenant()));
        var routeLimit = plan.routes().get(routeId);
        if (routeLimit != null) {
          limits.add(
              new RateLimiter.Limit(
                  "route:" + planName + ":" + routeId + ":" + tenant, routeLimit));
        }
      }
      return limits;
    }
    if (WEBHOOK_ROUTE.equals(routeId)) {
      String connection = connectionId(exchange.getRequest().getPath().value());
      if (connection != null) {
        limits.add(new RateLimiter.Limit("webhook:" + connection, settings.webhookConnection()));
      }
    }
    limits.add(new RateLimiter.Limit("ip:" + clientAddress(exchange), settings.sourceAddress()));
    return limits;
  }

  /** {@code /webhooks/{platform}/{connectionId}[/...]}: the connection id, else null. */
  static @Nullable String connectionId(String path) {
    var parts = path.split("/");
    return parts.length >= 4 && !parts[3].isBlank() ? parts[3] : null;
  }

  private static String clientAddress(ServerWebExchange exchange) {
    InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
    return remote == null || remote.getAddress() == null
        ? "unknown"
        : remote.getAddress().getHostAddress();
  }

  /** After the route is chosen, before anything is sent to it. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 100;
  }
}
