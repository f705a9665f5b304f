package io.ledgerline.connector.connection;

import io.ledgerline.platform.service.crypto.EncryptedSecret;
import io.ledgerline.platform.service.crypto.EnvelopeEncryption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Account connections' access and refresh tokens, envelope-encrypted together as one JSON document
 * (the associated data names the connection). Only the expiry is plain: the refresh job reads it.
 */
@Repository
class AccountTokens {

  private final JdbcClient jdbc;
  private final EnvelopeEncryption encryption;
  private final JsonMapper json = JsonMapper.builder().build();

  AccountTokens(JdbcClient jdbc, EnvelopeEncryption encryption) {
    this.jdbc = jdbc;
    this.encryption = encryption;
  }

  /**
   * A connection's tokens in plain text, only ever in memory.
   *
   * @param refreshToken null where the platform issued none (an account token, Shopify)
   * @param expiresAt null where the platform does not say
   */
  record Stored(String accessToken, String refreshToken, Instant expiresAt) {
    boolean refreshable() {
      return refreshToken != null;
    }

    boolean expiresWithin(java.time.Duration ahead, Instant now) {
      return expiresAt != null && !expiresAt.isAfter(now.plus(ahead));
    }

    @Override
    public String toString() {
      return "Stored[accessToken=***, refreshToken=***, expiresAt=" + expiresAt + "]";
    }
  }

  /** Stores (or replaces) the connection's tokens, in the caller's transaction. */
  void store(UUID connectionId, String tenantId, Stored tokens, Instant now, boolean refreshed) {
    ObjectNode doc = json.createObjectNode();
    doc.put("access_token", tokens.accessToken());
    if (tokens.refreshToken() != null) {
      doc.put("refresh_token", tokens.refreshToken());
    }
    EncryptedSecret sealed =
        encryption.encrypt(json.writeValueAsString(doc), associatedData(connectionId));
    jdbc.sql(
            """
            INSERT INTO connection_tokens (connection_id, tenant_id, kek_id, wrapped_data_key, ciphertext,
              expires_at, refreshable, refreshed_at, updated_at)
            VALUES (:id, :tenantId, :kekId, :wrapped, :ciphertext, :expiresAt, :refreshable, :refreshedAt, :now)
            ON CONFLICT (connection_id) DO UPDATE SET kek_id = EXCLUDED.kek_id,
              wrapped_data_key = EXCLUDED.wrapped_data_key, ciphertext = EXCLUDED.ciphertext,
              expires_at = EXCLUDED.expires_at, refreshable = EXCLUDED.refreshable,
              refreshed_at = COALESCE(EXCLUDED.refreshed_at, connection_tokens.refreshed_at),
              updated_at = EXCLUDED.updated_at
            """)
        .param("id", connectionId)
        .param("tenantId", tenantId)
        .param("kekId", sealed.keyId())
        .param("wrapped", sealed.wrappedDataKey())
        .param("ciphertext", sealed.ciphertext())
        .param("expiresAt", tokens.expiresAt() == null ? null : Timestamp.from(tokens.expiresAt()))
        .param("refreshable", tokens.refreshable())
        .param("refreshedAt", refreshed ? Timestamp.from(now) : null)
        .param("now", Timestamp.from(now))
        .update();
  }

  Optional<Stored> of(UUID connectionId) {
    return jdbc.sql("SELECT * FROM connection_tokens WHERE connection_id = :id")
        .param("id", connectionId)
        .query(this::stored)
        .optional();
  }

  /**
   * The tokens, row-locked until the transaction ends: one refresh at a time per connection, across
   * replicas (the others wait, then read what it stored).
   */
  Optional<Stored> lockOf(UUID connectionId) {
    return jdbc.sql("SELECT * FROM connection_tokens WHERE connection_id = :id FOR UPDATE")
        .param("id", connectionId)
        .query(this::stored)
        .optional();
  }

  Optional<Instant> expiryOf(UUID connectionId) {
    return jdbc.sql("SELECT expires_at FROM connection_tokens WHERE connection_id = :id")
        .param("id", connectionId)
        .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
        .optional()
        .flatMap(o -> o);
  }

  void delete(UUID connectionId) {
    jdbc.sql("DELETE FROM connection_tokens WHERE connection_id = :id")
        .param("id", connectionId)
        .update();
  }

  /** Active connections whose refreshable tokens expire before {@code before}, soonest first. */
  List<UUID> expiringBefore(Instant before, int limit) {
    return jdbc.sql(
            """
            SELECT t.connection_id FROM connection_tokens t JOIN connections c ON c.id = t.connection_id
            WHERE t.refreshable AND t.expires_at < :before AND c.status = 'ACTIVE'
            ORDER BY t.expires_at LIMIT :limit
            """)
        .param("before", Timestamp.from(before))
        .param("limit", limit)
        .query(UUID.class)
        .list();
  }

  private Stored stored(ResultSet rs, int n) throws SQLException {
    UUID id = rs.getObject("connection_id", UUID.class);
    String plain =
        encryption.decrypt(
            new EncryptedSecret(
                rs.getString("kek_id"), rs.getBytes("wrapped_data_key"), rs.getBytes("ciphertext")),
            associatedData(id));
    JsonNode doc = json.readTree(plain);
    Timestamp expires = rs.getTimestamp("expires_at");
    return new Stored(
        doc.get("access_token").asString(),
        doc.hasNonNull("refresh_token") ? doc.get("refresh_token").asString() : null,
        expires == null ? null : expires.toInstant());
  }

  static String associatedData(UUID connectionId) {
    return "connection-tokens:" + connectionId;
  }
}
