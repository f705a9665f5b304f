package io.ledgerline.platform.test;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;

/** The test JVM's Kafka broker, in this JVM or a container ({@link InfrastructureChoice}). */
interface TestKafka extends AutoCloseable {

  String bootstrapServers();

  @Override
  void close();

  static TestKafka start(InfrastructureChoice.Mode mode) {
    return mode == InfrastructureChoice.Mode.TESTCONTAINERS ? new Container() : new Embedded();
  }

  /** spring-kafka-test's KRaft broker, in this JVM. */
  final class Embedded implements TestKafka {
    private final EmbeddedKafkaKraftBroker broker;

    Embedded() {
      KafkaLogging.quieten();
      broker = new EmbeddedKafkaKraftBroker(1, 1);
      broker.brokerProperty("auto.create.topics.enable", "true");
      broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
      broker.afterPropertiesSet();
    }

    @Override
    public String bootstrapServers() {
      return broker.getBrokersAsString();
    }

    @Override
    public void close() {
      broker.destroy();
    }
  }

  /** Apache Kafka's own image (KRaft), with the same broker settings as the embedded one. */
  final class Container implements TestKafka {
    static final String IMAGE =
        System.getProperty("ledgerline.test.kafka-image", "apache/kafka:4.1.0");

    private final KafkaContainer container;

    @SuppressWarnings("resource")
    Container() {
      container =
          new KafkaContainer(IMAGE)
              .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
              .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
      container.start();
    }

    @Override
    public String bootstrapServers() {
      return container.getBootstrapServers();
    }

    @Override
    public void close() {
      container.stop();
    }
  }
}
