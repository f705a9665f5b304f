package io.ledgerline.platform.service.kafka;

import io.ledgerline.platform.service.failure.FailureKind;
import io.ledgerline.platform.service.failure.Failures;
import io.ledgerline.platform.service.failure.TransientFailure;

/** Turns "the registry cannot be reached" out of the serde's many exception types into one. */
final class RegistryFailures {

  private RegistryFailures() {}

  /**
   * {@code failure} itself, or a {@link TransientFailure} when it means the registry is
   * unavailable. The replacement carries the original only as text: a deserialization failure
   * travels through a Kafka header as a serialized exception, and the serde's exceptions are not
   * all serializable.
   */
  static RuntimeException translated(RuntimeException failure) {
    if (failure instanceof TransientFailure
        || Failures.classify(failure) != FailureKind.TRANSIENT) {
      return failure;
    }
    return new TransientFailure("The schema registry is unavailable: " + Failures.summary(failure));
  }
}
