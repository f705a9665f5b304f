package io.ledgerline.connector.connection;

import io.ledgerline.platforms.Platform;
import io.ledgerline.platforms.Platforms;
import io.ledgerline.platforms.account.Account;
import io.ledgerline.platforms.account.AccountApi;
import io.ledgerline.platforms.account.AccountCall;
import io.ledgerline.platforms.connection.SecretGenerator;
import io.ledgerline.platforms.connection.SettingsRules;
import io.ledgerline.platforms.http.PlatformCallFailed;
import io.ledgerline.platforms.oauth.AuthorizationUrls;
import io.ledgerline.platforms.oauth.OAuth2App;
import io.ledgerline.platforms.oauth.OAuth2Spec;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Connects an account: by OAuth2 (a pending connection and the URL of the platform's consent page;
 * again later for a fresh URL, same connection), or with an account token the tenant gives, which
 * is checked against the platform before the connection exists.
 */
@Service
class ConnectAccount {

  private final Connections connections;
  private final AccountTokens tokens;
  private final AuthorizationStates states;
  private final PlatformApps apps;
  private final AccountCalls calls;
  private final WebhookRegistrations registrations;
  private final ConnectorSettings connector;
  private final AccountSettings settings;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final SettingsRules rules = new SettingsRules(new SecretGenerator(new SecureRandom()));

  ConnectAccount(
      Connections connections,
      AccountTokens tokens,
      AuthorizationStates states,
      PlatformApps apps,
      AccountCalls calls,
      WebhookRegistrations registrations,
      ConnectorSettings connector,
      AccountSettings settings,
      TransactionTemplate transactions,
      Clock clock) {
    this.connections = connections;
    this.tokens = tokens;
    this.states = states;
    this.apps = apps;
    this.calls = calls;
    this.registrations = registrations;
    this.connector = connector;
    this.settings = settings;
    this.transactions = transactions;
    this.clock = clock;
  }

  record Connect(
      String tenantId,
      String platform,
      String name,
      Map<String, String> settings,
      String secret,
      String token) {
    @Override
    public String toString() {
      return "Connect[tenantId=" + tenantId + ", platform=" + platform + ", token=***]";
    }
  }

  /** The authorization URL to open, and until when its state works. */
  record Authorization(URI url, Instant expiresAt) {}

  record Connected(Connection connection, String secret, Authorization authorization) {
    @Override
    public String toString() {
      return "Connected[connection=" + connection.id() + ", secret=***]";
    }
  }

  Connected byOAuth(Connect command) {
    Platform platform = platform(command.platform(), Platform.Part.OAUTH2, "oauth2");
    OAuth2App app =
        apps.app(platform).orElseThrow(() -> ConnectionProblems.notConfigured(platform));
    UUID id = UUID.randomUUID();
    SettingsRules.NewConnection accepted =
        rules.forAccount(
            platform,
            command.settings(),
            command.secret(),
            true,
            connector.webhookUrl(platform, id));
    Connection connection =
        new Connection(
            id,
            command.tenantId(),
            platform,
            command.name(),
            ConnectionStatus.PENDING_AUTHORIZATION,
            accepted.settings(),
            clock.instant(),
            accepted.secret() != null,
            Connection.Auth.OAUTH2,
            null,
            Map.of(),
            List.of(),
            null);
    // The URL is built before anything is stored: a setting it needs (Shopify's shop) fails first.
    AuthorizationUrls.Start start =
        AuthorizationUrls.start(platform.oauth2(), app, accepted.settings());
    Instant expiresAt = clock.instant().plus(settings.stateLifetime());
    transactions.executeWithoutResult(
        tx -> {
          connections.add(connection, accepted.secret());
          states.replace(
              connection, start.state(), start.codeVerifier(), expiresAt, clock.instant());
        });
    return new Connected(connection, accepted.secret(), new Authorization(start.url(), expiresAt));
  }

  /** A fresh authorization URL for an OAuth connection (re-authorization keeps its id). */
  Authorization authorize(String tenantId, UUID id) {
    Connection connection =
        connections.findOf(tenantId, id).orElseThrow(() -> ConnectionProblems.notFound(id));
    if (connection.auth() != Connection.Auth.OAUTH2) {
      throw ConnectionProblems.wrongStatus(
          connection, "authorized by OAuth (it is not an OAuth connection)");
    }
    if (connection.status() == ConnectionStatus.DELETED) {
      throw ConnectionProblems.wrongStatus(connection, "authorized");
    }
    OAuth2App app =
        apps.app(connection.platform())
            .orElseThrow(() -> ConnectionProblems.notConfigured(connection.platform()));
    AuthorizationUrls.Start start =
        AuthorizationUrls.start(connection.platform().oauth2(), app, connection.settings());
    Instant expiresAt = clock.instant().plus(settings.stateLifetime());
    transactions.executeWithoutResult(
        tx ->
            states.replace(
                connection, start.state(), start.codeVerifier(), expiresAt, clock.instant()));
    return new Authorization(start.url(), expiresAt);
  }

