package io.ledgerline.connector.connection;

import io.ledgerline.platforms.Platform;
import io.ledgerline.platforms.Platforms;
import io.ledgerline.platforms.connection.SecretGenerator;
import io.ledgerline.platforms.connection.SettingsRules;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases on connections: create, list, show, change, disable and enable, rotate the secret,
 * and hand credentials to webhook-ingest.
 */
@Service
class ConnectionService {

  private final Connections connections;
  private final ConnectorSettings settings;
  private final Clock clock;
  private final SettingsRules rules = new SettingsRules(new SecretGenerator(new SecureRandom()));

  private final PlatformApps apps;

  ConnectionService(
      Connections connections, ConnectorSettings settings, PlatformApps apps, Clock clock) {
    this.connections = connections;
    this.settings = settings;
    this.apps = apps;
    this.clock = clock;
  }

  record CreateConnection(
      String tenantId, String platform, String name, Map<String, String> settings, String secret) {
    @Override
    public String toString() {
      return "CreateConnection[tenantId=" + tenantId + ", platform=" + platform + "]";
    }
  }

  /** The new connection and its secret in plain text, for the one response that shows it. */
  record Created(Connection connection, String secret) {
    @Override
    public String toString() {
      return "Created[connection=" + connection + ", secret=***]";
    }
  }

  /**
   * A rotation's outcome, the new secret in plain text for the one response that shows it.
   *
   * @param previousValidUntil null when there was no secret before (a Clover auth code)
   */
  record Rotated(Connection connection, String secret, Instant previousValidUntil) {
    @Override
    public String toString() {
      return "Rotated[connection=" + connection + ", secret=***]";
    }
  }

  /** A change of name and non-secret settings, and Clover's auth code once the tenant has it. */
  record ChangeConnection(String name, Map<String, String> settings, String secret) {
    @Override
    public String toString() {
      return "ChangeConnection[name=" + name + ", settings=" + settings + "]";
    }
  }

  record Credentials(Connection connection, List<WebhookSecret> secrets) {}

