package io.ledgerline.ingest.webhook;

import java.sql.Timestamp;
import java.time.Duration;
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
   * Deletes rejections received more than their tenant's {@code rejections_days} before {@code now}
   * ({@code defaultDays} for a tenant without its own retention, and for rejections without a
   * tenant), {@code batch} rows a statement so that no statement holds many locks or runs long;
   * returns how many went.
   */
  int deleteExpired(Instant now, int defaultDays, int batch) {
    int total = 0;
    int deleted;
    do {
      deleted =
          jdbc.sql(
                  """
                  DELETE FROM webhook_rejections WHERE id IN (
                    SELECT r.id FROM webhook_rejections r
                    LEFT JOIN tenant_retention t ON t.tenant_id = r.tenant_id
                    WHERE r.received_at < :earliest
                      AND r.received_at < CAST(:now AS timestamptz)
                          - make_interval(days => COALESCE(t.rejections_days, :defaultDays))
                    LIMIT :batch)
                  """)
              // No retention is shorter than a day: the index narrows the scan to older rows.
              .param(
                  "earliest", Timestamp.from(now.minus(Duration.ofDays(TenantRetention.MIN_DAYS))))
              .param("now", Timestamp.from(now))
              .param("defaultDays", defaultDays)
              .param("batch", batch)
              .update();
      total += deleted;
    } while (deleted == batch);
    return total;
  }

  /**
   * The tenant's rejections, newest first ({@code received_at}, then {@code id}); with {@code
   * beforeReceivedAt} and {@code beforeId} (a cursor) only those after that row in this order.
   */
  List<Rejection> list(
      String tenantId,
      UUID connectionId,
      String platform,
      Instant beforeReceivedAt,
      UUID beforeId,
      int limit) {
    return jdbc.sql(
            """
            SELECT * FROM webhook_rejections
            WHERE tenant_id = :tenantId
              AND (CAST(:connectionId AS uuid) IS NULL OR connection_id = CAST(:connectionId AS uuid))
              AND (CAST(:platform AS text) IS NULL OR platform = CAST(:platform AS text))
              AND (CAST(:beforeReceivedAt AS timestamptz) IS NULL
                   OR (received_at, id) < (CAST(:beforeReceivedAt AS timestamptz), CAST(:beforeId AS uuid)))
            ORDER BY received_at DESC, id DESC LIMIT :limit
            """)
        .param("tenantId", tenantId)
        .param("connectionId", connectionId == null ? null : connectionId.toString())
        .param("platform", platform)
        .param(
            "beforeReceivedAt", beforeReceivedAt == null ? null : Timestamp.from(beforeReceivedAt))
        .param("beforeId", beforeId == null ? null : beforeId.toString())
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
