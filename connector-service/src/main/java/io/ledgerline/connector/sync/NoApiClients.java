package io.ledgerline.connector.sync;

import io.ledgerline.platforms.api.ApiClient;
import io.ledgerline.platforms.api.ConnectionUnusable;

/** No connection has API credentials: webhook-only connections. */
final class NoApiClients implements ApiClients {

  @Override
  public boolean hasApiAccess(SyncedConnection connection) {
    return false;
  }

  @Override
  public ApiClient forConnection(SyncedConnection connection) {
    throw new ConnectionUnusable(
        "connection " + connection.id() + " has no API credentials (a webhook-only connection)",
        false);
  }
}
