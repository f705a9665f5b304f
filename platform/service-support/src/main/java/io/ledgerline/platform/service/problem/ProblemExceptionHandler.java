package io.ledgerline.platform.service.problem;

import io.ledgerline.platform.service.failure.Failures;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Renders every error of a controller as problem details with a type under {@link
 * ProblemTypes#BASE}. It replaces Boot's own problem-details handler (which it extends), so Spring
 * MVC's exceptions are problem details too, with a stable type instead of {@code about:blank}.
 */
@RestControllerAdvice
public class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

  /**
   * How long a caller should wait before retrying a 503, in seconds: about the time a restarted
   * dependency or a failed-over database needs, short enough that nobody waits on a recovered one.
   */
  static final String RETRY_AFTER_SECONDS = "5";

  @ExceptionHandler(ProblemException.class)
  ResponseEntity<ProblemDetail> problem(ProblemException exception) {
    ResponseEntity.BodyBuilder response = ResponseEntity.status(exception.status());
    if (exception.status().value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
      response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }
    return response.body(exception.toProblemDetail());
  }

  /**
   * What nobody expected: logged in full, told to the caller without internals. Unless it is
   * transient (the database, the registry or a peer is unavailable, something timed out): then
   * nothing was done, and the caller is told to come back (503 with {@code Retry-After}), which is
   * what makes a platform redeliver a webhook instead of giving up on it.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception exception) {
    if (Failures.isTransient(exception)) {
      log.warn("Unavailable, answering 503: {}", Failures.summary(exception));
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.SERVICE_UNAVAILABLE,
              "The request cannot be completed right now; please retry.");
      problem.setType(ProblemTypes.of("service-unavailable"));
      problem.setTitle("Service unavailable");
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
          .body(problem);
    }
    log.error("Unexpected error", exception);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be completed.");
    problem.setType(ProblemTypes.of("internal-error"));
    problem.setTitle("Internal error");
    return ResponseEntity.internalServerError().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException exception,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem = invalidRequest("The request has invalid fields.");
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldError error : exception.getBindingResult().getFieldErrors()) {
      errors.putIfAbsent(error.getField(), error.getDefaultMessage());
    }
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest().headers(headers).body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException exception,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.badRequest()
        .headers(headers)
        .body(invalidRequest("The request has invalid parameters."));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException exception,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "The request body is missing or is not valid JSON.");
    problem.setType(ProblemTypes.of("malformed-body"));
    problem.setTitle("Malformed body");
    return ResponseEntity.badRequest().headers(headers).body(problem);
  }

  /** Spring MVC's own exceptions (404, 405, 415, ...): give them a type of ours. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception exception,
      Object body,
      HttpHeaders headers,
      HttpStatusCode statusCode,
      WebRequest request) {
    ResponseEntity<Object> response =
        super.handleExceptionInternal(exception, body, headers, statusCode, request);
    if (response != null
        && response.getBody() instanceof ProblemDetail problem
        && isBlank(problem.getType())) {
      problem.setType(ProblemTypes.of(kindOf(response.getStatusCode())));
    }
    return response;
  }

  private static ProblemDetail invalidRequest(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setType(ProblemTypes.of("invalid-request"));
    problem.setTitle("Invalid request");
    return problem;
  }

  private static boolean isBlank(URI type) {
    return type == null || "about:blank".equals(type.toString());
  }

  private static String kindOf(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> "invalid-request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 406 -> "not-acceptable";
      case 409 -> "conflict";
      case 413 -> "payload-too-large";
      case 415 -> "unsupported-media-type";
      case 503 -> "unavailable";
      default -> status.is5xxServerError() ? "internal-error" : "request-failed";
    };
  }
}
