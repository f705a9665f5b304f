package io.ledgerline.platform.outbox;

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
 * max_slot_wal_keep_size}), and the rows Kafka refused for good ({@code ledgerline_outbox_parked}).
 * Read on a schedule, not on each scrape, so a database that is down never slows the metrics
 * endpoint; the last values stay until the next good read.
 */
final class OutboxMonitor extends Periodic {

  private static final Logger log = LoggerFactory.getLogger(OutboxMonitor.class);

  private final JdbcTemplate jdbc;
  private final ParkedRows parked;
  private final String slot;
  private final Duration interval;
  private final AtomicLong retainedWal = new AtomicLong();
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
      Gauge.builder("ledgerline.outbox.slot.retained.wal", retainedWal, AtomicLong::get)
          .description("WAL the outbox relay's replication slot keeps on the server")
          .baseUnit("bytes")
          .tag("slot", slot)
          .register(meters);
      Gauge.builder("ledgerline.outbox.slot.lost", lost, AtomicLong::get)
          .description("1 when PostgreSQL invalidated the slot (max_slot_wal_keep_size)")
          .tag("slot", slot)
          .register(meters);
      Gauge.builder("ledgerline.outbox.parked", parkedRows, AtomicLong::get)
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
                   wal_status
            FROM pg_replication_slots WHERE slot_name = ?
            """,
            slot);
    if (!rows.isEmpty()) {
      retainedWal.set(((Number) rows.get(0).get("retained")).longValue());
      boolean isLost = "lost".equals(rows.get(0).get("wal_status"));
      if (isLost && lost.get() == 0) {
        log.error(
            "Replication slot {} was invalidated (max_slot_wal_keep_size): outbox rows written"
                + " while it was behind are not in the stream; re-append them from the outbox"
                + " table (docs/adr/0004)",
            slot);
      }
      lost.set(isLost ? 1 : 0);
    }
    parkedRows.set(parked.count());
  }

  long retainedWalBytes() {
    return retainedWal.get();
  }

  @Override
  Duration initialDelay() {
    return Duration.ZERO;
  }

  @Override
  Duration interval() {
    return interval;
  }

  @Override
  void runOnce() {
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
