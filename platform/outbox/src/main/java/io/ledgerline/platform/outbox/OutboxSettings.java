package io.ledgerline.platform.outbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Outbox settings ({@code ledgerline.outbox.*}).
 *
 * @param migrate whether the outbox applies its own table migration (history table {@code
 *     outbox_schema_history}), after the service's Flyway
 * @param retention how long published rows are kept (for forensics and manual re-publishing)
 * @param cleanupInterval how often rows older than the retention are deleted
 * @param monitorInterval how often the slot's retained WAL and the parked rows are read for the
 *     metrics
 * @param relay the relay that publishes the rows
 */
@Validated
@ConfigurationProperties("ledgerline.outbox")
public record OutboxSettings(
    @DefaultValue("true") boolean migrate,
    @DefaultValue("7d") @NotNull Duration retention,
    @DefaultValue("1h") @NotNull Duration cleanupInterval,
    @DefaultValue("30s") @NotNull Duration monitorInterval,
    @DefaultValue @Valid @NotNull Relay relay) {

  /**
   * @param enabled whether this instance runs the relay (one per database: a second instance's
   *     engine cannot take the replication slot and keeps retrying)
   * @param slotName the logical replication slot; default {@code <database>_outbox}
   * @param publicationName the publication of the outbox table; default {@code <database>_outbox}
   * @param heartbeatInterval how often the relay writes a heartbeat message into its database's WAL
   *     and confirms its position, so an idle outbox's slot does not hold back the WAL that other
   *     databases on the server write
   * @param pollInterval how long the engine waits for new changes when it has none before it looks
   *     again: the floor of every hop's latency (see docs/performance.md)
   * @param restartDelay wait before the relay restarts after a failure (Kafka or the database
   *     unreachable)
   */
  public record Relay(
      @DefaultValue("true") boolean enabled,
      @Nullable String slotName,
      @Nullable String publicationName,
      @DefaultValue("10s") @NotNull Duration heartbeatInterval,
      @DefaultValue("20ms") @NotNull Duration pollInterval,
      @DefaultValue("5s") @NotNull Duration restartDelay) {}
}
