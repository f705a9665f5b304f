package io.ledgerline.gateway.edge;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Every error the gateway answers itself is a problem detail: no route is 404 {@code not-found}, an
 * upstream that cannot be reached or drops the connection 503 {@code upstream-unavailable}, one
 * that does not answer in time 504 {@code upstream-timeout}; a body over its limit 413. Runs before
 * Boot's default handler.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    return Problems.write(exchange, problemFor(error));
  }

  static ProblemDetail problemFor(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof PayloadTooLarge || cause instanceof DataBufferLimitException) {
        return Problems.problem(
            HttpStatus.CONTENT_TOO_LARGE,
            "payload-too-large",
            "Payload too large",
            cause.getMessage() == null ? "the request body is too large" : cause.getMessage());
      }
      if (cause instanceof TimeoutException || cause instanceof ReadTimeoutException) {
        return upstreamTimeout();
      }
      if (cause instanceof ConnectException
          || cause instanceof ConnectTimeoutException
          || cause instanceof UnknownHostException
          || cause instanceof PrematureCloseException
          // a connection reset or refused below the HTTP client
          || cause instanceof java.io.IOException) {
        return upstreamUnavailable();
      }
      if (cause instanceof ResponseStatusException status) {
        return forStatus(status.getStatusCode(), status.getReason());
      }
    }
    log.error("Unexpected gateway error", error);
    return Problems.problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal-error",
        "Internal error",
        "the request could not be completed");
  }

  private static ProblemDetail forStatus(HttpStatusCode code, String reason) {
    var status = HttpStatus.resolve(code.value());
    if (status == null) {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
    }
    return switch (status) {
      case NOT_FOUND -> Problems.problem(status, "not-found", "Not found", "no such resource");
      // Spring Cloud Gateway's own response timeout
      case GATEWAY_TIMEOUT -> upstreamTimeout();
      case SERVICE_UNAVAILABLE, BAD_GATEWAY -> upstreamUnavailable();
      case METHOD_NOT_ALLOWED ->
          Problems.problem(status, "method-not-allowed", "Method not allowed", "not allowed here");
      case CONTENT_TOO_LARGE ->
          Problems.problem(
              status, "payload-too-large", "Payload too large", "the request body is too large");
      case UNSUPPORTED_MEDIA_TYPE ->
          Problems.problem(
              status, "unsupported-media-type", "Unsupported media type", String.valueOf(reason));
      default ->
          status.is4xxClientError()
              ? Problems.problem(
                  status, "invalid-request", status.getReasonPhrase(), status.getReasonPhrase())
              : Problems.problem(
                  HttpStatus.INTERNAL_SERVER_ERROR,
                  "internal-error",
                  "Internal error",
                  "the request could not be completed");
    };
  }

  private static ProblemDetail upstreamUnavailable() {
    return Problems.problem(
        HttpStatus.SERVICE_UNAVAILABLE,
        "upstream-unavailable",
        "Service unavailable",
        "the service behind this route cannot be reached; retry later");
  }

  private static ProblemDetail upstreamTimeout() {
    return Problems.problem(
        HttpStatus.GATEWAY_TIMEOUT,
        "upstream-timeout",
        "Gateway timeout",
        "the service behind this route did not answer in time; retry later");
  }
}
