package io.ledgerline.platform.service.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.events.Platform;
import io.ledgerline.events.SyncRequest;
import io.ledgerline.events.Topics;
import io.ledgerline.platform.service.metrics.Meters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The consumer side every service gets: Avro values through the real registry, retries for what may
 * pass, the dead-letter topic for what never will, and a stream that goes on after a poison record.
 */
@SpringBootTest(
    classes = DeadLetterIntegrationTest.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "spring.kafka.consumer.group-id=dead-letter-test",
      "spring.kafka.consumer.auto-offset-reset=earliest",
      "ledgerline.kafka.retry.initial-interval=50ms",
      "ledgerline.kafka.retry.max-retries=2"
    })
@DirtiesContext
class DeadLetterIntegrationTest {

  static final String TOPIC = Topics.SYNC_REQUESTS;

  @Autowired AvroCodec codec;
  @Autowired Listener listener;
  @Autowired org.springframework.boot.kafka.autoconfigure.KafkaProperties kafka;

  static KafkaProducer<String, byte[]> producer;
  static KafkaConsumer<String, byte[]> deadLetters;
  static final List<ConsumerRecord<String, byte[]>> deadLettered = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void clients(
      @Autowired org.springframework.boot.kafka.autoconfigure.KafkaProperties kafka) {
    Map<String, Object> producerConfig = new java.util.HashMap<>(kafka.buildProducerProperties());
    producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    producer = new KafkaProducer<>(producerConfig);
    Map<String, Object> consumerConfig = new java.util.HashMap<>(kafka.buildConsumerProperties());
    consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader-" + UUID.randomUUID());
    consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    deadLetters = new KafkaConsumer<>(consumerConfig);
    deadLetters.subscribe(List.of(Topics.deadLetter(TOPIC)));
  }

  @AfterAll
  static void closeClients() {
    producer.close();
    deadLetters.close();
  }

  @Test
  void deliversAnAvroRecordToTheListenerAsItsGeneratedClass() {
    SyncRequest request = syncRequest("ok-" + UUID.randomUUID());

    send(request.getExternalId(), codec.serialize(TOPIC, request));

    await().atMost(Duration.ofSeconds(30)).until(() -> listener.received.contains(request));
  }

  @Test
  void sendsARecordThatCanNeverSucceedToTheDeadLetterTopicWithItsOriginalBytesAndTheReason() {
    SyncRequest poison = syncRequest("poison-" + UUID.randomUUID());
    byte[] original = codec.serialize(TOPIC, poison);

    send(poison.getExternalId(), original);

    ConsumerRecord<String, byte[]> dead = awaitDeadLetter(poison.getExternalId());
    assertThat(dead.value()).isEqualTo(original);
    assertThat(header(dead, DeadLetterHeaders.REASON))
        .isEqualTo("no such object: " + poison.getExternalId());
    assertThat(header(dead, DeadLetterHeaders.EXCEPTION))
        .isEqualTo(PermanentFailure.class.getName());
    assertThat(header(dead, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(TOPIC);
    assertThat(dead.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET)).isNotNull();
    assertThat(dead.headers().lastHeader(RetainingAvroDeserializer.ORIGINAL_VALUE_HEADER)).isNull();
    assertThat(listener.attempts.get(poison.getExternalId())).isEqualTo(1);
  }

  @Test
  void countsADeadLetterByOriginalTopicAndCause(@Autowired MeterRegistry meters) {
    double before = deadLetterCount(meters);
    SyncRequest poison = syncRequest("poison-" + UUID.randomUUID());

    send(poison.getExternalId(), codec.serialize(TOPIC, poison));

    awaitDeadLetter(poison.getExternalId());
    await().atMost(Duration.ofSeconds(10)).until(() -> deadLetterCount(meters) >= before + 1);
  }

  private static double deadLetterCount(MeterRegistry meters) {
    Counter counter =
        meters
            .find(Meters.DEAD_LETTERS_WRITTEN)
            .tag("topic", TOPIC)
            .tag("exception", PermanentFailure.class.getSimpleName())
            .counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void deadLettersAValueThatIsNotAvroAndGoesOnWithTheNextRecord() {
    String key = "garbage-" + UUID.randomUUID();
    byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
    SyncRequest next = syncRequest("ok-" + UUID.randomUUID());

    send(key, garbage);
    send(next.getExternalId(), codec.serialize(TOPIC, next));

    ConsumerRecord<String, byte[]> dead = awaitDeadLetter(key);
    assertThat(dead.value()).isEqualTo(garbage);
    assertThat(header(dead, DeadLetterHeaders.REASON)).isNotBlank();
    await().atMost(Duration.ofSeconds(30)).until(() -> listener.received.contains(next));
  }

  @Test
  void retriesAFailureThatMayPassInsteadOfDeadLetteringIt() {
    SyncRequest flaky = syncRequest("flaky-" + UUID.randomUUID());

    send(flaky.getExternalId(), codec.serialize(TOPIC, flaky));

    await().atMost(Duration.ofSeconds(30)).until(() -> listener.received.contains(flaky));
    assertThat(listener.attempts.get(flaky.getExternalId())).isEqualTo(2);
    assertThat(deadLettered).noneMatch(record -> flaky.getExternalId().equals(record.key()));
  }

  private void send(String key, byte[] value) {
    try {
      producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static ConsumerRecord<String, byte[]> awaitDeadLetter(String key) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              synchronized (deadLetters) {
                deadLetters.poll(Duration.ofMillis(200)).forEach(deadLettered::add);
              }
              return deadLettered.stream()
                  .filter(r -> key.equals(r.key()))
                  .findFirst()
                  .orElse(null);
            },
            record -> record != null);
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  static SyncRequest syncRequest(String externalId) {
    return SyncRequest.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setTenantId("tenant-1")
        .setConnectionId("connection-1")
        .setPlatform(Platform.HUBSPOT)
        .setObjectType("deal")
        .setExternalId(externalId)
        .setAction("creation")
        .setOccurredAt(Instant.parse("2026-01-02T03:04:05Z"))
        .build();
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    @Bean
    Listener listener() {
      return new Listener();
    }

    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  static class Listener {
    final Set<SyncRequest> received = ConcurrentHashMap.newKeySet();
    final Map<String, Integer> attempts = new ConcurrentHashMap<>();

    @KafkaListener(topics = TOPIC)
    void on(SyncRequest request) {
      int attempt = attempts.merge(request.getExternalId(), 1, Integer::sum);
      if (request.getExternalId().startsWith("poison-")) {
        throw new PermanentFailure("no such object: " + request.getExternalId());
      }
      if (request.getExternalId().startsWith("flaky-") && attempt == 1) {
        throw new IllegalStateException("the database blinked");
      }
      received.add(request);
    }
  }
}