  /**
   * Checks the given token against the platform (who is the account?), registers webhooks where the
   * platform allows, and stores an ACTIVE connection with the token encrypted.
   */
  Connected byToken(Connect command) {
    Platform platform = platform(command.platform(), Platform.Part.ACCOUNT_API, "token");
    AccountApi api = platform.accountApi();
    if (api.accountToken().isEmpty()) {
      throw new InvalidConnectionInput(
          "auth", platform.id() + " connects by OAuth only (auth: oauth2)");
    }
    if (command.token() == null || command.token().isBlank()) {
      throw new InvalidConnectionInput(
          "token", "token (" + api.accountToken().get() + ") is required for auth: token");
    }
    if (command.token().length() > 4096
        || command.token().chars().anyMatch(Character::isISOControl)) {
      throw new InvalidConnectionInput(
          "token", "token must be at most 4096 characters, without control characters");
    }
    UUID id = UUID.randomUUID();
    SettingsRules.NewConnection accepted =
        rules.forAccount(
            platform,
            command.settings(),
            command.secret(),
            false,
            connector.webhookUrl(platform, id));
    Account account;
    AccountCall call;
    try {
      call =
          calls.withToken(
              platform, id, command.token().strip(), false, accepted.settings(), Map.of());
      account = api.identify(call);
    } catch (IllegalArgumentException missing) {
      throw new InvalidConnectionInput("settings", missing.getMessage());
    } catch (PlatformCallFailed failed) {
      throw failed.kind() == PlatformCallFailed.Kind.UNAVAILABLE
          ? ConnectionProblems.platformUnavailable(
              platform.displayName() + " could not be reached to check the token")
          : ConnectionProblems.tokenRejected(
              platform.displayName() + " did not accept the token (" + failed.getMessage() + ")");
    }
    Map<String, String> connectionSettings = new HashMap<>(accepted.settings());
    connectionSettings.putAll(account.settings());
    Connection pending =
        new Connection(
            id,
            command.tenantId(),
            platform,
            command.name(),
            ConnectionStatus.ACTIVE,
            connectionSettings,
            clock.instant(),
            accepted.secret() != null,
            Connection.Auth.TOKEN,
            new Connection.AccountRef(account.id(), account.name()),
            account.facts(),
            List.of(),
            null);
    Optional<Connection> taken = connections.accountTakenByAnother(pending, account.id());
    if (taken.isPresent()) {
      throw ConnectionProblems.accountTaken(taken.get(), pending.tenantId());
    }
    WebhookRegistrations.Result webhooks = registrations.register(pending, call, accepted.secret());
    String secret = webhooks.secret() != null ? webhooks.secret() : accepted.secret();
    Connection connection =
        pending
            .withAccount(pending.account(), connectionSettings, account.facts(), webhooks.ids())
            .withSecretConfigured(secret != null);
    transactions.executeWithoutResult(
        tx -> {
          connections.add(connection, secret);
          connections.activate(connection);
          connections.recordWebhookRegistration(id, webhooks.ids(), webhooks.expiresAt());
          tokens.store(
              id,
              command.tenantId(),
              new AccountTokens.Stored(command.token().strip(), null, null),
              clock.instant(),
              false);
          connections.recordSuccess(id, clock.instant());
          if (webhooks.error() != null) {
            connections.recordError(id, webhooks.error(), clock.instant());
          }
        });
    return new Connected(connection, webhooks.secret() != null ? null : accepted.secret(), null);
  }

  private static Platform platform(String id, Platform.Part part, String auth) {
    Platform platform =
        Platforms.installed()
            .find(id)
            .filter(p -> p.provides(Platform.Part.CONNECTION_RULES))
            .orElseThrow(() -> ConnectionProblems.unsupportedPlatform(id));
    if (!platform.provides(part) || !platform.provides(Platform.Part.ACCOUNT_API)) {
      throw new InvalidConnectionInput(
          "auth", platform.id() + " connections cannot use auth: " + auth);
    }
    return platform;
  }

  /** For {@link OAuth2Spec} placeholders: settings and facts together. */
  static Map<String, String> values(Connection connection) {
    return OAuth2Spec.values(connection.settings(), connection.facts());
  }
}
