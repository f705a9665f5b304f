package io.ledgerline.platform.service.failure;

import static org.assertj.core.api.Assertions.assertThat;

import io.apicurio.registry.rest.client.exception.RestClientException;
import io.apicurio.registry.rest.v2.beans.Error;
import io.ledgerline.platform.service.kafka.PermanentFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.client.HttpServerErrorException;

class FailuresTest {

  @Test
  void aDatabaseThatRefusesConnectionsIsTransientHoweverDeeplyItIsWrapped() {
    // what a listener's transaction gets from Hikari while PostgreSQL refuses connections
    Exception failure =
        new ListenerExecutionFailedException(
            "Listener failed",
            new CannotCreateTransactionException(
                "Could not open JDBC Connection for transaction",
                new SQLTransientConnectionException(
                    "HikariPool-1 - Connection is not available, request timed out after 3000ms",
                    new SQLException(
                        "FATAL: database \"invoice_service\" is not currently accepting"
                            + " connections",
                        "55000"))));

    assertThat(Failures.classify(failure)).isEqualTo(FailureKind.TRANSIENT);
  }

  @Test
  void postgresqlStatesForNotNowAreTransient() {
    for (String state : new String[] {"08006", "08001", "53300", "57P01", "57P03", "40001"}) {
      assertThat(Failures.classify(new SQLException("x", state)))
          .as(state)
          .isEqualTo(FailureKind.TRANSIENT);
    }
    assertThat(Failures.classify(new SQLException("syntax", "42601")))
        .isEqualTo(FailureKind.UNEXPECTED);
  }

  @Test
  void theNetworkAndPeersThatAreDownAreTransient() {
    assertThat(Failures.classify(new UncheckedIOException(new ConnectException("refused"))))
        .isEqualTo(FailureKind.TRANSIENT);
    assertThat(Failures.classify(new RuntimeException(new SocketTimeoutException("slow"))))
        .isEqualTo(FailureKind.TRANSIENT);
    assertThat(Failures.classify(new IOException("Connection reset")))
        .isEqualTo(FailureKind.TRANSIENT);
    assertThat(Failures.classify(new DataAccessResourceFailureException("no connection")))
        .isEqualTo(FailureKind.TRANSIENT);
    assertThat(
            Failures.classify(
                HttpServerErrorException.create(
                    HttpStatus.SERVICE_UNAVAILABLE, "unavailable", null, null, null)))
        .isEqualTo(FailureKind.TRANSIENT);
  }

  @Test
  void aRegistryThatCannotBeReachedMakesADeserializationFailureTransient() {
    Exception failure =
        new DeserializationException(
            "failed to deserialize",
            new byte[] {0, 0, 0, 0, 7},
            false,
            new TransientFailure("the schema registry is unavailable"));

    assertThat(Failures.classify(failure)).isEqualTo(FailureKind.TRANSIENT);
  }

  @Test
  void aRegistryThatAnswersWithAServerErrorIsTransientButAnUnknownSchemaIsPermanent() {
    assertThat(Failures.classify(registryAnswer(500))).isEqualTo(FailureKind.TRANSIENT);
    assertThat(Failures.classify(registryAnswer(404))).isEqualTo(FailureKind.PERMANENT);
    assertThat(Failures.classify(registryAnswer(409))).isEqualTo(FailureKind.PERMANENT);
  }

  @Test
  void bytesThatAreNotAvroArePermanent() {
    Exception failure =
        new ListenerExecutionFailedException(
            "failed",
            new DeserializationException(
                "failed to deserialize", new byte[] {1, 2}, false, new IllegalStateException()));

    assertThat(Failures.classify(failure)).isEqualTo(FailureKind.PERMANENT);
  }

  @Test
  void anExplicitPermanentFailureWinsOverATransientCause() {
    Exception failure =
        new PermanentFailure("no such object", new SQLTransientConnectionException("x"));

    assertThat(Failures.classify(failure)).isEqualTo(FailureKind.PERMANENT);
  }

  @Test
  void aConstraintViolationIsPermanentButADuplicateKeyIsARaceWorthRetrying() {
    assertThat(Failures.classify(new DataIntegrityViolationException("value too long")))
        .isEqualTo(FailureKind.PERMANENT);
    assertThat(Failures.classify(new DuplicateKeyException("duplicate")))
        .isEqualTo(FailureKind.UNEXPECTED);
  }

  @Test
  void aRecordTooLargeForKafkaIsNotTransient() {
    assertThat(Failures.classify(new RecordTooLargeException("too large")))
        .isNotEqualTo(FailureKind.TRANSIENT);
  }

  @Test
  void aBugOfOursIsUnexpected() {
    assertThat(Failures.classify(new NullPointerException("oops")))
        .isEqualTo(FailureKind.UNEXPECTED);
    assertThat(Failures.classify(new IllegalStateException("no")))
        .isEqualTo(FailureKind.UNEXPECTED);
  }

  @Test
  void aCauseChainWithACycleEnds() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);

    assertThat(Failures.classify(a)).isEqualTo(FailureKind.UNEXPECTED);
  }

  private static RestClientException registryAnswer(int status) {
    Error error = new Error();
    error.setErrorCode(status);
    error.setMessage("answer " + status);
    return new RestClientException(error);
  }
}
