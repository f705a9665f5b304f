package io.ledgerline.apikey.key;

import java.net.URI;
import org.springframework.http.HttpStatus;

/** What goes wrong with keys, each with its stable problem type. */
class KeyProblem extends RuntimeException {

  static final URI NOT_FOUND = URI.create("https://ledgerline.io/problems/not-found");
  static final URI UNAUTHORIZED = URI.create("https://ledgerline.io/problems/unauthorized");
  static final URI INVALID_REQUEST = URI.create("https://ledgerline.io/problems/invalid-request");
  static final URI SCOPE_NOT_GRANTABLE =
      URI.create("https://ledgerline.io/problems/scope-not-grantable");
  static final URI FORBIDDEN = URI.create("https://ledgerline.io/problems/forbidden");

  private final URI type;
  private final HttpStatus status;
  private final String title;

  KeyProblem(URI type, HttpStatus status, String title, String detail) {
    super(detail);
    this.type = type;
    this.status = status;
    this.title = title;
  }

  static KeyProblem notFound(String detail) {
    return new KeyProblem(NOT_FOUND, HttpStatus.NOT_FOUND, "Not found", detail);
  }

  /**
   * One answer for unknown, malformed, revoked and expired keys: the caller learns nothing about
   * which.
   */
  static KeyProblem invalidKey() {
    return new KeyProblem(
        UNAUTHORIZED,
        HttpStatus.UNAUTHORIZED,
        "Unauthorized",
        "the API key is unknown, revoked or expired");
  }

  static KeyProblem invalidRequest(String detail) {
    return new KeyProblem(INVALID_REQUEST, HttpStatus.BAD_REQUEST, "Invalid request", detail);
  }

  static KeyProblem scopeNotGrantable(String detail) {
    return new KeyProblem(SCOPE_NOT_GRANTABLE, HttpStatus.FORBIDDEN, "Scope not grantable", detail);
  }

  static KeyProblem notATenantToken() {
    return new KeyProblem(
        FORBIDDEN, HttpStatus.FORBIDDEN, "Forbidden", "the token carries no tenant_id");
  }

  URI type() {
    return type;
  }

  HttpStatus status() {
    return status;
  }

  String title() {
    return title;
  }
}
