package io.ledgerline.platform.service.kafka;

import io.apicurio.registry.resolver.SchemaResolverConfig;
import io.apicurio.registry.serde.Legacy4ByteIdHandler;
import io.apicurio.registry.serde.SerdeConfig;
import io.apicurio.registry.serde.avro.AvroKafkaSerdeConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The one Apicurio serde configuration of the platform. Values are written in the Confluent wire
 * format (magic byte 0, 4-byte content id, Avro binary) so that any Confluent-compatible reader can
 * decode them; the schema id must therefore never go into Kafka headers.
 *
 * <p>Resolved schemas are cached for a long time and, when a refresh fails, kept (fault-tolerant
 * refresh): an id always means the same schema, so a registry outage must not stop what already
 * works. The serde's default (30 s, then fail) sent every record consumed during a longer outage to
 * a dead-letter topic.
 */
public final class AvroSerde {

  /** How long a resolved schema is used before the serde asks the registry again. */
  public static final Duration DEFAULT_CACHE_LIFETIME = Duration.ofHours(24);

  private AvroSerde() {}

  /** Serializer configuration: auto-registers the record's schema under {@code <topic>-value}. */
  public static Map<String, Object> serializerConfig(String registryUrl) {
    return serializerConfig(registryUrl, DEFAULT_CACHE_LIFETIME);
  }

  public static Map<String, Object> serializerConfig(String registryUrl, Duration cacheLifetime) {
    Map<String, Object> config = wireFormat(registryUrl, cacheLifetime);
    config.put(SerdeConfig.AUTO_REGISTER_ARTIFACT, true);
    return Map.copyOf(config);
  }

  /**
   * Deserializer configuration: reads into the generated classes of {@code io.ledgerline.events}.
   */
  public static Map<String, Object> deserializerConfig(String registryUrl) {
    return deserializerConfig(registryUrl, DEFAULT_CACHE_LIFETIME);
  }

  public static Map<String, Object> deserializerConfig(String registryUrl, Duration cacheLifetime) {
    Map<String, Object> config = wireFormat(registryUrl, cacheLifetime);
    config.put(AvroKafkaSerdeConfig.USE_SPECIFIC_AVRO_READER, true);
    return Map.copyOf(config);
  }

  /**
   * The Confluent wire format both sides share (magic byte, 4-byte content id, no id in headers),
   * and the cache that outlives registry outages.
   */
  private static Map<String, Object> wireFormat(String registryUrl, Duration cacheLifetime) {
    Map<String, Object> config = new HashMap<>();
    config.put(SerdeConfig.REGISTRY_URL, registryUrl);
    config.put(SerdeConfig.ID_HANDLER, Legacy4ByteIdHandler.class.getName());
    config.put(SerdeConfig.USE_ID, "contentId");
    config.put(SerdeConfig.ENABLE_HEADERS, false);
    config.put(SchemaResolverConfig.CHECK_PERIOD_MS, cacheLifetime.toMillis());
    config.put(SchemaResolverConfig.FAULT_TOLERANT_REFRESH, true);
    return config;
  }
}
