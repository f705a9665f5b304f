package io.ledgerline.platform.service.kafka;

import io.apicurio.registry.serde.Legacy4ByteIdHandler;
import io.apicurio.registry.serde.SerdeConfig;
import io.apicurio.registry.serde.avro.AvroKafkaSerdeConfig;
import java.util.Map;

/**
 * The one Apicurio serde configuration of the platform. Values are written in the Confluent wire
 * format (magic byte 0, 4-byte content id, Avro binary) so that any Confluent-compatible reader can
 * decode them; the schema id must therefore never go into Kafka headers.
 */
public final class AvroSerde {

  private AvroSerde() {}

  /** Serializer configuration: auto-registers the record's schema under {@code <topic>-value}. */
  public static Map<String, Object> serializerConfig(String registryUrl) {
    return with(wireFormat(registryUrl), SerdeConfig.AUTO_REGISTER_ARTIFACT, true);
  }

  /**
   * Deserializer configuration: reads into the generated classes of {@code io.ledgerline.events}.
   */
  public static Map<String, Object> deserializerConfig(String registryUrl) {
    return with(wireFormat(registryUrl), AvroKafkaSerdeConfig.USE_SPECIFIC_AVRO_READER, true);
  }

  /**
   * The Confluent wire format both sides share: magic byte, 4-byte content id, no id in headers.
   */
  private static Map<String, Object> wireFormat(String registryUrl) {
    return Map.of(
        SerdeConfig.REGISTRY_URL,
        registryUrl,
        SerdeConfig.ID_HANDLER,
        Legacy4ByteIdHandler.class.getName(),
        SerdeConfig.USE_ID,
        "contentId",
        SerdeConfig.ENABLE_HEADERS,
        false);
  }

  private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    Map<String, Object> config = new java.util.HashMap<>(base);
    config.put(key, value);
    return Map.copyOf(config);
  }
}
