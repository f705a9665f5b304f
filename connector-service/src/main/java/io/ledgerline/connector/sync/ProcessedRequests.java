package io.ledgerline.connector.sync;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sync requests handled, by event id: the consumer's idempotency. */
@Repository
class ProcessedRequests {

  private final JdbcClient jdbc;

  ProcessedRequests(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean seen(String eventId) {
    return jdbc.sql("SELECT count(*) FROM processed_sync_requests WHERE event_id = ?")
            .param(eventId)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** Records it in the caller's transaction; false when a concurrent duplicate recorded it. */
  boolean record(String eventId, String tenantId, String outcome) {
    return jdbc.sql(
                """
                INSERT INTO processed_sync_requests (event_id, tenant_id, outcome) VALUES (?, ?, ?)
                ON CONFLICT (event_id) DO NOTHING
                """)
            .params(eventId, tenantId, outcome)
            .update()
        == 1;
  }
}
