package io.ledgerline.apikey.key;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
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

  /** Locks the row until the transaction ends, so two rotations of one key do not interleave. */
  Optional<ApiKey> ofTenantForUpdate(String tenantId, UUID id) {
    return jdbc.sql("select * from api_key where tenant_id = :tenantId and id = :id for update")
        .param("tenantId", tenantId)
        .param("id", id)
        .query(ApiKeys::map)
        .optional();
  }

  void rotate(UUID id, byte[] newSecretHash, byte[] previousHash, Instant overlapEnd, Instant at) {
    jdbc.sql(
            """
            update api_key set secret_hash = :newHash, previous_secret_hash = :previousHash,
              previous_secret_expires_at = :overlapEnd, rotated_at = :at
            where id = :id
            """)
        .param("id", id)
        .param("newHash", newSecretHash)
        .param("previousHash", previousHash)
        .param("overlapEnd", timestamp(overlapEnd))
        .param("at", timestamp(at))
        .update();
  }

  /**
   * Adds requests counted at the gateway. Idempotence is the gateway's concern (a batch is sent
   * once); the counts only ever grow. Unknown key ids are skipped.
   */
  void addUsage(UUID id, LocalDate day, long requests, Instant lastUsedAt) {
    int updated =
        jdbc.sql(
                """
                update api_key set usage_count = usage_count + :requests,
                  last_used_at = greatest(coalesce(last_used_at, :at), :at)
                where id = :id
                """)
            .param("id", id)
            .param("requests", requests)
            .param("at", timestamp(lastUsedAt))
            .update();
    if (updated == 0) {
      return;
    }
    jdbc.sql(
            """
            insert into api_key_usage (key_id, tenant_id, day, request_count)
            select id, tenant_id, :day, :requests from api_key where id = :id
            on conflict (key_id, day)
              do update set request_count = api_key_usage.request_count + excluded.request_count
            """)
        .param("id", id)
        .param("day", day)
        .param("requests", requests)
        .update();
  }

  record DailyUsage(LocalDate day, long requests) {}

  List<DailyUsage> usage(String tenantId, UUID id, LocalDate from, LocalDate to) {
    return jdbc.sql(
            """
            select day, request_count from api_key_usage
            where tenant_id = :tenantId and key_id = :id and day between :from and :to
            order by day
            """)
        .param("tenantId", tenantId)
        .param("id", id)
        .param("from", from)
        .param("to", to)
        .query((rs, row) -> new DailyUsage(rs.getObject("day", LocalDate.class), rs.getLong(2)))
        .list();
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
        rs.getLong("usage_count"),
        rs.getBytes("previous_secret_hash"),
        instant(rs.getTimestamp("previous_secret_expires_at")),
        instant(rs.getTimestamp("rotated_at")));
  }

  private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
