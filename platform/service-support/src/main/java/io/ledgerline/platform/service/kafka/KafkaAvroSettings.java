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
    @DefaultValue @Valid @NotNull Retry retry) {

  /**
   * Exponential back-off for records whose failure may be transient (the database is down, a peer
   * times out). Records that can never succeed skip it and go to the dead-letter topic at once.
   *
   * @param initialInterval wait before the first retry
   * @param multiplier growth of the wait per retry
   * @param maxInterval the longest single wait
   * @param maxRetries retries before the record goes to the dead-letter topic
   */
  public record Retry(
      @DefaultValue("1s") @NotNull Duration initialInterval,
      @DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
      @DefaultValue("30s") @NotNull Duration maxInterval,
      @DefaultValue("8") @Min(0) int maxRetries) {}
}
