package io.ledgerline.connector.sync;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A connection's own incremental-sync interval (else {@link SyncSettings#incrementalInterval()}),
 * kept beside its mapping ({@code connection_mappings.sync_interval_secs}); its streams take it
 * when they are made and when it changes.
 */
@Repository
class SyncIntervals {

  static final Duration MIN = Duration.ofMinutes(5);
  static final Duration MAX = Duration.ofHours(24);

  private final JdbcClient jdbc;

  SyncIntervals(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Duration> of(UUID connectionId) {
    return jdbc.sql("SELECT sync_interval_secs FROM connection_mappings WHERE connection_id = ?")
        .param(connectionId)
        .query((rs, row) -> (Integer) rs.getObject(1))
        .optional()
        .filter(secs -> secs != null)
        .map(Duration::ofSeconds);
  }

  /**
   * Sets the interval and applies it to the connection's streams: each is due one new interval
   * after its last run, or at its old time if that is sooner.
   */
  void set(String tenantId, UUID connectionId, Duration interval, Instant now) {
    int secs = (int) interval.toSeconds();
    jdbc.sql(
            """
            INSERT INTO connection_mappings (connection_id, tenant_id, mapping, sync_interval_secs, updated_at)
            VALUES (?, ?, CAST('{}' AS jsonb), ?, ?)
            ON CONFLICT (connection_id) DO UPDATE
              SET sync_interval_secs = EXCLUDED.sync_interval_secs, updated_at = EXCLUDED.updated_at
            """)
        .params(connectionId, tenantId, secs, Timestamp.from(now))
        .update();
    jdbc.sql(
            """
            UPDATE sync_streams SET interval_secs = ?,
              next_run_at = LEAST(next_run_at,
                COALESCE(last_run_at, CAST(? AS timestamptz)) + make_interval(secs => ?))
            WHERE connection_id = ?
            """)
        .params(secs, Timestamp.from(now), secs, connectionId)
        .update();
  }
}
