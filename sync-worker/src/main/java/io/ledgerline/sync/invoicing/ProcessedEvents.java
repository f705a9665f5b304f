package io.ledgerline.sync.invoicing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The events a consumer has handled, with what handling them did. Recording is the first statement
 * of the use case's transaction: a concurrent duplicate waits on the unique key and then sees it
 * was recorded.
 */
@Repository
public class ProcessedEvents {

  private final JdbcClient jdbc;

  ProcessedEvents(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the event; false when it was recorded before (nothing more to do). */
  boolean record(String consumer, String eventId, String tenantId, Outcome outcome) {
    return record(consumer, eventId, tenantId, outcome.name());
  }

  /** Records the event with what handling it did; false when it was recorded before. */
  public boolean record(String consumer, String eventId, String tenantId, String outcome) {
    return jdbc.sql(
                """
                insert into processed_events (consumer, event_id, tenant_id, outcome)
                values (?, ?, ?, ?) on conflict (consumer, event_id) do nothing
                """)
            .params(consumer, eventId, tenantId, outcome)
            .update()
        == 1;
  }
}
