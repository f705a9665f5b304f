package io.ledgerline.platform.service.kafka;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.beans.factory.DisposableBean;

/**
 * Encodes and decodes event values exactly as they travel on Kafka (Confluent wire format, schema
 * in the registry under {@code <topic>-value}). The outbox stores these bytes; the relay publishes
 * them as-is.
 */
public class AvroCodec implements DisposableBean {

  private final AvroKafkaSerializer<SpecificRecord> serializer = new AvroKafkaSerializer<>();
  private final AvroKafkaDeserializer<Object> deserializer = new AvroKafkaDeserializer<>();

  public AvroCodec(String registryUrl) {
    serializer.configure(AvroSerde.serializerConfig(registryUrl), false);
    deserializer.configure(AvroSerde.deserializerConfig(registryUrl), false);
  }

  /** The value bytes of {@code event} for {@code topic}; registers the schema if it is new. */
  public byte[] serialize(String topic, SpecificRecord event) {
    return serializer.serialize(topic, event);
  }

  /** The event encoded in {@code bytes} (read with the generated class of its schema). */
  @SuppressWarnings("unchecked")
  public <T> T deserialize(String topic, byte[] bytes) {
    return (T) deserializer.deserialize(topic, bytes);
  }

  @Override
  public void destroy() {
    serializer.close();
    deserializer.close();
  }
}
