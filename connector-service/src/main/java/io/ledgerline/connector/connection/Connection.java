package io.ledgerline.connector.connection;

import io.ledgerline.platforms.Platform;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant's connection to one account on one platform. Its secrets and tokens live apart,
 * encrypted; {@code secretConfigured} says whether it has a current webhook secret (a Clover
 * connection waits for its auth code, a Salesforce one never has one).
 *
 * @param auth how it was connected: a webhook secret only, OAuth2, or an account token
 * @param account who the account is on the platform; null until known (a webhook connection, a
 *     pending authorization)
 * @param facts non-secret facts of the account later calls need (instance URL, API domain, ...)
 * @param registeredWebhooks the platform's ids of the webhooks Ledgerline registered for it
 */
record Connection(
    UUID id,
    String tenantId,
    Platform platform,
    String name,
    ConnectionStatus status,
    Map<String, String> settings,
    Instant createdAt,
    boolean secretConfigured,
    Auth auth,
    AccountRef account,
    Map<String, String> facts,
    List<String> registeredWebhooks,
    Health health) {

  Connection {
    settings = Map.copyOf(settings);
    facts = Map.copyOf(facts);
    registeredWebhooks = List.copyOf(registeredWebhooks);
    health = health == null ? Health.NONE : health;
  }

  /** A webhook connection, as before issue 6. */
  Connection(
      UUID id,
      String tenantId,
      Platform platform,
      String name,
      ConnectionStatus status,
      Map<String, String> settings,
      Instant createdAt,
      boolean secretConfigured) {
    this(
        id,
        tenantId,
        platform,
        name,
        status,
        settings,
        createdAt,
        secretConfigured,
        Auth.WEBHOOK,
        null,
        Map.of(),
        List.of(),
        Health.NONE);
  }

  enum Auth {
    WEBHOOK,
    OAUTH2,
    TOKEN;

    String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Auth fromWire(String value) {
      if (value == null) {
        return WEBHOOK;
      }
      for (Auth a : values()) {
        if (a.wire().equals(value)) {
          return a;
        }
      }
      throw new InvalidConnectionInput("auth", "auth must be one of webhook, oauth2, token");
    }
  }

  /** The account on the platform: its id there and, where known, its name. */
  record AccountRef(String id, String name) {}

  /** What the connection's last calls and webhooks showed. */
  record Health(
      Instant lastSuccessAt,
      String lastError,
      Instant lastErrorAt,
      Instant lastWebhookAt,
      Instant tokenExpiresAt) {
    static final Health NONE = new Health(null, null, null, null, null);

    /** The last error, while no success came after it. */
    boolean failing() {
      return lastErrorAt != null && (lastSuccessAt == null || lastErrorAt.isAfter(lastSuccessAt));
    }
  }

  boolean isAccountConnection() {
    return auth != Auth.WEBHOOK;
  }

  Connection withStatus(ConnectionStatus next) {
    return new Connection(
        id,
        tenantId,
        platform,
        name,
        next,
        settings,
        createdAt,
        secretConfigured,
        auth,
        account,
        facts,
        registeredWebhooks,
        health);
  }

  Connection withDetails(String nextName, Map<String, String> nextSettings) {
    return new Connection(
        id,
        tenantId,
        platform,
        nextName,
        status,
        nextSettings,
        createdAt,
        secretConfigured,
        auth,
        account,
        facts,
        registeredWebhooks,
        health);
  }

  Connection withSecretConfigured(boolean configured) {
    return new Connection(
        id,
        tenantId,
        platform,
        name,
        status,
        settings,
        createdAt,
        configured,
        auth,
        account,
        facts,
        registeredWebhooks,
        health);
  }

  Connection withAccount(
      AccountRef nextAccount,
      Map<String, String> nextSettings,
      Map<String, String> nextFacts,
      List<String> webhooks) {
    return new Connection(
        id,
        tenantId,
        platform,
        name,
        status,
        nextSettings,
        createdAt,
        secretConfigured,
        auth,
        nextAccount,
        nextFacts,
        webhooks,
        health);
  }
}
