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

  /**
   * The live connection of a platform account (app-level webhooks name the account only).
   *
   * @throws ConnectorUnavailable when connector-service cannot answer
   */
  default Optional<ConnectionCredentials> loadByAccount(String platform, String accountId) {
    return Optional.empty();
  }

  /** Tells connector-service a webhook was accepted (its health); best effort, never throws. */
  default void webhookReceived(UUID connectionId, java.time.Instant receivedAt) {}
}