  @Transactional
  Created create(CreateConnection command) {
    Platform platform =
        Platforms.installed()
            .find(command.platform())
            .filter(p -> p.provides(Platform.Part.CONNECTION_RULES))
            .orElseThrow(() -> ConnectionProblems.unsupportedPlatform(command.platform()));
    UUID id = UUID.randomUUID();
    SettingsRules.NewConnection accepted =
        rules.forNew(
            platform, command.settings(), command.secret(), settings.webhookUrl(platform, id));
    // One account, one connection: the settings may name the platform account (a shop, an org).
    String accountId = platform.connectionRules().accountId(accepted.settings()).orElse(null);
    Connection connection =
        new Connection(
            id,
            command.tenantId(),
            platform,
            command.name(),
            ConnectionStatus.ACTIVE,
            accepted.settings(),
            clock.instant(),
            accepted.secret() != null,
            Connection.Auth.WEBHOOK,
            accountId == null ? null : new Connection.AccountRef(accountId, null),
            Map.of(),
            List.of(),
            null);
    if (accountId != null) {
      Optional<Connection> existing = connections.findByAccount(platform.id(), accountId);
      if (existing.isPresent()) {
        throw ConnectionProblems.accountTaken(existing.get(), command.tenantId());
      }
    }
    try {
      connections.add(connection, accepted.secret());
    } catch (DuplicateKeyException raced) {
      // Another request connected the same account at the same moment; the first one won (this
      // transaction is aborted: nothing more can be read in it).
      throw ConnectionProblems.accountTaken(platform.id(), accountId);
    }
    return new Created(connection, accepted.secret());
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
   * Makes a new secret current (given, or generated where Ledgerline chooses it); the old one keeps
   * verifying for the overlap, so deliveries already signed with it are not lost.
   */
  @Transactional
  Rotated rotateSecret(String tenantId, UUID id, String secret, String overlap) {
    Connection connection = locked(tenantId, id);
    if (connection.isAccountConnection()) {
      // Registered or app-wide secrets change on the platform, not here; a given one may rotate.
      rules.secretForAccountLater(
          connection.platform(), connection.auth() == Connection.Auth.OAUTH2, secret);
    }
    String next = rules.secretForRotation(connection.platform(), secret);
    // PostgreSQL keeps microseconds: the response shows the instant exactly as stored
    Instant validUntil =
        clock.instant().plus(SecretRotation.overlap(overlap)).truncatedTo(ChronoUnit.MICROS);
    connections.rotate(connection, next, validUntil);
    return new Rotated(
        withSecret(connection), next, connection.secretConfigured() ? validUntil : null);
  }

  @Transactional
  Connection change(String tenantId, UUID id, ChangeConnection command) {
    Connection connection = locked(tenantId, id);
    String name = command.name() == null ? connection.name() : command.name();
    Map<String, String> changed =
        command.settings() == null
            ? connection.settings()
            : rules.changed(
                connection.platform(),
                connection.settings(),
                command.settings(),
                settings.webhookUrl(connection.platform(), id));
    connections.updateDetails(connection, name, changed);
    boolean secretConfigured = connection.secretConfigured();
    if (command.secret() != null && connection.isAccountConnection()) {
      String given =
          rules.secretForAccountLater(
              connection.platform(), connection.auth() == Connection.Auth.OAUTH2, command.secret());
      if (connection.secretConfigured()) {
        throw new InvalidConnectionInput(
            "secret",
            "this connection already has its webhook secret: change it through secret-rotations");
      }
      connections.rotate(connection, given, clock.instant());
      return connection.withDetails(name, changed).withSecretConfigured(true);
    }
    if (command.secret() != null) {
      String authCode = rules.secretGivenLater(connection.platform(), command.secret());
      if (connection.secretConfigured()) {
        throw new InvalidConnectionInput(
            "secret",
            "this connection already has its auth code: change it through secret-rotations");
      }
      connections.rotate(connection, authCode, clock.instant());
      secretConfigured = true;
    }
    return connection.withDetails(name, changed).withSecretConfigured(secretConfigured);
  }

  @Transactional
  Connection changeStatus(String tenantId, UUID id, ConnectionStatus status) {
    Connection connection = locked(tenantId, id);
    if (connection.status() != ConnectionStatus.ACTIVE
        && connection.status() != ConnectionStatus.DISABLED) {
      throw ConnectionProblems.wrongStatus(connection, "disabled or enabled");
    }
    connections.updateStatus(connection, status);
    return connection.withStatus(status);
  }

  /**
   * The connection and the secrets that still verify now (the previous one only until it expires).
   */
  @Transactional(readOnly = true)
  Credentials credentials(UUID id) {
    Connection connection =
        connections.findById(id).orElseThrow(() -> ConnectionProblems.notFound(id));
    return credentialsOf(connection);
  }

  @Transactional(readOnly = true)
  Credentials credentialsOfAccount(String platform, String accountId) {
    Connection connection =
        connections
            .findByAccount(platform, accountId)
            .orElseThrow(() -> ConnectionProblems.notFound(platform + " account " + accountId));
    return credentialsOf(connection);
  }

  @Transactional
  void webhookReceived(UUID id, Instant receivedAt) {
    connections.recordWebhook(id, receivedAt == null ? clock.instant() : receivedAt);
  }

  /**
   * The secrets that verify now: the stored ones (the previous only until it expires), and for an
   * OAuth connection whose platform signs the app's webhooks with the app's secret, that secret.
   */
  private Credentials credentialsOf(Connection connection) {
    List<WebhookSecret> usable =
        new java.util.ArrayList<>(
            connections.secretsOf(connection).stream()
                .filter(s -> s.usableAt(clock.instant()))
                .toList());
    if (connection.auth() == Connection.Auth.OAUTH2
        && connection.platform().accountApi().webhookSecret(true)
            == io.ledgerline.platforms.account.AccountApi.WebhookSecret.APP) {
      apps.app(connection.platform())
          .map(app -> app.appWebhookSecret(connection.platform().oauth2()))
          .ifPresent(secret -> usable.add(0, new WebhookSecret(secret, null)));
    }
    return new Credentials(withNotificationUrl(connection), usable);
  }

  /** Connections made before notificationUrl existed were told our URL: say so to verifiers. */
  private Connection withNotificationUrl(Connection c) {
    if (c.settings().containsKey(SettingsRules.NOTIFICATION_URL)) {
      return c;
    }
    Map<String, String> completed = new HashMap<>(c.settings());
    completed.put(SettingsRules.NOTIFICATION_URL, settings.webhookUrl(c));
    return c.withDetails(c.name(), completed);
  }

  private Connection locked(String tenantId, UUID id) {
    return connections.lockOf(tenantId, id).orElseThrow(() -> ConnectionProblems.notFound(id));
  }

  private static Connection withSecret(Connection c) {
    return c.withSecretConfigured(true);
  }
}
