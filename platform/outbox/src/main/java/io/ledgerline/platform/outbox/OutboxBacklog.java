package io.ledgerline.platform.outbox;

import io.ledgerline.platform.service.metrics.Meters;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code ledgerline.outbox.backlog.bytes}: how far the relay's replication slot is behind the
 * database's current WAL position. Read from PostgreSQL at each scrape, so every replica reports
 * the same figure whether or not it holds the slot, and a restart loses nothing. While the relay
 * publishes it stays near zero (heartbeats move the slot on when nothing is written); it grows
 * while Kafka or the relay is down, and it is also the WAL the slot keeps PostgreSQL from
 * recycling.
 */
final class OutboxBacklog {

  private static final Logger log = LoggerFactory.getLogger(OutboxBacklog.class);

  private final JdbcTemplate jdbc;
  private final String slot;

  OutboxBacklog(JdbcTemplate jdbc, String slot, MeterRegistry meters) {
    this.jdbc = jdbc;
    this.slot = slot;
    Gauge.builder(Meters.OUTBOX_BACKLOG_BYTES, this, OutboxBacklog::bytes)
        .description("WAL bytes the outbox relay's replication slot has not confirmed yet")
        .baseUnit("bytes")
        .tag("slot", slot)
        .register(meters);
  }

  /** The backlog in bytes; NaN when the slot is missing or the database cannot be asked. */
  double bytes() {
    try {
      Long behind =
          jdbc.query(
              "select pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)::bigint"
                  + " from pg_replication_slots where slot_name = ?",
              rs -> rs.next() ? rs.getObject(1, Long.class) : null,
              slot);
      return behind == null ? Double.NaN : behind;
    } catch (DataAccessException e) {
      log.debug("Could not read the backlog of slot {}", slot, e);
      return Double.NaN;
    }
  }
}
