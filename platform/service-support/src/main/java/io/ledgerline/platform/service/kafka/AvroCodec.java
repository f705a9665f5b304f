package io.ledgerline.platform.service.kafka;

import io.apicurio.registry.resolver.SchemaLookupResult;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.data.KafkaSerdeMetadata;
import io.apicurio.registry.serde.data.KafkaSerdeRecord;
import io.ledgerline.platform.service.failure.TransientFailure;
import java.time.Duration;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.beans.factory.DisposableBean;

/**
 * Encodes and decodes event values exactly as they travel on Kafka (Confluent wire format, schema
 * in the registry under {@code <topic>-value}). The outbox stores these bytes; the relay publishes
 * them as-is.
 *
 * <p>A schema it has resolved once is kept (the registry's ids never change their meaning) and
 * keeps serving while the registry is down; {@link SchemaRegistration} resolves every schema of the
 * platform at start-up, so no request ever needs the registry. When it does need it and the
 * registry cannot be reached, it throws a {@link TransientFailure}: the request answers 503, the
 * consumer retries.
 */
public class AvroCodec implements DisposableBean {

  private final AvroKafkaSerializer<Object> serializer = new AvroKafkaSerializer<>();
  private final AvroKafkaDeserializer<Object> deserializer = new AvroKafkaDeserializer<>();

  public AvroCodec(String registryUrl) {
    this(registryUrl, AvroSerde.DEFAULT_CACHE_LIFETIME);
  }

  public AvroCodec(String registryUrl, Duration cacheLifetime) {
    serializer.configure(AvroSerde.serializerConfig(registryUrl, cacheLifetime), false);
    deserializer.configure(AvroSerde.deserializerConfig(registryUrl, cacheLifetime), false);
  }

  /** The value bytes of {@code event} for {@code topic}; registers the schema if it is new. */
  public byte[] serialize(String topic, SpecificRecord event) {
    try {
      return serializer.serialize(topic, event);
    } catch (RuntimeException e) {
      throw RegistryFailures.translated(e);
    }
  }

  /** The event encoded in {@code bytes} (read with the generated class of its schema). */
  @SuppressWarnings("unchecked")
  public <T> T deserialize(String topic, byte[] bytes) {
    try {
      return (T) deserializer.deserialize(topic, bytes);
    } catch (RuntimeException e) {
      throw RegistryFailures.translated(e);
    }
  }

  /**
   * Registers (or finds) {@code schema} as the value schema of {@code topic} and keeps it, so that
   * later {@link #serialize} calls with records of that schema need no registry.
   *
   * @return the registry's content id of the schema (what the wire format carries)
   */
  public long register(String topic, Schema schema) {
    try {
      SchemaLookupResult<Schema> result =
          serializer
              .getSchemaResolver()
              .resolveSchema(
                  new KafkaSerdeRecord<>(
                      new KafkaSerdeMetadata(topic, false, new RecordHeaders()),
                      new GenericData.Record(schema)));
      return result.getContentId();
    } catch (RuntimeException e) {
      throw RegistryFailures.translated(e);
    }
  }

  @Override
  public void destroy() {
    serializer.close();
    deserializer.close();
  }
}
