package io.ledgerline.connector.connection;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The RFC 9457 problems of this feature, each with a stable type URI. */
final class ConnectionProblems {

  private static final String BASE = "https://ledgerline.io/problems/";

  private ConnectionProblems() {}

  static ErrorResponseException notFound(Object id) {
    return problem(HttpStatus.NOT_FOUND, "connection-not-found", "No connection " + id);
  }

  static ErrorResponseException invalid(String detail) {
    return problem(HttpStatus.BAD_REQUEST, "invalid-connection", detail);
  }

  static ErrorResponseException unsupportedPlatform(String platform) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "unsupported-platform",
        "Connections to '" + platform + "' are not supported yet");
  }

  private static ErrorResponseException problem(HttpStatus status, String type, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(BASE + type));
    return new ErrorResponseException(status, problem, null);
  }
}
