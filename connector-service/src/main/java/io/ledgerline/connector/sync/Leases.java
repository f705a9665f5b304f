package io.ledgerline.connector.sync;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which replica runs a connection's syncs: a lease row per connection that one holder has until it
 * expires. Each page's transaction renews it and fails if another holder took it (a replica that
 * paused past its lease must not write a page the new holder also writes).
 */
@Repository
class Leases {

  private final JdbcClient jdbc;

  Leases(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Takes or renews the lease; false while another holder has it. */
  boolean acquire(UUID connectionId, String holder, Instant now, Duration lease) {
    return jdbc.sql(
                """
                INSERT INTO connection_leases (connection_id, holder, expires_at) VALUES (?, ?, ?)
                ON CONFLICT (connection_id) DO UPDATE
                  SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
                  WHERE connection_leases.holder = EXCLUDED.holder OR connection_leases.expires_at <= ?
                """)
            .params(connectionId, holder, Timestamp.from(now.plus(lease)), Timestamp.from(now))
            .update()
        == 1;
  }

  /** Renews the lease in the caller's transaction, locking it; false when it is not ours. */
  boolean renew(UUID connectionId, String holder, Instant now, Duration lease) {
    return jdbc.sql(
                "UPDATE connection_leases SET expires_at = ? WHERE connection_id = ? AND holder = ?")
            .params(Timestamp.from(now.plus(lease)), connectionId, holder)
            .update()
        == 1;
  }

  void release(UUID connectionId, String holder) {
    jdbc.sql("DELETE FROM connection_leases WHERE connection_id = ? AND holder = ?")
        .params(connectionId, holder)
        .update();
  }
}
