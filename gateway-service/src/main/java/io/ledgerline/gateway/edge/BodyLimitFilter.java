package io.ledgerline.gateway.edge;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 413 for a body over its route's limit, before authentication and before any byte goes upstream:
 * at once from {@code Content-Length}, else while the body streams in.
 */
@Component
class BodyLimitFilter implements WebFilter, Ordered {

  // After the internal header stripping, before the API key exchange and security.
  static final int ORDER = -300;
  private static final AntPathMatcher PATHS = new AntPathMatcher();

  private final EdgeSettings settings;

  BodyLimitFilter(EdgeSettings settings) {
    this.settings = settings;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    long max = limitFor(exchange.getRequest().getPath().pathWithinApplication().value());
    long declared = exchange.getRequest().getHeaders().getContentLength();
    if (declared > max) {
      return Problems.write(
          exchange,
          HttpStatus.CONTENT_TOO_LARGE,
          "payload-too-large",
          "Payload too large",
          "the request body is larger than " + max + " bytes");
    }
    var request =
        new ServerHttpRequestDecorator(exchange.getRequest()) {
          @Override
          public Flux<DataBuffer> getBody() {
            long[] seen = {0};
            return super.getBody()
                .doOnNext(
                    buffer -> {
                      seen[0] += buffer.readableByteCount();
                      if (seen[0] > max) {
                        throw new PayloadTooLarge(
                            "the request body is larger than " + max + " bytes");
                      }
                    });
          }
        };
    return chain.filter(exchange.mutate().request(request).build());
  }

  long limitFor(String path) {
    for (var rule : settings.bodyLimits()) {
      if (PATHS.match(rule.path(), path)) {
        return rule.maxSize().toBytes();
      }
    }
    return settings.maxBodySize().toBytes();
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
