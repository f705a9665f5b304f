package io.ledgerline.connector.sync;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A connection as syncing sees it.
 *
 * @param status the connection's status ({@code ACTIVE}, {@code DISABLED}, {@code
 *     NEEDS_REAUTHORIZATION}, ...)
 * @param accountId the platform account's identity, once known
 * @param currency the connection's currency setting, if any
 * @param connectedAt when it connected: incremental pulls start there
 */
public record SyncedConnection(
    UUID id,
    String tenantId,
    String platform,
    String status,
    @Nullable String accountId,
    @Nullable String currency,
    Instant connectedAt) {

  public boolean active() {
    return "ACTIVE".equals(status);
  }

  /** Work waits (is parked) rather than failing: a person can make it usable again. */
  public boolean waitsForPerson() {
    return !active() && !"DELETED".equals(status);
  }
}
