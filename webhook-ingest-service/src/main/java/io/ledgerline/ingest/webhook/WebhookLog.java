package io.ledgerline.ingest.webhook;

import java.sql.Timestamp;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The stored webhooks. */
@Repository
class WebhookLog {

  enum Status {
    /** Stored and its event appended to the outbox. */
    EMITTED,
    /** Stored; its topic produces no event (e.g. {@code orders/create}). */
    STORED
  }

  record Entry(
      UUID id,
      String tenantId,
      UUID connectionId,
      String platform,
      String deliveryId,
      String topic,
      Status status,
      Map<String, String> headers,
      byte[] body,
      java.time.Instant receivedAt) {}

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

  void add(Entry entry) {
    jdbc.sql(
            """
            INSERT INTO webhooks (id, tenant_id, connection_id, platform, delivery_id, topic, status,
                                  headers, body, received_at)
            VALUES (:id, :tenantId, :connectionId, :platform, :deliveryId, :topic, :status,
                    CAST(:headers AS jsonb), :body, :receivedAt)
            """)
        .param("id", entry.id())
        .param("tenantId", entry.tenantId())
        .param("connectionId", entry.connectionId())
        .param("platform", entry.platform())
        .param("deliveryId", entry.deliveryId())
        .param("topic", entry.topic())
        .param("status", entry.status().name())
        .param("headers", json.writeValueAsString(entry.headers()))
        .param("body", entry.body())
        .param("receivedAt", Timestamp.from(entry.receivedAt()))
        .update();
  }
}
