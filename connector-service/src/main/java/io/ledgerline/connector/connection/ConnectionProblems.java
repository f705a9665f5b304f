package io.ledgerline.connector.connection;

import io.ledgerline.platform.service.problem.ProblemException;
import io.ledgerline.platforms.Platform;
import io.ledgerline.platforms.Platforms;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

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

  /** 409 {@code connection-state}: the connection's status does not allow it. */
  static ProblemException wrongStatus(Connection connection, String what) {
    return new ProblemException(
        HttpStatus.CONFLICT,
        "connection-state",
        "Not possible in this state",
        "Connection " + connection.id() + " is " + connection.status() + ": it cannot be " + what);
  }

  /** 400 {@code platform-not-configured}: this deployment has no OAuth app for the platform. */
  static ProblemException notConfigured(Platform platform) {
    return new ProblemException(
        HttpStatus.BAD_REQUEST,
        "platform-not-configured",
        "Platform not configured",
        "This deployment has no "
            + platform.displayName()
            + " app (LEDGERLINE_"
            + platform.id().toUpperCase(java.util.Locale.ROOT).replace('-', '_')
            + "_CLIENT_ID and _CLIENT_SECRET)");
  }

  /** 400 {@code authorization-failed}: the callback or the platform refused; nothing changed. */
  static ProblemException authorizationFailed(String detail) {
    return new ProblemException(
        HttpStatus.BAD_REQUEST, "authorization-failed", "Authorization failed", detail);
  }

  /** 400 {@code token-rejected}: the platform did not accept the account token. */
  static ProblemException tokenRejected(String detail) {
    return new ProblemException(HttpStatus.BAD_REQUEST, "token-rejected", "Token rejected", detail);
  }

  /**
   * 409 {@code account-already-connected}: another live connection has this account (two would
   * invoice every sale twice). The caller's own connection is named ({@code connectionId}); another
   * tenant's is not, which would tell one tenant about another's.
   */
  static ProblemException accountTaken(Connection existing, String callerTenantId) {
    String platform = existing.platform().id();
    String accountId = existing.account() == null ? "?" : existing.account().id();
    boolean own = existing.tenantId().equals(callerTenantId);
    return new AccountTaken(
        "The "
            + platform
            + " account "
            + accountId
            + " is already connected to Ledgerline"
            + (own
                ? " by your connection " + existing.id() + ": use that one, or delete it first"
                : " by another tenant"),
        own ? existing.id() : null);
  }

  /** The same, when the other connection cannot be read (it was added concurrently). */
  static ProblemException accountTaken(String platform, String accountId) {
    return new AccountTaken(
        "The " + platform + " account " + accountId + " is already connected to Ledgerline", null);
  }

  private static final class AccountTaken extends ProblemException {

    private final java.util.UUID connectionId;

    AccountTaken(String detail, java.util.UUID connectionId) {
      super(HttpStatus.CONFLICT, "account-already-connected", "Account already connected", detail);
      this.connectionId = connectionId;
    }

    @Override
    public ProblemDetail toProblemDetail() {
      ProblemDetail problem = super.toProblemDetail();
      if (connectionId != null) {
        problem.setProperty("connectionId", connectionId.toString());
      }
      return problem;
    }
  }

  /** 502 {@code platform-unavailable}: the platform could not be reached or failed. */
  static ProblemException platformUnavailable(String detail) {
    return new ProblemException(
        HttpStatus.BAD_GATEWAY, "platform-unavailable", "Platform unavailable", detail);
  }

  /** 400 {@code invalid-connection}, naming the offending request field in {@code field}. */
  static ProblemException invalid(String field, String detail) {
    return new InvalidConnection(field, detail);
  }

  static ProblemException unsupportedPlatform(String platform) {
    return invalid(
        "platform",
        "Unknown platform '"
            + platform
            + "': one of "
            + String.join(", ", Platforms.installed().providing(Platform.Part.CONNECTION_RULES)));
  }

  private static final class InvalidConnection extends ProblemException {

    private final String field;

    InvalidConnection(String field, String detail) {
      super(HttpStatus.BAD_REQUEST, "invalid-connection", "Invalid connection", detail);
      this.field = field;
    }

    @Override
    public ProblemDetail toProblemDetail() {
      ProblemDetail problem = super.toProblemDetail();
      problem.setProperty("field", field);
      return problem;
    }
  }
}
