package io.ledgerline.platform.outbox;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Outbox rows that can never be published, kept with their reason ({@code outbox_parked}). Parking
 * the same row twice (a batch re-sent after a later failure) keeps the first.
 */
final class ParkedRows {

  private final JdbcTemplate jdbc;

  ParkedRows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void park(UUID id, String topic, String key, String type, byte[] payload, String reason) {
    jdbc.update(
        """
        INSERT INTO outbox_parked (id, aggregatetype, aggregateid, type, payload, reason)
        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING
        """,
        id,
        topic,
        key,
        type,
        payload,
        reason);
  }

  long count() {
    Long count = jdbc.queryForObject("SELECT count(*) FROM outbox_parked", Long.class);
    return count == null ? 0 : count;
  }
}
