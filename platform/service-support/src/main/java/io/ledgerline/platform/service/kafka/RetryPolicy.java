package io.ledgerline.platform.service.kafka;

import io.ledgerline.platform.service.failure.FailureKind;
import io.ledgerline.platform.service.failure.Failures;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * How long a failed record is retried, by what its failure is ({@link Failures}): a transient one
 * for as long as it lasts (the partition waits, in order, and resumes when the outage ends), an
 * unexpected one a bounded number of times, a permanent one not at all. Only the last two reach the
 * dead-letter topic.
 */
final class RetryPolicy {

  private static final BackOff NO_RETRIES = new FixedBackOff(0, 0);

  private final KafkaAvroSettings.Retry settings;

  RetryPolicy(KafkaAvroSettings.Retry settings) {
    this.settings = settings;
  }

  BackOff backOffFor(Throwable failure) {
    return switch (Failures.classify(failure)) {
      case TRANSIENT -> untilItPasses();
      case PERMANENT -> NO_RETRIES;
      case UNEXPECTED -> bounded();
    };
  }

  static FailureKind kindOf(Throwable failure) {
    return Failures.classify(failure);
  }

  /** No limit on attempts or elapsed time: an outage of any length ends in success. */
  private BackOff untilItPasses() {
    ExponentialBackOff backOff = exponential();
    backOff.setMaxElapsedTime(Long.MAX_VALUE);
    backOff.setMaxAttempts(Long.MAX_VALUE);
    return backOff;
  }

  BackOff bounded() {
    ExponentialBackOff backOff = exponential();
    backOff.setMaxAttempts(settings.maxRetries());
    return backOff;
  }

  private ExponentialBackOff exponential() {
    ExponentialBackOff backOff =
        new ExponentialBackOff(settings.initialInterval().toMillis(), settings.multiplier());
    backOff.setMaxInterval(settings.maxInterval().toMillis());
    return backOff;
  }
}
