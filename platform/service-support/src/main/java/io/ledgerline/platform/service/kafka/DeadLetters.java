package io.ledgerline.platform.service.kafka;

import io.ledgerline.events.Topics;
import io.ledgerline.platform.service.failure.FailureKind;
import io.ledgerline.platform.service.failure.Failures;
import io.ledgerline.platform.service.metrics.Meters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * Publishes a record the consumer gave up on to {@code <topic>.dlt} (any partition: the dead-letter
 * topic need not have as many), with its original value bytes and the reason in headers. Public
 * only so that a service can replace it ({@code @ConditionalOnMissingBean}).
 */
public class DeadLetters extends DeadLetterPublishingRecoverer implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

  private final DefaultKafkaProducerFactory<Object, byte[]> producers;
  private final MeterRegistry meters;

  DeadLetters(DefaultKafkaProducerFactory<Object, byte[]> producers, MeterRegistry meters) {
    super(
        new KafkaTemplate<>(producers),
        (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
    this.producers = producers;
    this.meters = meters;
    setHeadersFunction(DeadLetters::reasonHeaders);
  }

  /** Publishes, then counts: a dead letter that could not be written is not counted as one. */
  @Override
  public void accept(
      ConsumerRecord<?, ?> record, @Nullable Consumer<?, ?> consumer, Exception exception) {
    super.accept(record, consumer, exception);
    Counter.builder(Meters.DEAD_LETTERS_WRITTEN)
        .description("Records given up on and written to their dead-letter topic")
        .tag("topic", record.topic())
        .tag("exception", rootOfInterest(exception).getClass().getSimpleName())
        .register(meters)
        .increment();
  }

  @Override
  public void destroy() {
    producers.destroy();
  }

  private static Headers reasonHeaders(ConsumerRecord<?, ?> record, Exception exception) {
    Throwable cause = rootOfInterest(exception);
    String reason =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    FailureKind kind = Failures.classify(exception);
    log.error(
        "Dead-lettering {}-{}@{} ({}): {}",
        record.topic(),
        record.partition(),
        record.offset(),
        kind.name().toLowerCase(java.util.Locale.ROOT),
        reason);
    RecordHeaders headers = new RecordHeaders();
    headers.add(DeadLetterHeaders.KIND, kind.name().getBytes(StandardCharsets.UTF_8));
    headers.add(
        DeadLetterHeaders.AT,
        Long.toString(System.currentTimeMillis()).getBytes(StandardCharsets.UTF_8));
    headers.add(DeadLetterHeaders.REASON, reason.getBytes(StandardCharsets.UTF_8));
    headers.add(
        DeadLetterHeaders.EXCEPTION, cause.getClass().getName().getBytes(StandardCharsets.UTF_8));
    return headers;
  }

  /** The listener's own exception, not Spring's wrapper around it. */
  static Throwable rootOfInterest(Throwable exception) {
    Throwable current = exception;
    while (current instanceof ListenerExecutionFailedException && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  @Override
  protected ProducerRecord<Object, Object> createProducerRecord(
      ConsumerRecord<?, ?> record,
      TopicPartition topicPartition,
      Headers headers,
      byte[] key,
      byte[] value) {
    byte[] original = value;
    Header retained = headers.lastHeader(RetainingAvroDeserializer.ORIGINAL_VALUE_HEADER);
    if (original == null && retained != null) {
      original = retained.value();
    }
    headers.remove(RetainingAvroDeserializer.ORIGINAL_VALUE_HEADER);
    return super.createProducerRecord(record, topicPartition, headers, key, original);
  }
}
