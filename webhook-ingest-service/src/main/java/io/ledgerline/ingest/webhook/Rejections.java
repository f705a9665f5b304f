package io.ledgerline.ingest.webhook;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Deliveries we refused: who, when and why, never the body. */
@Repository
class Rejections {

  /**
   * @param reason a verifier's {@code Reason} name, or MALFORMED_PAYLOAD, PAYLOAD_TOO_LARGE,
   *     UNSUPPORTED_MEDIA_TYPE
   */
  record Rejection(
      UUID id,
      String tenantId,
      UUID connectionId,
      String platform,
      String reason,
      String detail,
      Instant receivedAt) {}

  private final JdbcClient jdbc;

  Rejections(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param tenantId null when the connection was not looked up (size and media type come first)
   * @param detail for operators; never the body or a secret
   */
  void record(
      String tenantId,
      UUID connectionId,
      String platform,
      String reason,
      String detail,
      Instant receivedAt) {
    jdbc.sql(
            """
            INSERT INTO webhook_rejections (id, tenant_id, connection_id, platform, reason, detail,
                                            received_at)
            VALUES (:id, :tenantId, :connectionId, :platform, :reason, :detail, :receivedAt)
            """)
        .param("id", UUID.randomUUID())
        .param("tenantId", tenantId)
        .param("connectionId", connectionId)
        .param("platform", platform)
        .param("reason", reason)
        .param("detail", detail)
        .param("receivedAt", Timestamp.from(receivedAt))
        .update();
  }

  /**
   * Deletes rejections received before {@code cutoff}, {@code batch} rows a statement so that no
   * statement holds many locks or runs long; returns how many went.
   */
  int deleteBefore(Instant cutoff, int batch) {
    int total = 0;
    int deleted;
    do {
      deleted =
          jdbc.sql(
                  """
                  DELETE FROM webhook_rejections WHERE id IN (
                    SELECT id FROM webhook_rejections WHERE received_at < :cutoff LIMIT :batch)
                  """)
              .param("cutoff", Timestamp.from(cutoff))
              .param("batch", batch)
              .update();
      total += deleted;
    } while (deleted == batch);
    return total;
  }

  /** The tenant's rejections, newest first. */
  List<Rejection> list(String tenantId, UUID connectionId, String platform, int limit) {
    return jdbc.sql(
            """
            SELECT * FROM webhook_rejections
            WHERE tenant_id = :tenantId
              AND (CAST(:connectionId AS uuid) IS NULL OR connection_id = CAST(:connectionId AS uuid))
              AND (CAST(:platform AS text) IS NULL OR platform = CAST(:platform AS text))
            ORDER BY received_at DESC, id DESC LIMIT :limit
            """)
        .param("tenantId", tenantId)
        .param("connectionId", connectionId == null ? null : connectionId.toString())
        .param("platform", platform)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new Rejection(
                    rs.getObject("id", UUID.class),
                    rs.getString("tenant_id"),
                    rs.getObject("connection_id", UUID.class),
                    rs.getString("platform"),
                    rs.getString("reason"),
                    rs.getString("detail"),
                    rs.getTimestamp("received_at").toInstant()))
        .list();
  }
}
