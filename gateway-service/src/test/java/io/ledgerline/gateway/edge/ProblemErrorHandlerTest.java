package io.ledgerline.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

class ProblemErrorHandlerTest {

  @Test
  void anUnreachableUpstreamIs503AndASilentOne504NeverA500() {
    var refused =
        ProblemErrorHandler.problemFor(new IllegalStateException(new ConnectException("refused")));
    var timeout = ProblemErrorHandler.problemFor(new TimeoutException());
    var gatewayTimeout =
        ProblemErrorHandler.problemFor(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT));

    assertThat(refused.getStatus()).isEqualTo(503);
    assertThat(refused.getType().toString()).endsWith("/upstream-unavailable");
    assertThat(timeout.getStatus()).isEqualTo(504);
    assertThat(gatewayTimeout.getType().toString()).endsWith("/upstream-timeout");
  }

  @Test
  void noRouteIsANotFoundProblem() {
    var problem = ProblemErrorHandler.problemFor(new ResponseStatusException(HttpStatus.NOT_FOUND));

    assertThat(problem.getStatus()).isEqualTo(404);
    assertThat(problem.getType().toString()).isEqualTo("https://ledgerline.io/problems/not-found");
  }

  @Test
  void aBodyThatGrowsPastItsLimitIs413() {
    var problem = ProblemErrorHandler.problemFor(new PayloadTooLarge("too big"));

    assertThat(problem.getStatus()).isEqualTo(413);
    assertThat(problem.getType().toString()).endsWith("/payload-too-large");
  }
}
