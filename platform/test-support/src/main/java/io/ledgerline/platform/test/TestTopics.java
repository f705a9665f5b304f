package io.ledgerline.platform.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/**
 * Writes and reads topics the way other services do: values in the registry's wire format, through
 * the codec the platform uses (pass service-support's {@code AvroCodec}: {@code new
 * TestTopics(bootstrap, codec::serialize, codec::deserialize)}).
 */
public final class TestTopics implements AutoCloseable {

  private final String bootstrapServers;
  private final BiFunction<String, SpecificRecord, byte[]> encoder;
  private final BiFunction<String, byte[], Object> decoder;
  private final KafkaProducer<String, byte[]> producer;

  public TestTopics(
      String bootstrapServers,
      BiFunction<String, SpecificRecord, byte[]> encoder,
      BiFunction<String, byte[], Object> decoder) {
    this.bootstrapServers = bootstrapServers;
    this.encoder = encoder;
    this.decoder = decoder;
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new ByteArraySerializer());
  }

  /** Sends an event encoded for its topic and waits until the broker has it. */
  public void send(String topic, String key, SpecificRecord event) {
    sendRaw(topic, key, encoder.apply(topic, event));
  }

  public void sendRaw(String topic, String key, byte[] value) {
    try {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException("could not send to " + topic, e);
    }
  }

  /** A reader of {@code topic} from its beginning, in a group of its own. */
  public Reader reader(String topic) {
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    consumer.subscribe(List.of(topic));
    return new Reader(consumer);
  }

  @SuppressWarnings("unchecked")
  public <T> T decode(String topic, byte[] value) {
    return (T) decoder.apply(topic, value);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }

  /** Collects what a topic holds; {@link #await} polls until a condition holds (Awaitility). */
  public static final class Reader implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    Reader(KafkaConsumer<String, byte[]> consumer) {
      this.consumer = consumer;
    }

    public List<ConsumerRecord<String, byte[]>> await(
        Predicate<List<ConsumerRecord<String, byte[]>>> condition, Duration timeout) {
      Awaitility.await()
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(100))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return condition.test(seen);
              });
      return List.copyOf(seen);
    }

    /** Everything that arrives within {@code quiet}: to show that nothing more comes. */
    public List<ConsumerRecord<String, byte[]>> drain(Duration quiet) {
      long end = System.nanoTime() + quiet.toNanos();
      while (System.nanoTime() < end) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
      }
      return List.copyOf(seen);
    }

    @Override
    public void close() {
      consumer.close();
    }
  }
}
