package io.ledgerline.platform.service.kafka;

import io.ledgerline.events.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * Publishes a record the consumer gave up on to {@code <topic>.dlt}, same partition number is not
 * required (the dead-letter topic may have fewer partitions), with its original value bytes and the
 * reason in headers.
 */
class DeadLetters extends DeadLetterPublishingRecoverer {

  DeadLetters(KafkaOperations<Object, byte[]> template) {
    super(
        template, (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
    setHeadersFunction(DeadLetters::reasonHeaders);
  }

  private static Headers reasonHeaders(ConsumerRecord<?, ?> record, Exception exception) {
    Throwable cause = rootOfInterest(exception);
    String reason =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    RecordHeaders headers = new RecordHeaders();
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
