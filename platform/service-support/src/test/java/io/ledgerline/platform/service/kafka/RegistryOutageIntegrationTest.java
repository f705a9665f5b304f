package io.ledgerline.platform.service.kafka;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.ledgerline.events.SyncRequest;
import io.ledgerline.events.Topics;
import io.ledgerline.platform.service.failure.TransientFailure;
import io.ledgerline.platform.test.SharedInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The registry goes away (a proxy in front of the real one starts resetting connections): schemas
 * the service already resolved keep serving, a record whose schema the consumer has never seen
 * waits, retried, and is delivered when the registry is back; nothing reaches a dead-letter topic.
 */
@SpringBootTest(
    classes = RegistryOutageIntegrationTest.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "spring.kafka.consumer.group-id=registry-outage-test",
      "spring.kafka.consumer.auto-offset-reset=earliest",
      "spring.kafka.listener.auto-startup=false",
      "ledgerline.kafka.retry.initial-interval=100ms",
      "ledgerline.kafka.retry.max-interval=500ms",
      "ledgerline.kafka.retry.max-retries=1"
    })
@DirtiesContext
class RegistryOutageIntegrationTest {

  static final String TOPIC = Topics.SYNC_REQUESTS;
  static final WireMockServer registryProxy = new WireMockServer(options().dynamicPort());

  static {
    registryProxy.start();
    registryUp();
  }

  @DynamicPropertySource
  static void registryThroughTheProxy(DynamicPropertyRegistry properties) {
    properties.add(
        "ledgerline.kafka.registry-url", () -> registryProxy.baseUrl() + "/apis/registry/v2");
  }

  @Autowired AvroCodec codec;
  @Autowired Listener listener;
  @Autowired KafkaListenerEndpointRegistry listeners;
  @Autowired KafkaProperties kafka;
  @Autowired MeterRegistry meters;

  @AfterEach
  void registryBack() {
    registryUp();
  }

  @AfterAll
  static void stopProxy() {
    registryProxy.stop();
  }

  @Test
  void aSchemaRegisteredAtStartUpKeepsSerializingWhileTheRegistryIsDown() {
    SyncRequest request = DeadLetterIntegrationTest.syncRequest("cached-" + UUID.randomUUID());
    byte[] before = codec.serialize(TOPIC, request);

    registryDown();

    assertThat(codec.serialize(TOPIC, request)).isEqualTo(before);
  }

  @Test
  void aSchemaNeverResolvedFailsAsTransientWhileTheRegistryIsDown() {
    registryDown();
    AvroCodec cold = new AvroCodec(registryProxy.baseUrl() + "/apis/registry/v2");
    try {
      assertThatThrownBy(
              () ->
                  cold.serialize(
                      TOPIC, DeadLetterIntegrationTest.syncRequest("cold-" + UUID.randomUUID())))
          .isInstanceOf(TransientFailure.class)
          .hasMessageContaining("schema registry is unavailable");
    } finally {
      cold.destroy();
    }
  }

  @Test
  void aRecordConsumedWhileTheRegistryIsDownWaitsAndIsDeliveredWhenItIsBack() throws Exception {
    // written by a producer that reaches the registry itself
    AvroCodec direct = new AvroCodec(SharedInfrastructure.get().registryUrl());
    SyncRequest request = DeadLetterIntegrationTest.syncRequest("outage-" + UUID.randomUUID());
    send(request.getExternalId(), direct.serialize(TOPIC, request));
    direct.destroy();

    registryDown();
    // a consumer that starts now has never resolved the schema: it needs the registry
    listeners.getListenerContainer("registry-outage").start();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> transientRetries() >= 3 && listener.received.isEmpty());

    registryUp();

    await().atMost(Duration.ofSeconds(30)).until(() -> listener.received.contains(request));
    assertThat(deadLetterKeys()).doesNotContain(request.getExternalId());
  }

  private double transientRetries() {
    return meters.find("ledgerline.consumer.retries").tag("kind", "transient").counters().stream()
        .mapToDouble(c -> c.count())
        .sum();
  }

  private static void registryDown() {
    registryProxy.resetAll();
    registryProxy.stubFor(
        any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
  }

  private static void registryUp() {
    registryProxy.resetAll();
    String registry = SharedInfrastructure.get().registryUrl().replace("/apis/registry/v2", "");
    registryProxy.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(registry)));
  }

  private void send(String key, byte[] value) throws Exception {
    Map<String, Object> config = new java.util.HashMap<>(kafka.buildProducerProperties());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
      producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
    }
  }

  private Set<String> deadLetterKeys() {
    Map<String, Object> config = new java.util.HashMap<>(kafka.buildConsumerProperties());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "registry-outage-dlt-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    Set<String> keys = ConcurrentHashMap.newKeySet();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of(Topics.deadLetter(TOPIC)));
      // two empty polls after the assignment: everything there was has been read
      int empty = 0;
      for (int i = 0; i < 50 && empty < 2; i++) {
        var records = consumer.poll(Duration.ofMillis(500));
        records.forEach(r -> keys.add(r.key()));
        empty = records.isEmpty() && !consumer.assignment().isEmpty() ? empty + 1 : 0;
      }
    }
    return keys;
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

    @KafkaListener(id = "registry-outage", topics = TOPIC)
    void on(SyncRequest request) {
      if (request.getExternalId().startsWith("outage-")) {
        received.add(request);
      }
    }
  }
}
