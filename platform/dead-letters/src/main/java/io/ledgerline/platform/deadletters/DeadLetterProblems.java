package io.ledgerline.platform.deadletters;

import io.ledgerline.platform.service.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** What a caller of the dead-letter API can get back. */
final class DeadLetterProblems {

  private DeadLetterProblems() {}

  static ProblemException notFound() {
    return new ProblemException(
        HttpStatus.NOT_FOUND,
        "dead-letter-not-found",
        "Dead letter not found",
        "No dead letter with this id.");
  }

  static ProblemException invalidSelection(String detail) {
    return new ProblemException(
        HttpStatus.BAD_REQUEST, "invalid-dead-letter-selection", "Invalid selection", detail);
  }
}
