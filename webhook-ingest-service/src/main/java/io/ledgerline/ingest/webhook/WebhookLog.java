package io.ledgerline.ingest.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The stored webhooks. */
@Repository
class WebhookLog {

  enum Status {
    /** Stored and its events appended to the outbox. */
    EMITTED,
    /** Stored; it produced no event (e.g. Shopify's {@code orders/create}). */
    STORED,
    /** Clover's one-time verification POST: the outcome shows the code for the tenant. */
    VERIFICATION,
    /**
     * Authentic (verified) but it did not normalize: kept with the error as its outcome, answered
     * 2xx so that the platform does not retry forever, replayable once the rules are fixed.
     */
    FAILED
  }

  record Entry(
      UUID id,
      String tenantId,
      UUID connectionId,
      String platform,
      String deliveryId,
      String topic,
      Status status,
      String outcome,
      Map<String, String> headers,
      String query,
      byte[] body,
      List<String> eventIds,
      Instant receivedAt) {}

  /** A filter of the list API; null fields do not filter. */
  record Filter(
      String tenantId,
      UUID connectionId,
      String platform,
      Status status,
      Instant from,
      Instant to,
      Instant beforeReceivedAt,
      UUID beforeId,
      int limit) {}

  /**
   * What retention may delete: every status but {@link Status#FAILED} (see {@link #deleteExpired}).
   */
  static final List<Status> EXPIRABLE = List.of(Status.EMITTED, Status.STORED, Status.VERIFICATION);

