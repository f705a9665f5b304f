package io.ledgerline.connector.connection;

import io.ledgerline.platform.service.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The problems of this feature, each with a stable type under https://ledgerline.io/problems/. */
final class ConnectionProblems {

  private ConnectionProblems() {}

  static ProblemException notFound(Object id) {
    return new ProblemException(
        HttpStatus.NOT_FOUND,
        "connection-not-found",
        "Connection not found",
        "No connection " + id);
  }

  static ProblemException invalid(String detail) {
    return new ProblemException(
        HttpStatus.BAD_REQUEST, "invalid-connection", "Invalid connection", detail);
  }

  static ProblemException unsupportedPlatform(String platform) {
    return new ProblemException(
        HttpStatus.BAD_REQUEST,
        "unsupported-platform",
        "Unsupported platform",
        "Connections to '" + platform + "' are not supported yet");
  }
}
