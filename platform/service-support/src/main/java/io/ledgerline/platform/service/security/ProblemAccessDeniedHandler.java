package io.ledgerline.platform.service.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 403 as problem details. */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

  private final ProblemResponses problems;

  ProblemAccessDeniedHandler(ProblemResponses problems) {
    this.problems = problems;
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
      throws IOException {
    problems.write(
        response,
        HttpStatus.FORBIDDEN,
        "forbidden",
        "Forbidden",
        "The token does not grant access to this resource.");
  }
}
