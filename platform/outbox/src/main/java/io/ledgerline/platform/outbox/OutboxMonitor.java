package io.ledgerline.platform.outbox;

import io.ledgerline.platform.service.metrics.Meters;
import io.ledgerline.platform.service.schedule.Periodic;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What an operator must see before the disk fills or an event is stuck: the WAL the outbox's
 * replication slot holds back ({@code ledgerline_outbox_slot_retained_wal_bytes{slot}}), whether
 * PostgreSQL has invalidated the slot ({@code ledgerline_outbox_slot_lost{slot}}, after {@code
 * max_slot_wal_keep_size}), the rows Kafka refused for good ({@code ledgerline_outbox_parked}), and
 * the relay's backlog ({@code ledgerline_outbox_backlog_bytes{slot}}: WAL between the server's
 * current position and what the relay confirmed as published; near zero while it keeps up, growing
 * while Kafka or the relay is down). Read on a schedule, not on each scrape, so a database that is
 * down never slows the metrics endpoint; the last values stay until the next good read.
 */
final class OutboxMonitor extends Periodic {

  private static final Logger log = LoggerFactory.getLogger(OutboxMonitor.class);

  private final JdbcTemplate jdbc;
  private final ParkedRows parked;
  private final String slot;
  private final Duration interval;
  private final AtomicLong retainedWal = new AtomicLong();
  private final AtomicLong backlog = new AtomicLong();
  private final AtomicLong lost = new AtomicLong();
  private final AtomicLong parkedRows = new AtomicLong();

  OutboxMonitor(
      JdbcTemplate jdbc,
      ParkedRows parked,
      String slot,
      Duration interval,
      @Nullable MeterRegistry meters) {
    super("outbox-monitor");
    this.jdbc = jdbc;
    this.parked = parked;
    this.slot = slot;
    this.interval = interval;
    if (meters != null) {
      Gauge.builder(Meters.OUTBOX_SLOT_RETAINED_WAL, retainedWal, AtomicLong::get)
          .description("WAL the outbox relay's replication slot keeps on the server")
          .baseUnit("bytes")
          .tag("slot", slot)
          .register(meters);
      Gauge.builder(Meters.OUTBOX_BACKLOG_BYTES, backlog, AtomicLong::get)
          .description("WAL bytes the outbox relay has not confirmed as published yet")
          .baseUnit("bytes")
          .tag("slot", slot)
          .register(meters);
      Gauge.builder(Meters.OUTBOX_SLOT_LOST, lost, AtomicLong::get)
          .description("1 when PostgreSQL invalidated the slot (max_slot_wal_keep_size)")
          .tag("slot", slot)
          .register(meters);
      Gauge.builder(Meters.OUTBOX_PARKED, parkedRows, AtomicLong::get)
          .description("Outbox rows Kafka refused for good, parked with their reason")
          .register(meters);
    }
  }

  /** Reads the figures now; the scheduler calls it, and tests. */
  void refresh() {
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            """
            SELECT coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn), 0)::bigint
                   AS retained,
                   coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn), 0)::bigint
                   AS backlog,
                   wal_status
            FROM pg_replication_slots WHERE slot_name = ?
            """,
            slot);
    if (!rows.isEmpty()) {
      retainedWal.set(((Number) rows.get(0).get("retained")).longValue());
      backlog.set(((Number) rows.get(0).get("backlog")).longValue());
      boolean isLost = "lost".equals(rows.get(0).get("wal_status"));
      if (isLost && lost.get() == 0) {
        log.error(
            "Replication slot {} was invalidated (max_slot_wal_keep_size): outbox rows written"
                + " while it was behind are not in the stream; re-append them from the outbox"
                + " table (docs/adr/0008)",
            slot);
      }
      lost.set(isLost ? 1 : 0);
    }
    parkedRows.set(parked.count());
  }

  long backlogBytes() {
    return backlog.get();
  }

  long retainedWalBytes() {
    return retainedWal.get();
  }

  @Override
  protected Duration initialDelay() {
    return Duration.ZERO;
  }

  @Override
  protected Duration interval() {
    return interval;
  }

  @Override
  protected void runOnce() {
    refreshQuietly();
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      log.debug("Reading the outbox figures failed; keeping the last ones", e);
    }
  }
}
