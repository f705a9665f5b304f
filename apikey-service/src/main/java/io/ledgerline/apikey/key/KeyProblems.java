package io.ledgerline.apikey.key;

import io.ledgerline.platform.service.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** What goes wrong with keys, as the platform's problem details (service-support). */
final class KeyProblems {

  private KeyProblems() {}

  static ProblemException notFound(String detail) {
    return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
  }

  /**
   * One answer for unknown, malformed, revoked and expired keys and suspended tenants: the caller
   * learns nothing about which.
   */
  static ProblemException invalidKey() {
    return new ProblemException(
        HttpStatus.UNAUTHORIZED,
        "unauthorized",
        "Unauthorized",
        "the API key is unknown, revoked or expired");
  }

  static ProblemException invalidRequest(String detail) {
    return new ProblemException(
        HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
  }

  static ProblemException scopeNotGrantable(String detail) {
    return new ProblemException(
        HttpStatus.FORBIDDEN, "scope-not-grantable", "Scope not grantable", detail);
  }
}
