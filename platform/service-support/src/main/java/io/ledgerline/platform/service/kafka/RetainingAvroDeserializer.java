package io.ledgerline.platform.service.kafka;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The Apicurio Avro deserializer, keeping the record's original value bytes in a header that lives
 * only in the consumer's memory. A record that later fails in the listener goes to its dead-letter
 * topic with exactly the bytes it arrived with, not a re-encoding (which could differ if the
 * producer wrote an older schema version).
 *
 * <p>A registry that cannot be reached becomes a {@code TransientFailure}, which survives the trip
 * through Kafka's error-handling deserializer, so the record is retried until the registry is back
 * instead of being dead-lettered as undecodable.
 */
public class RetainingAvroDeserializer implements Deserializer<Object> {

  /** The in-memory header with the original value bytes; stripped before anything is published. */
  public static final String ORIGINAL_VALUE_HEADER = "ledgerline-original-value";

  private final AvroKafkaDeserializer<Object> delegate = new AvroKafkaDeserializer<>();

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    delegate.configure(configs, isKey);
  }

  @Override
  public Object deserialize(String topic, byte[] data) {
    try {
      return delegate.deserialize(topic, data);
    } catch (RuntimeException e) {
      throw RegistryFailures.translated(e);
    }
  }

  @Override
  public Object deserialize(String topic, Headers headers, byte[] data) {
    if (data != null) {
      headers.remove(ORIGINAL_VALUE_HEADER);
      headers.add(ORIGINAL_VALUE_HEADER, data);
    }
    try {
      return delegate.deserialize(topic, headers, data);
    } catch (RuntimeException e) {
      throw RegistryFailures.translated(e);
    }
  }

  @Override
  public void close() {
    delegate.close();
  }
}
