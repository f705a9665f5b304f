package io.ledgerline.platform.service.kafka;

import io.ledgerline.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * Kafka for every service: String keys and specific Avro values through the registry, the error
 * handler that retries with back-off and dead-letters what can never succeed, and the platform's
 * topics.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@ConditionalOnProperty(prefix = "ledgerline.kafka", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(KafkaAvroSettings.class)
public class KafkaSupportAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  AvroCodec avroCodec(KafkaAvroSettings settings) {
    return new AvroCodec(settings.registryUrl(), settings.registryCacheLifetime());
  }

  /** Every schema registered before the service reports ready, never inside a request. */
  @Bean
  SchemaRegistration ledgerlineSchemaRegistration(AvroCodec avroCodec) {
    return new SchemaRegistration(avroCodec);
  }

  /**
   * Deserialization errors must not stop the stream: both deserializers are wrapped so that a
   * poison record reaches the error handler (and its dead-letter topic) instead of failing every
   * poll.
   */
  @Bean
  DefaultKafkaConsumerFactoryCustomizer ledgerlineAvroConsumerFactoryCustomizer(
      KafkaAvroSettings settings) {
    return factory -> {
      Map<String, Object> configs =
          new HashMap<>(
              AvroSerde.deserializerConfig(
                  settings.registryUrl(), settings.registryCacheLifetime()));
      configs.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
      configs.put(ErrorHandlingDeserializer.KEY_DESERIALIZER_CLASS, StringDeserializer.class);
      configs.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
      configs.put(
          ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, RetainingAvroDeserializer.class);
      factory.updateConfigs(configs);
    };
  }

  /**
   * Writes dead letters: the original bytes as they were, never re-encoded. Its producer is private
   * (not a KafkaTemplate bean), so Boot's own KafkaTemplate and ProducerFactory stay as the service
   * configures them.
   */
  @Bean
  @ConditionalOnMissingBean
  DeadLetters ledgerlineDeadLetters(KafkaProperties kafka, ObjectProvider<MeterRegistry> meters) {
    Map<String, Object> configs = new HashMap<>(kafka.buildProducerProperties());
    configs.put(ProducerConfig.ACKS_CONFIG, "all");
    configs.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    configs.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    Map<Class<?>, Serializer<?>> keySerializers = new HashMap<>();
    keySerializers.put(String.class, new StringSerializer());
    // a key that could not be deserialized arrives here as its raw bytes
    keySerializers.put(byte[].class, new ByteArraySerializer());
    DefaultKafkaProducerFactory<Object, byte[]> factory =
        new DefaultKafkaProducerFactory<>(
            configs,
            new DelegatingByTypeSerializer(keySerializers, true),
            new ByteArraySerializer());
    // without a registry (a test slice) the count goes nowhere
    return new DeadLetters(factory, meters.getIfAvailable(CompositeMeterRegistry::new));
  }

  /**
   * Retries by what the failure is ({@link RetryPolicy}): transient ones until they pass,
   * unexpected ones a bounded number of times, permanent ones not at all; what is given up goes to
   * the dead-letter topic. Every classification is the platform's ({@code Failures}), so Spring's
   * own list of not-retryable exceptions is replaced by it.
   */
  @Bean
  @ConditionalOnMissingBean(CommonErrorHandler.class)
  DefaultErrorHandler ledgerlineKafkaErrorHandler(
      DeadLetters ledgerlineDeadLetters,
      KafkaAvroSettings settings,
      ObjectProvider<MeterRegistry> meters) {
    RetryPolicy policy = new RetryPolicy(settings.retry());
    DefaultErrorHandler handler = new DefaultErrorHandler(ledgerlineDeadLetters, policy.bounded());
    handler.setClassifications(Map.of(), true);
    handler.setBackOffFunction((record, exception) -> policy.backOffFor(exception));
    handler.setRetryListeners(new RetryLog(meters.getIfAvailable()));
    return handler;
  }

  @Bean
  KafkaAdmin.NewTopics ledgerlineTopics(KafkaAvroSettings settings) {
    List<NewTopic> topics = new ArrayList<>();
    for (String topic : Topics.ALL) {
      for (String name : List.of(topic, Topics.deadLetter(topic))) {
        topics.add(
            TopicBuilder.name(name)
                .partitions(settings.partitions())
                .replicas(settings.replicationFactor())
                .config("min.insync.replicas", Integer.toString(settings.minInsyncReplicas()))
                .build());
      }
    }
    return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
  }
}
