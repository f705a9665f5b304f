package io.ledgerline.platform.deadletters;

import io.ledgerline.events.Topics;
import io.ledgerline.platform.service.failure.FailureKind;
import io.ledgerline.platform.service.failure.Failures;
import io.ledgerline.platform.service.kafka.DeadLetterHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Copies what this service's consumers dead-lettered into its {@code dead_letters} table: it reads
 * the {@code <topic>.dlt} of every topic its listeners consume, in a group of its own, and keeps
 * the records whose original consumer group is one of theirs (another service consuming the same
 * topic keeps its own). Indexing is idempotent (keyed on the topic position), so a restart that
 * reads a record again changes nothing.
 *
 * <p>It never dead-letters anything itself: a database outage is waited out like any transient
 * failure; a record it cannot index is logged and skipped (it stays in the topic, and resetting
 * this group's offsets indexes it again).
 */
final class DeadLetterIndex implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterIndex.class);

  private final KafkaListenerEndpointRegistry listeners;
  private final DeadLetterEntries entries;
  private final Map<String, Object> consumerProperties;
  private final String groupId;
  private @Nullable ConcurrentMessageListenerContainer<String, byte[]> container;
  private Set<String> consumerGroups = Set.of();

  DeadLetterIndex(
      KafkaListenerEndpointRegistry listeners,
      DeadLetterEntries entries,
      Map<String, Object> consumerProperties,
      String groupId) {
    this.listeners = listeners;
    this.entries = entries;
    this.consumerProperties = consumerProperties;
    this.groupId = groupId;
  }

  @Override
  public synchronized void start() {
    Set<String> topics = new LinkedHashSet<>();
    Set<String> groups = new LinkedHashSet<>();
    for (MessageListenerContainer listener : listeners.getAllListenerContainers()) {
      String[] listened = listener.getContainerProperties().getTopics();
      if (listened != null) {
        for (String topic : listened) {
          topics.add(Topics.deadLetter(topic));
        }
      }
      if (listener.getGroupId() != null) {
        groups.add(listener.getGroupId());
      }
    }
    if (topics.isEmpty()) {
      log.info("No listeners, so no dead letters to index");
      return;
    }
    consumerGroups = Set.copyOf(groups);
    Map<String, Object> config = new HashMap<>(consumerProperties);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    DefaultKafkaConsumerFactory<String, byte[]> factory =
        new DefaultKafkaConsumerFactory<>(
            config, new StringDeserializer(), new ByteArrayDeserializer());
    ContainerProperties properties = new ContainerProperties(topics.toArray(String[]::new));
    properties.setGroupId(groupId);
    properties.setMessageListener((MessageListener<String, byte[]>) this::index);
    ConcurrentMessageListenerContainer<String, byte[]> started =
        new ConcurrentMessageListenerContainer<>(factory, properties);
    started.setBeanName(groupId);
    started.setCommonErrorHandler(errorHandler());
    started.start();
    container = started;
    log.info("Indexing dead letters of {} from {}", consumerGroups, topics);
  }

  private static DefaultErrorHandler errorHandler() {
    DefaultErrorHandler handler =
        new DefaultErrorHandler(
            (record, e) ->
                log.error(
                    "Cannot index dead letter {}-{}@{}, skipped (still in the topic): {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    Failures.summary(e)),
            new FixedBackOff(1000, 2));
    handler.setClassifications(Map.of(), true);
    handler.setBackOffFunction(
        (record, e) -> {
          if (Failures.classify(e) != FailureKind.TRANSIENT) {
            return null; // the default: two more tries, then skipped
          }
          ExponentialBackOff untilItPasses = new ExponentialBackOff(1000, 2);
          untilItPasses.setMaxInterval(15_000);
          return untilItPasses;
        });
    return handler;
  }

  void index(ConsumerRecord<String, byte[]> record) {
    String group = text(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
    if (group != null && !consumerGroups.contains(group)) {
      return; // another service's consumer gave it up: its own index has it
    }
    String originalTopic = text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
    String reason = text(record, DeadLetterHeaders.REASON);
    String at = text(record, DeadLetterHeaders.AT);
    DeadLetter letter =
        new DeadLetter(
            UUID.randomUUID(),
            record.topic(),
            record.partition(),
            record.offset(),
            originalTopic != null ? originalTopic : originalOf(record.topic()),
            integer(record, KafkaHeaders.DLT_ORIGINAL_PARTITION),
            longValue(record, KafkaHeaders.DLT_ORIGINAL_OFFSET),
            group,
            tenantOf(record.key()),
            record.key(),
            text(record, "eventType"),
            record.value(),
            text(record, DeadLetterHeaders.KIND),
            reason != null ? reason : "no reason recorded",
            text(record, DeadLetterHeaders.EXCEPTION),
            at != null
                ? Instant.ofEpochMilli(Long.parseLong(at))
                : Instant.ofEpochMilli(record.timestamp()),
            DeadLetter.Status.PARKED,
            null,
            0);
    if (entries.add(letter)) {
      log.info(
          "Dead letter {} indexed: {}-{}@{} of tenant {}: {}",
          letter.id(),
          letter.originalTopic(),
          letter.originalPartition(),
          letter.originalOffset(),
          letter.tenantId(),
          letter.reason());
    }
  }

  /** Keys are {@code tenantId:platform:externalId} or {@code tenantId:invoiceId}. */
  static @Nullable String tenantOf(@Nullable String key) {
    if (key == null) {
      return null;
    }
    int colon = key.indexOf(':');
    return colon > 0 ? key.substring(0, colon) : null;
  }

  private static String originalOf(String deadLetterTopic) {
    return deadLetterTopic.endsWith(".dlt")
        ? deadLetterTopic.substring(0, deadLetterTopic.length() - 4)
        : deadLetterTopic;
  }

  private static @Nullable String text(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static @Nullable Integer integer(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null || header.value().length != 4
        ? null
        : ByteBuffer.wrap(header.value()).getInt();
  }

  private static @Nullable Long longValue(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null || header.value().length != 8
        ? null
        : ByteBuffer.wrap(header.value()).getLong();
  }

  @Override
  public synchronized void stop() {
    if (container != null) {
      container.stop();
      container = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return container != null && container.isRunning();
  }
}
