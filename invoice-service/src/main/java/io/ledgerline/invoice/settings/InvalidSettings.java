package io.ledgerline.invoice.settings;

import io.ledgerline.platform.service.problem.ProblemException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Settings that break a rule: 400 with every offending field named in {@code errors}. */
class InvalidSettings extends ProblemException {

  private final Map<String, String> errors;

  InvalidSettings(Map<String, String> errors) {
    super(HttpStatus.BAD_REQUEST, "invalid-settings", "Invalid settings", detail(errors));
    this.errors = Map.copyOf(errors);
  }

  /** "legalName is required; address.country is not an ISO 3166-1 alpha-2 country code". */
  private static String detail(Map<String, String> errors) {
    return errors.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(java.util.stream.Collectors.joining("; "));
  }

  Map<String, String> errors() {
    return errors;
  }

  @Override
  public ProblemDetail toProblemDetail() {
    ProblemDetail problem = super.toProblemDetail();
    problem.setProperty("errors", new java.util.TreeMap<>(errors));
    return problem;
  }
}
