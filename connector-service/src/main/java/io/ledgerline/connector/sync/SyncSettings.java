package io.ledgerline.connector.sync;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of fetching and pulling ({@code ledgerline.connector.sync.*}).
 *
 * @param enabled whether this replica runs syncs (the consumer always runs)
 * @param incrementalInterval how often a connection's incremental pull runs per object type
 * @param pollInterval how often this replica looks for due work
 * @param lease how long a replica holds a connection without renewing it (per page)
 * @param workers how many connections this replica syncs at once
 * @param maxPagesPerTurn pages a connection's sync runs before its turn ends and other connections
 *     get theirs (it goes on at the next poll)
 * @param replica this replica's name as a lease holder; unset: {@code <host name>:<server port>},
 *     which a replica restarted after a crash (kill -9, an OOM kill, a container restart in its
 *     pod) has again, so it takes its connections back at once instead of waiting for its dead
 *     self's leases to expire. Two live replicas must never share a name.
 */
@Validated
@ConfigurationProperties("ledgerline.connector.sync")
public record SyncSettings(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("15m") @NotNull Duration incrementalInterval,
    @DefaultValue("5s") @NotNull Duration pollInterval,
    @DefaultValue("2m") @NotNull Duration lease,
    @DefaultValue("2") @Min(1) int workers,
    @DefaultValue("50") @Min(1) int maxPagesPerTurn,
    @Nullable String replica) {}
