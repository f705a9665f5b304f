package io.ledgerline.platform.service.kafka;

import io.ledgerline.platform.service.failure.FailureKind;
import io.ledgerline.platform.service.failure.Failures;
import io.ledgerline.platform.service.metrics.Meters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RetryListener;

/**
 * Says what is being retried and why: one log line per failed delivery (an outage shows as a steady
 * line per back-off, at most one every {@code retry.max-interval}) and the counter {@code
 * ledgerline_consumer_retries_total{topic,kind}}, whose rate tells an operator that a partition is
 * waiting for something.
 */
final class RetryLog implements RetryListener {

  private static final Logger log = LoggerFactory.getLogger(RetryLog.class);

  private final @Nullable MeterRegistry meters;

  RetryLog(@Nullable MeterRegistry meters) {
    this.meters = meters;
  }

  @Override
  public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
    Throwable cause = DeadLetters.rootOfInterest(ex);
    FailureKind kind = RetryPolicy.kindOf(ex);
    if (kind == FailureKind.PERMANENT) {
      return; // dead-lettered at once, and DeadLetters says so
    }
    log.warn(
        "Record {}-{}@{} failed ({}, attempt {}): {}",
        record.topic(),
        record.partition(),
        record.offset(),
        kind.name().toLowerCase(java.util.Locale.ROOT),
        deliveryAttempt,
        Failures.summary(cause));
    if (meters != null) {
      Counter.builder(Meters.CONSUMER_RETRIES)
          .description("Failed deliveries that will be retried, by failure kind")
          .tag("topic", record.topic())
          .tag("kind", kind.name().toLowerCase(java.util.Locale.ROOT))
          .register(meters)
          .increment();
    }
  }
}
