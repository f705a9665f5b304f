package io.ledgerline.connector.sync;

import io.ledgerline.events.Platform;
import io.ledgerline.events.SyncRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sync requests of connections that wait for a person (re-authorization, enabling). A parked
 * request is resumed by putting it back on its topic through the outbox, in the transaction that
 * deletes it here: at every moment it is in exactly one of the two places.
 */
@Repository
class ParkedRequests {

  private final JdbcClient jdbc;

  ParkedRequests(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Parks it; a duplicate of a parked request is parked once. */
  void park(SyncRequest request, UUID connectionId, String reason, Instant now) {
    jdbc.sql(
            """
            INSERT INTO parked_sync_requests (event_id, tenant_id, connection_id, object_type,
              external_id, action, occurred_at, webhook_id, reason, parked_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING
            """)
        .params(
            request.getEventId(),
            request.getTenantId(),
            connectionId,
            request.getObjectType(),
            request.getExternalId(),
            request.getAction(),
            Timestamp.from(request.getOccurredAt()),
            request.getWebhookId(),
            reason,
            Timestamp.from(now))
        .update();
  }

  /** The parked requests of connections that are active again, oldest first. */
  List<SyncRequest> resumable(String platformOf, UUID connectionId, int limit) {
    return jdbc.sql(
            """
            SELECT * FROM parked_sync_requests WHERE connection_id = ?
            ORDER BY parked_at, event_id LIMIT ?
            """)
        .params(connectionId, limit)
        .query(
            (rs, row) ->
                SyncRequest.newBuilder()
                    .setEventId(rs.getString("event_id"))
                    .setTenantId(rs.getString("tenant_id"))
                    .setConnectionId(connectionId.toString())
                    .setPlatform(Platform.valueOf(platformOf))
                    .setObjectType(rs.getString("object_type"))
                    .setExternalId(rs.getString("external_id"))
                    .setAction(rs.getString("action"))
                    .setOccurredAt(rs.getTimestamp("occurred_at").toInstant())
                    .setWebhookId(rs.getString("webhook_id"))
                    .setReplay(false)
                    .build())
        .list();
  }

  /** The connections that have parked requests. */
  List<UUID> connections() {
    return jdbc.sql("SELECT DISTINCT connection_id FROM parked_sync_requests")
        .query(UUID.class)
        .list();
  }

  boolean delete(String eventId) {
    return jdbc.sql("DELETE FROM parked_sync_requests WHERE event_id = ?").param(eventId).update()
        == 1;
  }

  int count(UUID connectionId) {
    return jdbc.sql("SELECT count(*) FROM parked_sync_requests WHERE connection_id = ?")
        .param(connectionId)
        .query(Integer.class)
        .single();
  }
}
