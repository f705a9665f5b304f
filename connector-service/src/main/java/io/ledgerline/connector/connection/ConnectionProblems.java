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
