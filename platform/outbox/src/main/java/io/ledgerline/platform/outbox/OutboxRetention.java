package io.ledgerline.platform.outbox;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deletes outbox rows older than the retention. Rows are kept for a while after publishing (a trail
 * to investigate, and the bytes to re-publish by hand); the publication carries inserts only, so
 * these deletes never reach the relay. A row deleted before the relay read it is still published:
 * logical decoding reads the insert from the WAL, not from the table.
 */
final class OutboxRetention extends Periodic {

  private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);

  private final JdbcTemplate jdbc;
  private final OutboxSettings settings;

  OutboxRetention(JdbcTemplate jdbc, OutboxSettings settings) {
    super("outbox-retention");
    this.jdbc = jdbc;
    this.settings = settings;
  }

  int deleteExpired() {
    Instant cutoff = Instant.now().minus(settings.retention());
    return jdbc.update("delete from outbox where created_at < ?", Timestamp.from(cutoff));
  }

  @Override
  Duration initialDelay() {
    return interval();
  }

  @Override
  Duration interval() {
    return settings.cleanupInterval().compareTo(Duration.ofSeconds(1)) < 0
        ? Duration.ofSeconds(1)
        : settings.cleanupInterval();
  }

  @Override
  void runOnce() {
    cleanUp();
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
}
