package io.ledgerline.invoice.ubl;

import io.ledgerline.platform.service.problem.ProblemException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * 422: the document lacks what EN 16931 requires; {@code missingTerms} lists the business terms
 * (and rules), {@code errors} says for each what is missing and where it comes from.
 */
final class IncompleteEInvoice extends ProblemException {

  private final Map<String, String> terms;

  IncompleteEInvoice(MissingBusinessTerms missing) {
    super(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "incomplete-e-invoice",
        "The document lacks what EN 16931 requires",
        "Missing or invalid: " + missing.getMessage());
    this.terms = new LinkedHashMap<>(missing.terms());
  }

  @Override
  public ProblemDetail toProblemDetail() {
    ProblemDetail problem = super.toProblemDetail();
    problem.setProperty("missingTerms", new ArrayList<>(terms.keySet()));
    problem.setProperty("errors", terms);
    return problem;
  }
}
