package io.ledgerline.platform.deadletters;

import io.ledgerline.platform.deadletters.DeadLetter.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dead letters of this service ({@code dead_letters}). A query with a tenant is scoped to it;
 * one without (an operator's) sees every tenant's.
 */
final class DeadLetterEntries {

  private static final String COLUMNS =
      """
      id, dlt_topic, dlt_partition, dlt_offset, original_topic, original_partition,
      original_offset, consumer_group, tenant_id, record_key, event_type, payload, kind, reason,
      exception, dead_lettered_at, status, reprocessed_at, reprocess_count
      """;

  private final JdbcClient jdbc;

  DeadLetterEntries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds a dead letter; false when this topic position was indexed before. */
  boolean add(DeadLetter d) {
    return jdbc.sql(
                """
                INSERT INTO dead_letters (id, dlt_topic, dlt_partition, dlt_offset, original_topic,
                    original_partition, original_offset, consumer_group, tenant_id, record_key,
                    event_type, payload, kind, reason, exception, dead_lettered_at, status)
                VALUES (:id, :dltTopic, :dltPartition, :dltOffset, :originalTopic,
                    :originalPartition, :originalOffset, :consumerGroup, :tenantId, :key,
                    :eventType, :payload, :kind, :reason, :exception, :deadLetteredAt, 'PARKED')
                ON CONFLICT (dlt_topic, dlt_partition, dlt_offset) DO NOTHING
                """)
            .param("id", d.id())
            .param("dltTopic", d.dltTopic())
            .param("dltPartition", d.dltPartition())
            .param("dltOffset", d.dltOffset())
            .param("originalTopic", d.originalTopic())
            .param("originalPartition", d.originalPartition())
            .param("originalOffset", d.originalOffset())
            .param("consumerGroup", d.consumerGroup())
            .param("tenantId", d.tenantId())
            .param("key", d.key())
            .param("eventType", d.eventType())
            .param("payload", d.payload())
            .param("kind", d.kind())
            .param("reason", d.reason())
            .param("exception", d.exception())
            .param("deadLetteredAt", Timestamp.from(d.deadLetteredAt()))
            .update()
        == 1;
  }

  /**
   * What to list: newest first, after the cursor (the last row's time and id).
   *
   * @param tenantId null for an operator: every tenant's
   */
  record Filter(
      @Nullable String tenantId,
      @Nullable Status status,
      @Nullable String topic,
      @Nullable Instant from,
      @Nullable Instant to,
      @Nullable Instant beforeTime,
      @Nullable UUID beforeId,
      int limit) {}

  List<DeadLetter> list(Filter f) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM dead_letters WHERE true");
    Map<String, Object> params = new LinkedHashMap<>();
    scope(sql, params, f.tenantId());
    if (f.status() != null) {
      sql.append(" AND status = :status");
      params.put("status", f.status().name());
    }
    if (f.topic() != null) {
      sql.append(" AND original_topic = :topic");
      params.put("topic", f.topic());
    }
    if (f.from() != null) {
      sql.append(" AND dead_lettered_at >= :from");
      params.put("from", Timestamp.from(f.from()));
    }
    if (f.to() != null) {
      sql.append(" AND dead_lettered_at < :to");
      params.put("to", Timestamp.from(f.to()));
    }
    if (f.beforeTime() != null && f.beforeId() != null) {
      sql.append(" AND (dead_lettered_at, id) < (:beforeTime, :beforeId)");
      params.put("beforeTime", Timestamp.from(f.beforeTime()));
      params.put("beforeId", f.beforeId());
    }
    sql.append(" ORDER BY dead_lettered_at DESC, id DESC LIMIT :limit");
    params.put("limit", f.limit());
    return jdbc.sql(sql.toString()).params(params).query(DeadLetterEntries::row).list();
  }

  /** One dead letter; another tenant's does not exist for a tenant. */
  Optional<DeadLetter> find(@Nullable String tenantId, UUID id) {
    StringBuilder sql =
        new StringBuilder("SELECT " + COLUMNS + " FROM dead_letters WHERE id = :id");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("id", id);
    scope(sql, params, tenantId);
    return jdbc.sql(sql.toString()).params(params).query(DeadLetterEntries::row).optional();
  }

  /**
   * Locks up to {@code limit} parked dead letters of the selection that were dead-lettered by
   * {@code asOf}, oldest first, for the caller's transaction; rows another reprocessing holds are
   * skipped, never sent twice.
   */
  List<DeadLetter> lockParked(
      @Nullable String tenantId, Selection selection, Instant asOf, int limit) {
    // a null value cannot be sent again; what failed after the request began is not its business
    StringBuilder sql =
        new StringBuilder(
            "SELECT "
                + COLUMNS
                + " FROM dead_letters WHERE status = 'PARKED' AND payload IS NOT NULL"
                + " AND dead_lettered_at <= :asOf");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("asOf", Timestamp.from(asOf));
    scope(sql, params, tenantId);
    if (!selection.ids().isEmpty()) {
      sql.append(" AND id IN (:ids)");
      params.put("ids", selection.ids());
    }
    if (selection.from() != null) {
      sql.append(" AND dead_lettered_at >= :from");
      params.put("from", Timestamp.from(selection.from()));
    }
    if (selection.to() != null) {
      sql.append(" AND dead_lettered_at < :to");
      params.put("to", Timestamp.from(selection.to()));
    }
    if (selection.topic() != null) {
      sql.append(" AND original_topic = :topic");
      params.put("topic", selection.topic());
    }
    sql.append(" ORDER BY dead_lettered_at, id LIMIT :limit FOR UPDATE SKIP LOCKED");
    params.put("limit", limit);
    return jdbc.sql(sql.toString()).params(params).query(DeadLetterEntries::row).list();
  }

  void markReprocessed(UUID id) {
    jdbc.sql(
            """
            UPDATE dead_letters
            SET status = 'REPROCESSED', reprocessed_at = now(), reprocess_count = reprocess_count + 1
            WHERE id = :id
            """)
        .param("id", id)
        .update();
  }

  /** Parked dead letters per original topic, for the metric (every tenant's, on purpose). */
  Map<String, Long> countParkedByTopic() {
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT original_topic, count(*) AS parked FROM dead_letters
            WHERE status = 'PARKED' GROUP BY original_topic
            """)
        .query((rs, n) -> counts.put(rs.getString("original_topic"), rs.getLong("parked")))
        .list();
    return counts;
  }

  private static void scope(
      StringBuilder sql, Map<String, Object> params, @Nullable String tenant) {
    if (tenant != null) {
      sql.append(" AND tenant_id = :tenantId");
      params.put("tenantId", tenant);
    }
  }

  private static DeadLetter row(ResultSet rs, int n) throws SQLException {
    Timestamp reprocessed = rs.getTimestamp("reprocessed_at");
    return new DeadLetter(
        rs.getObject("id", UUID.class),
        rs.getString("dlt_topic"),
        rs.getInt("dlt_partition"),
        rs.getLong("dlt_offset"),
        rs.getString("original_topic"),
        (Integer) rs.getObject("original_partition"),
        (Long) rs.getObject("original_offset"),
        rs.getString("consumer_group"),
        rs.getString("tenant_id"),
        rs.getString("record_key"),
        rs.getString("event_type"),
        rs.getBytes("payload"),
        rs.getString("kind"),
        rs.getString("reason"),
        rs.getString("exception"),
        rs.getTimestamp("dead_lettered_at").toInstant(),
        Status.valueOf(rs.getString("status")),
        reprocessed == null ? null : reprocessed.toInstant(),
        rs.getInt("reprocess_count"));
  }
}
