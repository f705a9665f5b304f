package io.ledgerline.connector.connection;

import io.ledgerline.platform.service.crypto.EncryptedSecret;
import io.ledgerline.platform.service.crypto.EnvelopeEncryption;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one pending authorization of each connection: its state, stored as a SHA-256 (the state is a
 * bearer credential for the callback), and its PKCE verifier, envelope-encrypted. A state is taken
 * once: {@link #take} deletes it.
 */
@Repository
class AuthorizationStates {

  private final JdbcClient jdbc;
  private final EnvelopeEncryption encryption;

  AuthorizationStates(JdbcClient jdbc, EnvelopeEncryption encryption) {
    this.jdbc = jdbc;
    this.encryption = encryption;
  }

  /** What the callback needs of a pending authorization. */
  record Pending(UUID connectionId, String tenantId, String codeVerifier, Instant expiresAt) {
    @Override
    public String toString() {
      return "Pending[connectionId=" + connectionId + ", codeVerifier=***]";
    }
  }

  /** Replaces the connection's pending authorization: only the newest URL works. */
  void replace(
      Connection connection, String state, String codeVerifier, Instant expiresAt, Instant now) {
    jdbc.sql("DELETE FROM authorization_states WHERE connection_id = :id")
        .param("id", connection.id())
        .update();
    EncryptedSecret sealed =
        codeVerifier == null
            ? null
            : encryption.encrypt(codeVerifier, associatedData(connection.id()));
    jdbc.sql(
            """
            INSERT INTO authorization_states (state_hash, connection_id, tenant_id, kek_id, wrapped_data_key,
              ciphertext, expires_at, created_at)
            VALUES (:hash, :id, :tenantId, :kekId, :wrapped, :ciphertext, :expiresAt, :now)
            """)
        .param("hash", hash(state))
        .param("id", connection.id())
        .param("tenantId", connection.tenantId())
        .param("kekId", sealed == null ? null : sealed.keyId())
        .param("wrapped", sealed == null ? null : sealed.wrappedDataKey())
        .param("ciphertext", sealed == null ? null : sealed.ciphertext())
        .param("expiresAt", Timestamp.from(expiresAt))
        .param("now", Timestamp.from(now))
        .update();
  }

  /** Takes the state (deleting it: a state is used once), or empty for an unknown or used one. */
  Optional<Pending> take(String state) {
    return jdbc.sql("DELETE FROM authorization_states WHERE state_hash = :hash RETURNING *")
        .param("hash", hash(state))
        .query(
            (rs, n) -> {
              UUID id = rs.getObject("connection_id", UUID.class);
              String kek = rs.getString("kek_id");
              String verifier =
                  kek == null
                      ? null
                      : encryption.decrypt(
                          new EncryptedSecret(
                              kek, rs.getBytes("wrapped_data_key"), rs.getBytes("ciphertext")),
                          associatedData(id));
              return new Pending(
                  id,
                  rs.getString("tenant_id"),
                  verifier,
                  rs.getTimestamp("expires_at").toInstant());
            })
        .optional();
  }

  void deleteOf(UUID connectionId) {
    jdbc.sql("DELETE FROM authorization_states WHERE connection_id = :id")
        .param("id", connectionId)
        .update();
  }

  static String associatedData(UUID connectionId) {
    return "authorization-state:" + connectionId;
  }

  private static String hash(String state) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
