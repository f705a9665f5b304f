package io.ledgerline.platform.service.kafka;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Kafka and Avro settings shared by every service ({@code ledgerline.kafka.*}).
 *
 * @param enabled whether the Kafka support is configured at all (a service without Kafka turns it
 *     off)
 * @param registryUrl the Apicurio registry's core API, e.g. {@code
 *     http://localhost:8091/apis/registry/v2}
 * @param partitions partitions of the topics this service creates
 * @param replicationFactor replication factor of the topics this service creates
 * @param minInsyncReplicas {@code min.insync.replicas} of the topics this service creates: with
 *     {@code acks=all} a write fails rather than live on fewer copies (production: 2 of 3)
 * @param registryCacheLifetime how long a resolved schema is used before the serde asks the
 *     registry again; when it cannot be reached the cached schema keeps serving
 * @param retry how a failing record is retried before it goes to its dead-letter topic
 */
@Validated
@ConfigurationProperties("ledgerline.kafka")
public record KafkaAvroSettings(
    @DefaultValue("true") boolean enabled,
    @NotBlank String registryUrl,
    @DefaultValue("3") @Min(1) int partitions,
    @DefaultValue("1") @Min(1) short replicationFactor,
    @DefaultValue("1") @Min(1) int minInsyncReplicas,
    @DefaultValue("24h") @NotNull Duration registryCacheLifetime,
    @DefaultValue @Valid @NotNull Retry retry) {

  /**
   * Exponential back-off for failed records. A transient failure (the database, the registry, a
   * peer or the network is down, something timed out) is retried with it for as long as it lasts,
   * however long that is; an unexpected one (most likely a bug) {@code maxRetries} times before it
   * goes to the dead-letter topic; one that can never succeed goes there at once.
   *
   * @param initialInterval wait before the first retry
   * @param multiplier growth of the wait per retry
   * @param maxInterval the longest single wait: also the longest a partition stays idle after an
   *     outage ends
   * @param maxRetries retries of an unexpected failure before the record is dead-lettered
   */
  public record Retry(
      @DefaultValue("1s") @NotNull Duration initialInterval,
      @DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
      @DefaultValue("15s") @NotNull Duration maxInterval,
      @DefaultValue("8") @Min(0) int maxRetries) {}
}
