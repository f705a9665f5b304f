package io.ledgerline.connector.connection;

import io.ledgerline.platforms.Platform;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant's connection to one account on one platform. Its secrets live apart, encrypted; {@code
 * secretConfigured} says whether it has a current one (a Clover connection waits for its auth code,
 * a Salesforce one never has one).
 */
record Connection(
    UUID id,
    String tenantId,
    Platform platform,
    String name,
    ConnectionStatus status,
    Map<String, String> settings,
    Instant createdAt,
    boolean secretConfigured) {

  Connection {
    settings = Map.copyOf(settings);
  }
}
