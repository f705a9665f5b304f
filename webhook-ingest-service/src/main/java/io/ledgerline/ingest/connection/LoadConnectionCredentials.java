package io.ledgerline.ingest.connection;

import java.util.Optional;
import java.util.UUID;

/**
 * The port to connector-service: a connection's webhook credentials, empty if it does not exist.
 */
public interface LoadConnectionCredentials {

  /**
   * @throws ConnectorUnavailable when connector-service cannot answer (the platform should retry)
   */
  Optional<ConnectionCredentials> load(UUID connectionId);
}
