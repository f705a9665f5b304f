package io.ledgerline.connector.sync;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The incremental schedule: per connection and object type, a cursor and when it is due. */
@Repository
class Streams {

  private final JdbcClient jdbc;

  Streams(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Stream(UUID connectionId, String objectType, String cursor, Instant nextRunAt) {}

  /** Starts a stream from a connection's first cursor; an existing one is left as it is. */
  void ensure(
      String tenantId,
      UUID connectionId,
      String objectType,
      String cursor,
      Duration interval,
      Instant due) {
    jdbc.sql(
            """
            INSERT INTO sync_streams
              (connection_id, object_type, tenant_id, cursor, interval_secs, next_run_at)
            VALUES (?, ?, ?, ?,
              COALESCE((SELECT sync_interval_secs FROM connection_mappings WHERE connection_id = ?), ?),
              ?) ON CONFLICT (connection_id, object_type) DO NOTHING
            """)
        .params(
            connectionId,
            objectType,
            tenantId,
            cursor,
            connectionId,
            (int) interval.toSeconds(),
            Timestamp.from(due))
        .update();
  }

  List<UUID> connectionsDue(Instant now) {
    return jdbc.sql(
            "SELECT DISTINCT connection_id FROM sync_streams WHERE next_run_at <= ? ORDER BY 1")
        .param(Timestamp.from(now))
        .query(UUID.class)
        .list();
  }

  List<Stream> due(UUID connectionId, Instant now) {
    return jdbc.sql(
            """
            SELECT * FROM sync_streams WHERE connection_id = ? AND next_run_at <= ?
            ORDER BY object_type
            """)
        .params(connectionId, Timestamp.from(now))
        .query(
            (rs, row) ->
                new Stream(
                    connectionId,
                    rs.getString("object_type"),
                    rs.getString("cursor"),
                    rs.getTimestamp("next_run_at").toInstant()))
        .list();
  }

  /**
   * Moves the cursor in the page's transaction; after the last page the stream is due again one
   * interval later, otherwise it stays due and goes on.
   */
  void advance(UUID connectionId, String objectType, String cursor, boolean last, Instant now) {
    jdbc.sql(
            """
            UPDATE sync_streams SET cursor = ?, last_run_at = ?,
              next_run_at = CASE WHEN CAST(? AS boolean)
                THEN CAST(? AS timestamptz) + make_interval(secs => interval_secs)
                ELSE next_run_at END
            WHERE connection_id = ? AND object_type = ?
            """)
        .params(cursor, Timestamp.from(now), last, Timestamp.from(now), connectionId, objectType)
        .update();
  }

  /** Puts the stream off (a platform that asked us to wait). */
  void postpone(UUID connectionId, Instant until) {
    jdbc.sql(
            "UPDATE sync_streams SET next_run_at = greatest(next_run_at, ?) WHERE connection_id = ?")
        .params(Timestamp.from(until), connectionId)
        .update();
  }

  void interval(UUID connectionId, Duration interval) {
    jdbc.sql("UPDATE sync_streams SET interval_secs = ? WHERE connection_id = ?")
        .params((int) interval.toSeconds(), connectionId)
        .update();
  }
}
