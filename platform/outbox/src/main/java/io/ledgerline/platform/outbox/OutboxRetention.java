package io.ledgerline.platform.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deletes outbox rows older than the retention. Rows are kept for a while after publishing (a trail
 * to investigate, and the bytes to re-publish by hand); the publication carries inserts only, so
 * these deletes never reach the relay. A row deleted before the relay read it is still published:
 * logical decoding reads the insert from the WAL, not from the table.
 */
final class OutboxRetention implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);

  private final JdbcTemplate jdbc;
  private final OutboxSettings settings;
  private @Nullable ScheduledExecutorService scheduler;

  OutboxRetention(JdbcTemplate jdbc, OutboxSettings settings) {
    this.jdbc = jdbc;
    this.settings = settings;
  }

  int deleteExpired() {
    Instant cutoff = Instant.now().minus(settings.retention());
    return jdbc.update("delete from outbox where created_at < ?", Timestamp.from(cutoff));
  }

  @Override
  public synchronized void start() {
    long interval = Math.max(1000, settings.cleanupInterval().toMillis());
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "outbox-retention"));
    scheduler.scheduleWithFixedDelay(this::cleanUp, interval, interval, TimeUnit.MILLISECONDS);
  }

  private void cleanUp() {
    try {
      int deleted = deleteExpired();
      if (deleted > 0) {
        log.info("Deleted {} outbox rows older than {}", deleted, settings.retention());
      }
    } catch (RuntimeException e) {
      log.warn("Deleting expired outbox rows failed; trying again later", e);
    }
  }

  @Override
  public synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }
}
