package io.ledgerline.connector.connection;

import io.ledgerline.platform.service.crypto.EncryptedSecret;
import io.ledgerline.platform.service.crypto.EnvelopeEncryption;
import io.ledgerline.platforms.Platforms;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The connections and their encrypted secrets. Every tenant-facing query filters on the tenant;
 * only {@link #findById} (for the internal credentials call) does not.
 */
@Repository
class Connections {

  private static final String COLUMNS =
      "c.*, EXISTS (SELECT 1 FROM connection_secrets s WHERE s.connection_id = c.id"
          + " AND s.slot = 'CURRENT') AS secret_configured,"
          + " (SELECT t.expires_at FROM connection_tokens t WHERE t.connection_id = c.id) AS token_expires_at";
  private static final TypeReference<Map<String, String>> SETTINGS = new TypeReference<>() {};
  private static final TypeReference<List<String>> IDS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final EnvelopeEncryption encryption;
  private final JsonMapper json = JsonMapper.builder().build();

  Connections(JdbcClient jdbc, EnvelopeEncryption encryption) {
    this.jdbc = jdbc;
    this.encryption = encryption;
  }

  /** Stores a new connection and its current secret (none for platforms without one yet). */
  void add(Connection connection, String currentSecret) {
    jdbc.sql(
            """
            INSERT INTO connections (id, tenant_id, platform, name, status, settings, created_at, auth,
                                     account_id)
            VALUES (:id, :tenantId, :platform, :name, :status, CAST(:settings AS jsonb), :createdAt, :auth,
                    :accountId)
            """)
        .param("auth", connection.auth().wire())
        .param("accountId", connection.account() == null ? null : connection.account().id())
        .param("id", connection.id())
        .param("tenantId", connection.tenantId())
        .param("platform", connection.platform().id())
        .param("name", connection.name())
        .param("status", connection.status().name())
        .param("settings", json.writeValueAsString(connection.settings()))
        .param("createdAt", Timestamp.from(connection.createdAt()))
        .update();
    if (currentSecret != null) {
      storeSecret(connection, SecretSlot.CURRENT, new WebhookSecret(currentSecret, null));
    }
  }

  void updateStatus(Connection connection, ConnectionStatus status) {
    jdbc.sql("UPDATE connections SET status = :status WHERE tenant_id = :tenantId AND id = :id")
        .param("status", status.name())
        .param("tenantId", connection.tenantId())
        .param("id", connection.id())
        .update();
  }

  /**
   * Records what registering (or renewing) the connection's webhooks made and when it expires
   * (null: never), in the caller's transaction.
   */
  void recordWebhookRegistration(UUID id, List<String> ids, Instant expiresAt) {
    jdbc.sql(
            "UPDATE connections SET registered_webhooks = CAST(:webhooks AS jsonb),"
                + " registered_webhooks_expire_at = :expiresAt WHERE id = :id")
        .param("webhooks", json.writeValueAsString(ids))
        .param("expiresAt", expiresAt == null ? null : Timestamp.from(expiresAt))
        .param("id", id)
        .update();
  }

  /** When the connection's registered webhooks expire; empty: they do not. */
  Optional<Instant> webhooksExpiryOf(UUID id) {
    return jdbc.sql("SELECT registered_webhooks_expire_at FROM connections WHERE id = :id")
        .param("id", id)
        .query((rs, n) -> Optional.ofNullable(instant(rs, "registered_webhooks_expire_at")))
        .optional()
        .flatMap(o -> o);
  }

  /**
   * Claims the renewal of the connection's registrations until {@code until}: false when they no
   * longer expire before {@code before}, the connection is not active, or another replica holds the
   * claim.
   */
  boolean claimWebhookRenewal(UUID id, Instant before, Instant now, Instant until) {
    return jdbc.sql(
                """
                UPDATE connections SET webhooks_renewal_claimed_until = :until
                WHERE id = :id AND status = 'ACTIVE' AND registered_webhooks_expire_at < :before
                  AND (webhooks_renewal_claimed_until IS NULL OR webhooks_renewal_claimed_until <= :now)
                """)
            .param("until", Timestamp.from(until))
            .param("id", id)
            .param("before", Timestamp.from(before))
            .param("now", Timestamp.from(now))
            .update()
        == 1;
  }

  void releaseWebhookRenewal(UUID id) {
    jdbc.sql("UPDATE connections SET webhooks_renewal_claimed_until = NULL WHERE id = :id")
        .param("id", id)
        .update();
  }

  /** Active connections whose registered webhooks expire before {@code before}, soonest first. */
  List<UUID> webhooksExpiringBefore(Instant before, int limit) {
    return jdbc.sql(
            """
            SELECT id FROM connections WHERE status = 'ACTIVE' AND registered_webhooks_expire_at < :before
            ORDER BY registered_webhooks_expire_at LIMIT :limit
            """)
        .param("before", Timestamp.from(before))
        .param("limit", limit)
        .query(UUID.class)
        .list();
  }

  /** Replaces the account's facts (a refresh named a new instance URL or API domain). */
  void updateFacts(Connection connection, Map<String, String> facts) {
    jdbc.sql(
            "UPDATE connections SET account_facts = CAST(:facts AS jsonb)"
                + " WHERE tenant_id = :tenantId AND id = :id")
        .param("facts", json.writeValueAsString(facts))
        .param("tenantId", connection.tenantId())
        .param("id", connection.id())
        .update();
  }

  void updateDetails(Connection connection, String name, Map<String, String> settings) {
    jdbc.sql(
            """
            UPDATE connections SET name = :name, settings = CAST(:settings AS jsonb)
            WHERE tenant_id = :tenantId AND id = :id
            """)
        .param("name", name)
        .param("settings", json.writeValueAsString(settings))
        .param("tenantId", connection.tenantId())
        .param("id", connection.id())
        .update();
  }

  /**
   * Makes {@code newSecret} current. The current one, if any, becomes the previous one until {@code
   * previousValidUntil}; an older previous one is dropped.
   */
  void rotate(Connection connection, String newSecret, Instant previousValidUntil) {
    jdbc.sql(
            "DELETE FROM connection_secrets WHERE tenant_id = :tenantId AND connection_id = :id"
                + " AND slot = 'PREVIOUS'")
        .param("tenantId", connection.tenantId())
        .param("id", connection.id())
        .update();
    // The associated data names the connection, not the slot, so the row moves without re-sealing.
    jdbc.sql(
            """
            UPDATE connection_secrets SET slot = 'PREVIOUS', valid_until = :validUntil
            WHERE tenant_id = :tenantId AND connection_id = :id AND slot = 'CURRENT'
            """)
        .param("validUntil", Timestamp.from(previousValidUntil))
        .param("tenantId", connection.tenantId())
        .param("id", connection.id())
        .update();
    storeSecret(connection, SecretSlot.CURRENT, new WebhookSecret(newSecret, null));
  }

  /** Takes a row lock so concurrent rotations of one connection run one after the other. */
  Optional<Connection> lockOf(String tenantId, UUID id) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM connections c WHERE tenant_id = :tenantId AND id = :id FOR UPDATE")
        .param("tenantId", tenantId)
        .param("id", id)
        .query(this::connection)
        .optional();
  }

  private void storeSecret(Connection connection, SecretSlot slot, WebhookSecret secret) {
    EncryptedSecret sealed = encryption.encrypt(secret.value(), associatedData(connection.id()));
    jdbc.sql(
            """
            INSERT INTO connection_secrets
              (connection_id, tenant_id, slot, kek_id, wrapped_data_key, ciphertext, valid_until)
            VALUES (:connectionId, :tenantId, :slot, :kekId, :wrappedDataKey, :ciphertext, :validUntil)
            """)
        .param("connectionId", connection.id())
        .param("tenantId", connection.tenantId())
        .param("slot", slot.name())
        .param("kekId", sealed.keyId())
        .param("wrappedDataKey", sealed.wrappedDataKey())
        .param("ciphertext", sealed.ciphertext())
        .param(
            "validUntil", secret.validUntil() == null ? null : Timestamp.from(secret.validUntil()))
        .update();
  }

  List<Connection> allOf(String tenantId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM connections c WHERE tenant_id = :tenantId ORDER BY created_at, id")
        .param("tenantId", tenantId)
        .query(this::connection)
        .list();
  }

  Optional<Connection> findOf(String tenantId, UUID id) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM connections c WHERE tenant_id = :tenantId AND id = :id")
        .param("tenantId", tenantId)
        .param("id", id)
        .query(this::connection)
        .optional();
  }

  /** For service-to-service calls, which know the connection but not yet its tenant. */
  Optional<Connection> findById(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM connections c WHERE id = :id")
        .param("id", id)
        .query(this::connection)
        .optional();
  }

  /** The connection's secrets, current first, decrypted. */
  List<WebhookSecret> secretsOf(Connection connection) {
    return jdbc.sql(
            """
            SELECT slot, kek_id, wrapped_data_key, ciphertext, valid_until FROM connection_secrets
            WHERE tenant_id = :tenantId AND connection_id = :connectionId
            ORDER BY CASE slot WHEN 'CURRENT' THEN 0 ELSE 1 END
            """)
        .param("tenantId", connection.tenantId())
        .param("connectionId", connection.id())
        .query(
            (rs, n) -> {
              EncryptedSecret sealed =
                  new EncryptedSecret(
                      rs.getString("kek_id"),
                      rs.getBytes("wrapped_data_key"),
                      rs.getBytes("ciphertext"));
              Timestamp validUntil = rs.getTimestamp("valid_until");
              return new WebhookSecret(
                  encryption.decrypt(sealed, associatedData(connection.id())),
                  validUntil == null ? null : validUntil.toInstant());
            })
        .list();
  }

  /** Binds each ciphertext to its connection: a secret copied onto another row will not open. */
  private static String associatedData(UUID connectionId) {
    return "connection-secret:" + connectionId;
  }

  private Connection connection(ResultSet rs, int rowNum) throws SQLException {
    String accountId = rs.getString("account_id");
    return new Connection(
        rs.getObject("id", UUID.class),
        rs.getString("tenant_id"),
        Platforms.installed().get(rs.getString("platform")),
        rs.getString("name"),
        ConnectionStatus.valueOf(rs.getString("status")),
        json.readValue(rs.getString("settings"), SETTINGS),
        rs.getTimestamp("created_at").toInstant(),
        rs.getBoolean("secret_configured"),
        Connection.Auth.fromWire(rs.getString("auth")),
        accountId == null
            ? null
            : new Connection.AccountRef(accountId, rs.getString("account_name")),
        json.readValue(rs.getString("account_facts"), SETTINGS),
        json.readValue(rs.getString("registered_webhooks"), IDS),
        new Connection.Health(
            instant(rs, "last_success_at"),
            rs.getString("last_error"),
            instant(rs, "last_error_at"),
            instant(rs, "last_webhook_at"),
            instant(rs, "token_expires_at")));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  /** Records who the account is and what was registered for it, and makes the connection ACTIVE. */
  void activate(Connection connection) {
    jdbc.sql(
            """
            UPDATE connections SET status = 'ACTIVE', account_id = :accountId, account_name = :accountName,
              account_facts = CAST(:facts AS jsonb), settings = CAST(:settings AS jsonb),
              registered_webhooks = CAST(:webhooks AS jsonb)
            WHERE tenant_id = :tenantId AND id = :id
            """)
        .param("accountId", connection.account().id())
        .param("accountName", connection.account().name())
        .param("facts", json.writeValueAsString(connection.facts()))
        .param("settings", json.writeValueAsString(connection.settings()))
        .param("webhooks", json.writeValueAsString(connection.registeredWebhooks()))
        .param("tenantId", connection.tenantId())
        .param("id", connection.id())
        .update();
  }

  /** Another live connection that already has this account on this platform, if any. */
  Optional<Connection> accountTakenByAnother(Connection connection, String accountId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM connections c WHERE platform = :platform AND account_id = :accountId"
                + " AND status <> 'DELETED' AND id <> :id")
        .param("platform", connection.platform().id())
        .param("accountId", accountId)
        .param("id", connection.id())
        .query(this::connection)
        .optional();
  }

  /** The live connection of an account, for app-level webhooks (which name the account only). */
  Optional<Connection> findByAccount(String platform, String accountId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM connections c WHERE platform = :platform AND account_id = :accountId"
                + " AND status <> 'DELETED'")
        .param("platform", platform)
        .param("accountId", accountId)
        .query(this::connection)
        .optional();
  }

  /** A call to the platform worked (test, refresh, identity). */
  void recordSuccess(UUID id, Instant at) {
    jdbc.sql("UPDATE connections SET last_success_at = :at WHERE id = :id")
        .param("at", Timestamp.from(at))
        .param("id", id)
        .update();
  }

  /** A call to the platform failed; {@code error} is for people and never holds a secret. */
  void recordError(UUID id, String error, Instant at) {
    jdbc.sql("UPDATE connections SET last_error = :error, last_error_at = :at WHERE id = :id")
        .param("error", error.length() > 500 ? error.substring(0, 500) : error)
        .param("at", Timestamp.from(at))
        .param("id", id)
        .update();
  }

  /** webhook-ingest accepted a webhook for it (kept monotonic: deliveries report out of order). */
  void recordWebhook(UUID id, Instant at) {
    jdbc.sql(
            "UPDATE connections SET last_webhook_at = GREATEST(COALESCE(last_webhook_at, :at), :at)"
                + " WHERE id = :id")
        .param("at", Timestamp.from(at))
        .param("id", id)
        .update();
  }

  /** Keeps the row (history) but ends everything: status DELETED, secrets and tokens gone. */
  void markDeleted(Connection connection, Instant at) {
    jdbc.sql(
            "UPDATE connections SET status = 'DELETED', deleted_at = :at, registered_webhooks = '[]'::jsonb"
                + " WHERE tenant_id = :tenantId AND id = :id")
        .param("at", Timestamp.from(at))
        .param("tenantId", connection.tenantId())
        .param("id", connection.id())
        .update();
    jdbc.sql("DELETE FROM connection_secrets WHERE connection_id = :id")
        .param("id", connection.id())
        .update();
  }

  /**
   * Locks a connection by id alone (service-side work: refresh), so one replica works on it at a
   * time.
   */
  Optional<Connection> lockById(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM connections c WHERE id = :id FOR UPDATE")
        .param("id", id)
        .query(this::connection)
        .optional();
  }

  private enum SecretSlot {
    CURRENT,
    PREVIOUS
  }
}
