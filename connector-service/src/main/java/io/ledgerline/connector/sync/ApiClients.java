package io.ledgerline.connector.sync;

import io.ledgerline.platforms.api.ApiClient;

/**
 * Makes the API client of a connection from its stored credentials. The connection feature provides
 * it once accounts connect by OAuth2 or token (issue 6); until then no connection has API access
 * ({@link NoApiClients}).
 */
public interface ApiClients {

  /** Whether the connection has credentials to call its platform's API. */
  boolean hasApiAccess(SyncedConnection connection);

  /**
   * @throws io.ledgerline.platforms.api.ConnectionUnusable when it has none or they were refused
   */
  ApiClient forConnection(SyncedConnection connection);
}
