package io.ledgerline.connector.connection;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The use cases on connections: create, list, show, and hand credentials to webhook-ingest. */
@Service
class ConnectionService {

  private static final int GENERATED_SECRET_BYTES = 32;

  private final Connections connections;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  ConnectionService(Connections connections, Clock clock) {
    this.connections = connections;
    this.clock = clock;
  }

  record CreateConnection(
      String tenantId,
      String platform,
      String name,
      Map<String, String> settings,
      String webhookSecret) {}

  /** The new connection and its secret in plain text, for the one response that shows it. */
  record Created(Connection connection, String webhookSecret) {}

  record Credentials(Connection connection, List<WebhookSecret> secrets) {}

  @Transactional
  Created create(CreateConnection command) {
    ConnectionPlatform platform =
        ConnectionPlatform.byId(command.platform())
            .orElseThrow(
                () -> ConnectionProblems.invalid("Unknown platform " + command.platform()));
    if (!platform.supported()) {
      throw ConnectionProblems.unsupportedPlatform(platform.id());
    }
    Map<String, String> settings = command.settings() == null ? Map.of() : command.settings();
    platform
        .problemWith(settings)
        .ifPresent(
            p -> {
              throw ConnectionProblems.invalid(p);
            });
    String secret =
        command.webhookSecret() == null || command.webhookSecret().isBlank()
            ? generateSecret()
            : command.webhookSecret();
    Connection connection =
        new Connection(
            UUID.randomUUID(),
            command.tenantId(),
            platform,
            command.name(),
            ConnectionStatus.ACTIVE,
            settings,
            clock.instant());
    connections.add(connection, new WebhookSecret(secret, null));
    return new Created(connection, secret);
  }

  @Transactional(readOnly = true)
  List<Connection> list(String tenantId) {
    return connections.allOf(tenantId);
  }

  @Transactional(readOnly = true)
  Connection get(String tenantId, UUID id) {
    return connections.findOf(tenantId, id).orElseThrow(() -> ConnectionProblems.notFound(id));
  }

  /**
   * The connection and the secrets that still verify now (the previous one only until it expires).
   */
  @Transactional(readOnly = true)
  Credentials credentials(UUID id) {
    Connection connection =
        connections.findById(id).orElseThrow(() -> ConnectionProblems.notFound(id));
    List<WebhookSecret> usable =
        connections.secretsOf(connection).stream()
            .filter(s -> s.usableAt(clock.instant()))
            .toList();
    return new Credentials(connection, usable);
  }

  private String generateSecret() {
    byte[] bytes = new byte[GENERATED_SECRET_BYTES];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
