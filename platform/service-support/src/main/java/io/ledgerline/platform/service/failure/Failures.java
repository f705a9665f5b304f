package io.ledgerline.platform.service.failure;

import io.apicurio.registry.rest.client.exception.RateLimitedClientException;
import io.apicurio.registry.rest.client.exception.RestClientException;
import io.ledgerline.platform.service.kafka.PermanentFailure;
import jakarta.validation.ValidationException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.avro.AvroRuntimeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

/**
 * The platform's one classification of failures (see {@link FailureKind} and ADR 0004). It looks at
 * the whole cause chain, because what failed is usually wrapped: a listener's exception in
 * Spring's, a lost connection in a transaction failure, an unreachable registry in a
 * deserialization failure.
 *
 * <p>In order: an explicit {@link PermanentFailure} or {@link TransientFailure} anywhere in the
 * chain decides (the outermost one); then any sign that something we depend on is unavailable makes
 * it transient; then any sign of bad data makes it permanent; anything else is unexpected.
 */
public final class Failures {

  private static final int MAX_DEPTH = 32;

  private Failures() {}

  public static FailureKind classify(Throwable failure) {
    List<Throwable> chain = chain(failure);
    for (Throwable t : chain) {
      if (t instanceof PermanentFailure) {
        return FailureKind.PERMANENT;
      }
      if (t instanceof TransientFailure) {
        return FailureKind.TRANSIENT;
      }
    }
    for (Throwable t : chain) {
      if (isUnavailability(t)) {
        return FailureKind.TRANSIENT;
      }
    }
    for (Throwable t : chain) {
      if (isBadData(t)) {
        return FailureKind.PERMANENT;
      }
    }
    return FailureKind.UNEXPECTED;
  }

  public static boolean isTransient(Throwable failure) {
    return classify(failure) == FailureKind.TRANSIENT;
  }

  /** Something we depend on is down, overloaded, or did not answer in time. */
  private static boolean isUnavailability(Throwable t) {
    return t instanceof SQLTransientException
        || t instanceof SQLRecoverableException
        || (t instanceof SQLException sql && isUnavailableSqlState(sql.getSQLState()))
        || t instanceof TransientDataAccessException
        || t instanceof RecoverableDataAccessException
        || t instanceof DataAccessResourceFailureException
        || t instanceof CannotCreateTransactionException
        || isNetworkFailure(t)
        || t instanceof TimeoutException
        || t instanceof RetriableException
        || t instanceof ResourceAccessException
        || t instanceof HttpServerErrorException
        || t instanceof HttpClientErrorException.TooManyRequests
        || t instanceof RateLimitedClientException
        || (t instanceof RestClientException registry && isUnavailableRegistryAnswer(registry));
  }

  /**
   * PostgreSQL's classes for "not now": connection exceptions (08), insufficient resources (53),
   * operator intervention such as a shutdown or "cannot connect now" (57P0x), system errors (58),
   * serialization failures and deadlocks (40001, 40P01), a lock not available (55P03), a statement
   * timeout (57014).
   */
  static boolean isUnavailableSqlState(String state) {
    if (state == null) {
      return false;
    }
    return state.startsWith("08")
        || state.startsWith("53")
        || state.startsWith("57P0")
        || state.startsWith("58")
        || state.equals("40001")
        || state.equals("40P01")
        || state.equals("55P03")
        || state.equals("57014");
  }

  /**
   * Network I/O only: a plain {@code IOException} (what the JDK's HTTP client throws for a reset
   * connection) and the socket, timeout and DNS kinds. Not every {@code IOException}: Jackson 2's
   * parse errors are IOExceptions too, and a malformed document never parses on a retry.
   */
  private static boolean isNetworkFailure(Throwable t) {
    return t.getClass() == IOException.class
        || t instanceof SocketException
        || t instanceof InterruptedIOException
        || t instanceof HttpTimeoutException
        || t instanceof UnknownHostException
        || t instanceof ClosedChannelException;
  }

  private static boolean isUnavailableRegistryAnswer(RestClientException registry) {
    Integer code = registry.getError() == null ? null : registry.getError().getErrorCode();
    return code == null || code >= 500 || code == 429 || code == 408;
  }

  private static boolean isBadData(Throwable t) {
    return t instanceof IllegalArgumentException
        || t instanceof ValidationException
        || t instanceof MessageConversionException
        || t instanceof ConversionException
        || t instanceof MethodArgumentResolutionException
        || t instanceof DeserializationException
        || t instanceof SerializationException
        || t instanceof AvroRuntimeException
        || t instanceof ClassCastException
        || t instanceof RestClientException
        // a value that breaks a constraint breaks it on every retry; a duplicate key is a race
        // whose retry finds the winner's work done
        || (t instanceof DataIntegrityViolationException && !(t instanceof DuplicateKeyException));
  }

  /** The cause chain in one line ({@code A: x <- B: y <- ...}), for logs. */
  public static String summary(Throwable failure) {
    List<Throwable> chain = chain(failure);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < Math.min(chain.size(), 6); i++) {
      text.append(i == 0 ? "" : " <- ").append(chain.get(i));
    }
    return text.toString();
  }

  private static List<Throwable> chain(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Throwable current = failure;
    while (current != null && chain.size() < MAX_DEPTH && seen.add(current)) {
      chain.add(current);
      current = current.getCause();
    }
    return chain;
  }
}