  private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};
  private static final TypeReference<List<String>> IDS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json = JsonMapper.builder().build();

  WebhookLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The id of the webhook already stored for this delivery, if any. */
  Optional<UUID> findDelivery(String tenantId, UUID connectionId, String deliveryId) {
    return jdbc.sql(
            """
            SELECT id FROM webhooks
            WHERE tenant_id = :tenantId AND connection_id = :connectionId AND delivery_id = :deliveryId
            """)
        .param("tenantId", tenantId)
        .param("connectionId", connectionId)
        .param("deliveryId", deliveryId)
        .query(UUID.class)
        .optional();
  }

  /**
   * The id of the webhook already stored whose signed body identifies the same thing ({@code
   * contentKey}, e.g. a Shopify order in the same paid state), if any.
   */
  Optional<UUID> findContent(String tenantId, UUID connectionId, String contentKey) {
    return jdbc.sql(
            """
            SELECT id FROM webhooks
            WHERE tenant_id = :tenantId AND connection_id = :connectionId AND content_key = :contentKey
            """)
        .param("tenantId", tenantId)
        .param("connectionId", connectionId)
        .param("contentKey", contentKey)
        .query(UUID.class)
        .optional();
  }

  void add(Entry entry) {
    add(entry, null);
  }

  /** Stores the entry; {@code contentKey} (nullable) is unique per connection. */
  void add(Entry entry, String contentKey) {
    jdbc.sql(
            """
            INSERT INTO webhooks (id, tenant_id, connection_id, platform, delivery_id, topic, status,
                                  outcome, headers, query, body, event_ids, received_at, content_key)
            VALUES (:id, :tenantId, :connectionId, :platform, :deliveryId, :topic, :status,
                    :outcome, CAST(:headers AS jsonb), :query, :body, CAST(:eventIds AS jsonb),
                    :receivedAt, :contentKey)
            """)
        .param("contentKey", contentKey)
        .param("id", entry.id())
        .param("tenantId", entry.tenantId())
        .param("connectionId", entry.connectionId())
        .param("platform", entry.platform())
        .param("deliveryId", entry.deliveryId())
        .param("topic", entry.topic())
        .param("status", entry.status().name())
        .param("outcome", entry.outcome())
        .param("headers", json.writeValueAsString(entry.headers()))
        .param("query", entry.query())
        .param("body", entry.body())
        .param("eventIds", json.writeValueAsString(entry.eventIds()))
        .param("receivedAt", Timestamp.from(entry.receivedAt()))
        .update();
  }

  /** One of the tenant's webhooks; another tenant's does not exist for it. */
  Optional<Entry> find(String tenantId, UUID id) {
    return jdbc.sql("SELECT * FROM webhooks WHERE tenant_id = :tenantId AND id = :id")
        .param("tenantId", tenantId)
        .param("id", id)
        .query((rs, n) -> entry(rs, true))
        .optional();
  }

  /** Newest first, without bodies; {@code limit} rows at most. */
  List<Entry> list(Filter filter) {
    StringBuilder sql =
        new StringBuilder(
            """
            SELECT id, tenant_id, connection_id, platform, delivery_id, topic, status, outcome,
                   headers, query, event_ids, received_at
            FROM webhooks WHERE tenant_id = :tenantId
            """);
    if (filter.connectionId() != null) {
      sql.append(" AND connection_id = :connectionId");
    }
    if (filter.platform() != null) {
      sql.append(" AND platform = :platform");
    }
    if (filter.status() != null) {
      sql.append(" AND status = :status");
    }
    if (filter.from() != null) {
      sql.append(" AND received_at >= :from");
    }
    if (filter.to() != null) {
      sql.append(" AND received_at < :to");
    }
    if (filter.beforeReceivedAt() != null) {
      sql.append(" AND (received_at, id) < (:beforeReceivedAt, :beforeId)");
    }
    sql.append(" ORDER BY received_at DESC, id DESC LIMIT :limit");
    JdbcClient.StatementSpec statement =
        jdbc.sql(sql.toString())
            .param("tenantId", filter.tenantId())
            .param("limit", filter.limit());
    if (filter.connectionId() != null) {
      statement = statement.param("connectionId", filter.connectionId());
    }
    if (filter.platform() != null) {
      statement = statement.param("platform", filter.platform());
    }
    if (filter.status() != null) {
      statement = statement.param("status", filter.status().name());
    }
    if (filter.from() != null) {
      statement = statement.param("from", Timestamp.from(filter.from()));
    }
    if (filter.to() != null) {
      statement = statement.param("to", Timestamp.from(filter.to()));
    }
    if (filter.beforeReceivedAt() != null) {
      statement =
          statement
              .param("beforeReceivedAt", Timestamp.from(filter.beforeReceivedAt()))
              .param("beforeId", filter.beforeId());
    }
    return statement.query((rs, n) -> entry(rs, false)).list();
  }

  /**
   * A {@link Status#FAILED} webhook that a replay normalized after all: what it became now (only a
   * failed one changes; the others keep their first outcome).
   */
  void resolveFailed(
      String tenantId, UUID webhookId, Status status, String outcome, List<String> eventIds) {
    jdbc.sql(
            """
            UPDATE webhooks SET status = :status, outcome = :outcome, event_ids = CAST(:eventIds AS jsonb)
            WHERE tenant_id = :tenantId AND id = :id AND status = 'FAILED'
            """)
        .param("status", status.name())
        .param("outcome", outcome)
        .param("eventIds", json.writeValueAsString(eventIds))
        .param("tenantId", tenantId)
        .param("id", webhookId)
        .update();
  }

  void recordReplay(String tenantId, UUID webhookId, List<String> eventIds, Instant at) {
    jdbc.sql(
            """
            INSERT INTO webhook_replays (id, webhook_id, tenant_id, event_ids, replayed_at)
            VALUES (:id, :webhookId, :tenantId, CAST(:eventIds AS jsonb), :at)
            """)
        .param("id", UUID.randomUUID())
        .param("webhookId", webhookId)
        .param("tenantId", tenantId)
        .param("eventIds", json.writeValueAsString(eventIds))
        .param("at", Timestamp.from(at))
        .update();
  }

  /**
   * Deletes webhooks received more than their tenant's {@code webhooks_days} before {@code now}
   * ({@code defaultDays} for a tenant without its own retention), {@code batch} rows a statement;
   * returns how many went. Only {@link #EXPIRABLE} statuses go: a {@link Status#FAILED} webhook is
   * authentic and accepted but never became an event; it waits for a replay once the rules are
   * fixed, and deleting it would lose what we accepted. A replay that normalizes it makes it
   * EMITTED or STORED, and it then expires by its receipt time like the others. The events of an
   * EMITTED webhook are in the outbox (another table, written in the same transaction), so deleting
   * the webhook leaves nothing pending. Its replay records go with it.
   */
  int deleteExpired(Instant now, int defaultDays, int batch) {
    int total = 0;
    int deleted;
    do {
      deleted =
          jdbc.sql(
                  """
                  DELETE FROM webhooks WHERE id IN (
                    SELECT w.id FROM webhooks w
                    LEFT JOIN tenant_retention t ON t.tenant_id = w.tenant_id
                    WHERE w.received_at < :earliest
                      AND w.received_at < CAST(:now AS timestamptz)
                          - make_interval(days => COALESCE(t.webhooks_days, :defaultDays))
                      AND w.status IN (:statuses)
                    LIMIT :batch)
                  """)
              .param("earliest", Timestamp.from(now.minus(Duration.ofDays(1))))
              .param("now", Timestamp.from(now))
              .param("defaultDays", defaultDays)
              .param("statuses", EXPIRABLE.stream().map(Status::name).toList())
              .param("batch", batch)
              .update();
      total += deleted;
    } while (deleted == batch);
    return total;
  }

  private Entry entry(ResultSet rs, boolean withBody) throws SQLException {
    return new Entry(
        rs.getObject("id", UUID.class),
        rs.getString("tenant_id"),
        rs.getObject("connection_id", UUID.class),
        rs.getString("platform"),
        rs.getString("delivery_id"),
        rs.getString("topic"),
        Status.valueOf(rs.getString("status")),
        rs.getString("outcome"),
        json.readValue(rs.getString("headers"), HEADERS),
        rs.getString("query"),
        withBody ? rs.getBytes("body") : null,
        json.readValue(rs.getString("event_ids"), IDS),
        rs.getTimestamp("received_at").toInstant());
  }
}
