package io.ledgerline.connector.sync;

import io.ledgerline.platform.service.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The problems of syncing, each with a stable type under https://ledgerline.io/problems/. */
final class SyncProblems {

  private SyncProblems() {}

  static ProblemException connectionNotFound(Object id) {
    return new ProblemException(
        HttpStatus.NOT_FOUND,
        "connection-not-found",
        "Connection not found",
        "No connection " + id);
  }

  static ProblemException syncNotFound(Object id) {
    return new ProblemException(
        HttpStatus.NOT_FOUND, "sync-not-found", "Sync not found", "No sync " + id);
  }

  /** 409: the connection exists but cannot be synced now (no API access, not active). */
  static ProblemException notSyncable(String detail) {
    return new ProblemException(
        HttpStatus.CONFLICT, "connection-not-syncable", "Connection cannot be synced", detail);
  }

  static ProblemException invalid(String field, String detail) {
    return new InvalidSync(field, detail);
  }

  private static final class InvalidSync extends ProblemException {

    private final String field;

    InvalidSync(String field, String detail) {
      super(HttpStatus.BAD_REQUEST, "invalid-sync", "Invalid sync request", detail);
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
