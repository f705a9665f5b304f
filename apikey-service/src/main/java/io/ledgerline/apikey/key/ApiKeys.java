package io.ledgerline.apikey.key;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code api_key} table. Every tenant-facing query filters on {@code tenant_id}. */
@Repository
class ApiKeys {

  private final JdbcClient jdbc;

  ApiKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void add(ApiKey key) {
    jdbc.sql(
            """
            insert into api_key (id, tenant_id, name, prefix, secret_hash, scopes, created_at, expires_at)
            values (:id, :tenantId, :name, :prefix, :secretHash, :scopes, :createdAt, :expiresAt)
            """)
        .param("id", key.id())
        .param("tenantId", key.tenantId())
        .param("name", key.name())
        .param("prefix", key.prefix())
        .param("secretHash", key.secretHash())
        .param("scopes", Scopes.join(key.scopes()))
        .param("createdAt", timestamp(key.createdAt()))
        .param("expiresAt", timestamp(key.expiresAt()))
        .update();
  }

  /**
   * Across tenants on purpose: the prefix is how a presented key finds its row, before any tenant
   * is known.
   */
  Optional<ApiKey> withPrefix(String prefix) {
    return jdbc.sql("select * from api_key where prefix = :prefix")
        .param("prefix", prefix)
        .query(ApiKeys::map)
        .optional();
  }

  List<ApiKey> ofTenant(String tenantId) {
    return jdbc.sql("select * from api_key where tenant_id = :tenantId order by created_at, id")
        .param("tenantId", tenantId)
        .query(ApiKeys::map)
        .list();
  }

  Optional<ApiKey> ofTenant(String tenantId, UUID id) {
    return jdbc.sql("select * from api_key where tenant_id = :tenantId and id = :id")
        .param("tenantId", tenantId)
        .param("id", id)
        .query(ApiKeys::map)
        .optional();
  }

  /** Keeps the first revocation time when a key is revoked twice. */
  void revoke(String tenantId, UUID id, Instant at) {
    jdbc.sql(
            """
            update api_key set revoked_at = :at
            where tenant_id = :tenantId and id = :id and revoked_at is null
            """)
        .param("tenantId", tenantId)
        .param("id", id)
        .param("at", timestamp(at))
        .update();
  }

  void recordUse(UUID id, Instant at) {
    jdbc.sql(
            """
            update api_key set usage_count = usage_count + 1,
              last_used_at = greatest(coalesce(last_used_at, :at), :at)
            where id = :id
            """)
        .param("id", id)
        .param("at", timestamp(at))
        .update();
  }

  private static ApiKey map(ResultSet rs, int row) throws SQLException {
    return new ApiKey(
        rs.getObject("id", UUID.class),
        rs.getString("tenant_id"),
        rs.getString("name"),
        rs.getString("prefix"),
        rs.getBytes("secret_hash"),
        Scopes.split(rs.getString("scopes")),
        instant(rs.getTimestamp("created_at")),
        instant(rs.getTimestamp("expires_at")),
        instant(rs.getTimestamp("revoked_at")),
        instant(rs.getTimestamp("last_used_at")),
        rs.getLong("usage_count"));
  }

  private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
