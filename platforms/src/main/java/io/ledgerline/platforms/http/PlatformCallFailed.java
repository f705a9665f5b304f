package io.ledgerline.platforms.http;

/**
 * A platform call that did not get an answer worth reading. The message never holds a token or a
 * response body (only its status and, at most, the platform's short error code).
 */
public class PlatformCallFailed extends RuntimeException {

  /** Why, so callers can decide (a connection's health, a retry later, re-authorization). */
  public enum Kind {
    /** The platform refused the credential, also after one refresh. */
    UNAUTHORIZED,
    /** Still 429 after the retries, or Retry-After beyond what we wait. */
    RATE_LIMITED,
    /** 5xx, a timeout or a broken connection, after the retries. */
    UNAVAILABLE,
    /** Another 4xx: our request or the account's state. */
    REJECTED,
    /** The URL's host is not one of the configured platform hosts. */
    HOST_NOT_ALLOWED
  }

  private final Kind kind;
  private final int status;

  public PlatformCallFailed(Kind kind, int status, String message) {
    super(message);
    this.kind = kind;
    this.status = status;
  }

  public PlatformCallFailed(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.status = 0;
  }

  public Kind kind() {
    return kind;
  }

  /** The last HTTP status, 0 when there was none (timeout, connection, host). */
  public int status() {
    return status;
  }
}
