package io.ledgerline.ingest.webhook;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Deliveries we refused: who, when and why, never the body. */
@Repository
class Rejections {

  enum Reason {
    INVALID_SIGNATURE,
    MALFORMED_PAYLOAD,
    NOT_AN_ORDER,
    MISSING_DELIVERY_ID
  }

  private final JdbcClient jdbc;

  Rejections(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void record(
      String tenantId, UUID connectionId, String platform, Reason reason, Instant receivedAt) {
    jdbc.sql(
            """
            INSERT INTO webhook_rejections (id, tenant_id, connection_id, platform, reason, received_at)
            VALUES (:id, :tenantId, :connectionId, :platform, :reason, :receivedAt)
            """)
        .param("id", UUID.randomUUID())
        .param("tenantId", tenantId)
        .param("connectionId", connectionId)
        .param("platform", platform)
        .param("reason", reason.name())
        .param("receivedAt", Timestamp.from(receivedAt))
        .update();
  }
}
