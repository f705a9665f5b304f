package io.ledgerline.gateway.auth;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** RFC 9457 problem responses written by the gateway itself. */
final class Problems {

  private Problems() {}

  static Mono<Void> unauthorized(ServerWebExchange exchange, String detail) {
    exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
    return write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail);
  }

  static Mono<Void> unavailable(ServerWebExchange exchange, String detail) {
    return write(
        exchange, HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable", detail);
  }

  private static Mono<Void> write(
      ServerWebExchange exchange, HttpStatus status, String type, String title, String detail) {
    var response = exchange.getResponse();
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    var json =
        "{\"type\":\"https://ledgerline.io/problems/"
            + type
            + "\",\"title\":\""
            + title
            + "\",\"status\":"
            + status.value()
            + ",\"detail\":\""
            + detail
            + "\"}";
    var buffer = response.bufferFactory().wrap(json.getBytes(StandardCharsets.UTF_8));
    return response.writeWith(Mono.just(buffer));
  }
}
