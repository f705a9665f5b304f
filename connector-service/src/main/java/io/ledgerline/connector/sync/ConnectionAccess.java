package io.ledgerline.connector.sync;

import io.ledgerline.platforms.api.ApiClient;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What syncing needs of the connection feature: the connections and an API client that calls a
 * connection's platform with its credentials (through {@code platforms.http}: rate budget,
 * Retry-After, retries, refresh).
 */
public interface ConnectionAccess {

  Optional<SyncedConnection> find(UUID connectionId);

  /** The tenant's connections that can be synced (their platform has an API part). */
  List<SyncedConnection> syncable(String tenantId);

  /** Every active connection with API access, for the incremental schedule. */
  List<SyncedConnection> activeWithApi();

  /**
   * @throws io.ledgerline.platforms.api.ConnectionUnusable when the connection has no API
   *     credentials (a webhook-only connection) or they were refused
   */
  ApiClient client(SyncedConnection connection);
}
