package io.ledgerline.gateway.edge;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem responses written by the gateway itself, with the platform's stable types
 * ({@code https://ledgerline.io/problems/<kind>}).
 */
public final class Problems {

  public static final String BASE = "https://ledgerline.io/problems/";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Problems() {}

  public static Mono<Void> unauthorized(ServerWebExchange exchange, String detail) {
    exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
    return write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail);
  }

  public static Mono<Void> unavailable(ServerWebExchange exchange, String detail) {
    return write(
        exchange, HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable", detail);
  }

  public static Mono<Void> notFound(ServerWebExchange exchange) {
    return write(exchange, HttpStatus.NOT_FOUND, "not-found", "Not found", "no such resource");
  }

  public static ProblemDetail problem(HttpStatus status, String kind, String title, String detail) {
    var problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(BASE + kind));
    problem.setTitle(title);
    return problem;
  }

  public static Mono<Void> write(
      ServerWebExchange exchange, HttpStatus status, String kind, String title, String detail) {
    return write(exchange, problem(status, kind, title, detail));
  }

  public static Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
    var response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.empty();
    }
    problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
    response.setStatusCode(HttpStatus.valueOf(problem.getStatus()));
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    response.getHeaders().remove("Content-Length");
    // RFC 9457 members only (a plain mapper would add Spring's "properties": null).
    var body = new java.util.LinkedHashMap<String, Object>();
    body.put("type", problem.getType().toString());
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    body.put("detail", problem.getDetail());
    body.put("instance", String.valueOf(problem.getInstance()));
    if (problem.getProperties() != null) {
      body.putAll(problem.getProperties());
    }
    var buffer = response.bufferFactory().wrap(JSON.writeValueAsBytes(body));
    return response.writeWith(Mono.just(buffer));
  }
}
