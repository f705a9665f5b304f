package io.ledgerline.platform.service.problem;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * An error for the caller, rendered as RFC 9457 problem details with the type {@code
 * https://ledgerline.io/problems/<kind>}. The detail is shown to the caller: never put secrets in
 * it.
 */
public class ProblemException extends RuntimeException {

  private final HttpStatusCode status;
  private final String kind;
  private final String title;
  private final String detail;

  public ProblemException(HttpStatusCode status, String kind, String title, String detail) {
    super(title + ": " + detail);
    ProblemTypes.of(kind); // fail where the kind is invented, not when it is rendered
    this.status = status;
    this.kind = kind;
    this.title = title;
    this.detail = detail;
  }

  public HttpStatusCode status() {
    return status;
  }

  public String kind() {
    return kind;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return detail;
  }

  /** The problem details this exception stands for. */
  public ProblemDetail toProblemDetail() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(ProblemTypes.of(kind));
    problem.setTitle(title);
    return problem;
  }
}
