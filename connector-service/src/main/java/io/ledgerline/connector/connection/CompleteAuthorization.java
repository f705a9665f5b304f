package io.ledgerline.connector.connection;

import io.ledgerline.platforms.Platform;
import io.ledgerline.platforms.account.Account;
import io.ledgerline.platforms.account.AccountCall;
import io.ledgerline.platforms.http.PlatformCallFailed;
import io.ledgerline.platforms.oauth.InvalidCallback;
import io.ledgerline.platforms.oauth.OAuth2App;
import io.ledgerline.platforms.oauth.OAuth2Spec;
import io.ledgerline.platforms.oauth.TokenEndpoint;
import io.ledgerline.platforms.oauth.TokenRefused;
import io.ledgerline.platforms.oauth.Tokens;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The OAuth callback: the state (single use, bound to its connection, 10 minutes), the platform's
 * own check (Shopify's hmac), the code exchange, who the account is, webhooks registered where the
 * platform allows, and then, in one transaction, the tokens (encrypted), the account and {@code
 * ACTIVE}. Any refusal is a 400 problem and changes nothing but using up the state.
 */
@Service
class CompleteAuthorization {

  private static final Logger log = LoggerFactory.getLogger(CompleteAuthorization.class);

  private final AuthorizationStates states;
  private final Connections connections;
  private final AccountTokens tokens;
  private final PlatformApps apps;
  private final TokenEndpoint endpoint;
  private final AccountCalls calls;
  private final WebhookRegistrations registrations;
  private final TransactionTemplate transactions;
  private final Clock clock;

  CompleteAuthorization(
      AuthorizationStates states,
      Connections connections,
      AccountTokens tokens,
      PlatformApps apps,
      TokenEndpoint endpoint,
      AccountCalls calls,
      WebhookRegistrations registrations,
      TransactionTemplate transactions,
      Clock clock) {
    this.states = states;
    this.connections = connections;
    this.tokens = tokens;
    this.apps = apps;
    this.endpoint = endpoint;
    this.calls = calls;
    this.registrations = registrations;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * @param query the callback's query parameters, each once
   * @throws io.ledgerline.platform.service.problem.ProblemException 400 {@code
   *     authorization-failed} (and 409, 502) saying why
   */
  Connection complete(String platformId, Map<String, String> query) {
    String state = query.get("state");
    if (state == null || state.isBlank() || state.length() > 512) {
      throw ConnectionProblems.authorizationFailed("the callback carries no state");
    }
    AuthorizationStates.Pending pending =
        transactions.execute(tx -> states.take(state).orElse(null));
    if (pending == null) {
      throw ConnectionProblems.authorizationFailed(
          "unknown or already used state: start again with POST /api/v1/connections/{id}/authorize");
    }
    Connection connection =
        connections
            .findById(pending.connectionId())
            .orElseThrow(() -> ConnectionProblems.notFound(pending.connectionId()));
    Platform platform = connection.platform();
    if (!platform.id().equals(platformId)) {
      throw ConnectionProblems.authorizationFailed(
          "the state belongs to another platform's connection");
    }
    if (!pending.expiresAt().isAfter(clock.instant())) {
      throw ConnectionProblems.authorizationFailed(
          "the authorization expired: start again with POST /api/v1/connections/"
              + connection.id()
              + "/authorize");
    }
    if (connection.status() == ConnectionStatus.DELETED
        || connection.auth() != Connection.Auth.OAUTH2) {
      throw ConnectionProblems.authorizationFailed("the connection can no longer be authorized");
    }
    String error = query.get("error");
    if (error != null) {
      throw ConnectionProblems.authorizationFailed(
          platform.displayName() + " did not grant access: " + safe(error));
    }
    String code = query.get("code");
    if (code == null || code.isBlank()) {
      throw ConnectionProblems.authorizationFailed("the callback carries no code");
    }
    OAuth2Spec spec = platform.oauth2();
    OAuth2App app =
        apps.app(platform).orElseThrow(() -> ConnectionProblems.notConfigured(platform));
    if (spec.callbackCheck() != null) {
      try {
        spec.callbackCheck().check(query, app, connection.settings());
      } catch (InvalidCallback invalid) {
        throw ConnectionProblems.authorizationFailed(invalid.getMessage());
      }
    }
    Map<String, String> facts = new HashMap<>();
    for (String name : spec.callbackParameters()) {
      String value = query.get(name);
      if (value != null && !value.isBlank()) {
        facts.put(name, value);
      }
    }
    Tokens issued;
    try {
      issued =
          endpoint.exchange(
              spec,
              app,
              code,
              pending.codeVerifier(),
              OAuth2Spec.values(connection.settings(), facts),
              connection.id().toString());
    } catch (TokenRefused refused) {
      throw ConnectionProblems.authorizationFailed(
          platform.displayName() + " refused the authorization code (" + refused.error() + ")");
    } catch (PlatformCallFailed | IllegalArgumentException failed) {
      log.warn("Code exchange for connection {} failed: {}", connection.id(), failed.getMessage());
      throw ConnectionProblems.authorizationFailed(
          platform.displayName() + "'s token endpoint could not be used: " + failed.getMessage());
    }
    facts.putAll(issued.facts());
    Account account;
    AccountCall call;
    try {
      call =
          calls.withToken(
              platform, connection.id(), issued.accessToken(), true, connection.settings(), facts);
      account = platform.accountApi().identify(call);
    } catch (PlatformCallFailed | IllegalArgumentException failed) {
      throw ConnectionProblems.authorizationFailed(
          "the " + platform.displayName() + " account could not be read: " + failed.getMessage());
    }
    Optional<Connection> taken = connections.accountTakenByAnother(connection, account.id());
    if (taken.isPresent()) {
      throw ConnectionProblems.accountTaken(taken.get(), connection.tenantId());
    }
    Map<String, String> learnedSettings = new HashMap<>(connection.settings());
    learnedSettings.putAll(account.settings());
    Map<String, String> allFacts = new HashMap<>(facts);
    allFacts.putAll(account.facts());
    Connection identified =
        connection.withAccount(
            new Connection.AccountRef(account.id(), account.name()),
            learnedSettings,
            allFacts,
            connection.registeredWebhooks());
    WebhookRegistrations.Result webhooks =
        connection.registeredWebhooks().isEmpty()
            ? registrations.register(identified, call, currentSecret(identified, app))
            : WebhookRegistrations.Result.NONE;
    Connection active =
        identified
            .withAccount(
                identified.account(),
                learnedSettings,
                allFacts,
                webhooks.ids().isEmpty() ? connection.registeredWebhooks() : webhooks.ids())
            .withStatus(ConnectionStatus.ACTIVE);
    transactions.executeWithoutResult(
        tx -> {
          connections.lockById(connection.id());
          connections.activate(active);
          if (!webhooks.ids().isEmpty()) {
            connections.recordWebhookRegistration(
                connection.id(), webhooks.ids(), webhooks.expiresAt());
          }
          if (webhooks.secret() != null) {
            connections.rotate(active, webhooks.secret(), clock.instant());
          }
          tokens.store(
              connection.id(),
              connection.tenantId(),
              new AccountTokens.Stored(
                  issued.accessToken(), issued.refreshToken(), issued.expiresAt()),
              clock.instant(),
              false);
          connections.recordSuccess(connection.id(), clock.instant());
          if (webhooks.error() != null) {
            connections.recordError(connection.id(), webhooks.error(), clock.instant());
          }
        });
    return active.withSecretConfigured(active.secretConfigured() || webhooks.secret() != null);
  }

  /** The secret registered webhooks authenticate with: the stored one, else the app's. */
  private String currentSecret(Connection connection, OAuth2App app) {
    return connections.secretsOf(connection).stream()
        .findFirst()
        .map(WebhookSecret::value)
        .orElse(app.appWebhookSecret(connection.platform().oauth2()));
  }

  private static String safe(String s) {
    String c = s.replaceAll("[^A-Za-z0-9_ .-]", "");
    return c.length() > 80 ? c.substring(0, 80) : c;
  }
}
