package io.ledgerline.apikey.key;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice
class KeyProblemHandler {

  @ExceptionHandler(KeyProblem.class)
  ResponseEntity<ProblemDetail> handle(KeyProblem problem) {
    var body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
    body.setType(problem.type());
    body.setTitle(problem.title());
    return ResponseEntity.status(problem.status())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(body);
  }
}
