package io.ledgerline.platform.outbox;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes the database ready for the outbox before anything can append: the table (its own Flyway
 * history, so its version never collides with the service's migrations), then the publication and
 * the replication slot.
 *
 * <p>The slot is created here, synchronously at start-up, not by Debezium when the relay's engine
 * gets round to it: from the moment the slot exists PostgreSQL keeps every later outbox insert for
 * it, so rows appended before the relay first runs, or while it is down, are still published.
 */
final class OutboxSchema {

  private static final Logger log = LoggerFactory.getLogger(OutboxSchema.class);

  OutboxSchema(DataSource dataSource, OutboxSettings settings, PostgresDatabase database) {
    if (settings.migrate()) {
      migrate(dataSource);
    }
    if (settings.relay().enabled()) {
      JdbcTemplate jdbc = new JdbcTemplate(dataSource);
      ensurePublication(jdbc, publicationName(settings, database));
      ensureSlot(jdbc, slotName(settings, database));
      warnIfSlotsMayRetainWalWithoutBound(jdbc);
    }
  }

  /**
   * A slot whose relay is stopped keeps WAL until the disk is full, for every database on the
   * server, unless the server caps it. The cap is the server's (the chart's PostgreSQL settings); a
   * relay can only say that it is missing.
   */
  private static void warnIfSlotsMayRetainWalWithoutBound(JdbcTemplate jdbc) {
    String keep = jdbc.queryForObject("SHOW max_slot_wal_keep_size", String.class);
    if ("-1".equals(keep)) {
      log.warn(
          "max_slot_wal_keep_size is unlimited on this PostgreSQL server: a stopped relay's slot"
              + " can fill its disk. Set it (for example 4GB) and watch"
              + " ledgerline_outbox_slot_retained_wal_bytes.");
    }
  }

  static String slotName(OutboxSettings settings, PostgresDatabase database) {
    String name = settings.relay().slotName();
    return name == null || name.isBlank() ? database.outboxObjectName() : name;
  }

  static String publicationName(OutboxSettings settings, PostgresDatabase database) {
    String name = settings.relay().publicationName();
    return name == null || name.isBlank() ? database.outboxObjectName() : name;
  }

  private static void migrate(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/outbox")
        .table("outbox_schema_history")
        // the service's own tables are already there: start this history from scratch beside them
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }

  /** Inserts only: the retention job's deletes never reach the relay. */
  private static void ensurePublication(JdbcTemplate jdbc, String publication) {
    if (exists(jdbc, "select count(*) from pg_publication where pubname = ?", publication)) {
      return;
    }
    try {
      jdbc.execute(
          "create publication "
              + quoted(publication)
              + " for table outbox with (publish = 'insert')");
      log.info("Created publication {} for the outbox", publication);
    } catch (DataAccessException e) {
      // another instance may have created it at the same moment
      if (!exists(jdbc, "select count(*) from pg_publication where pubname = ?", publication)) {
        throw e;
      }
    }
  }

  private static void ensureSlot(JdbcTemplate jdbc, String slot) {
    String query = "select count(*) from pg_replication_slots where slot_name = ?";
    if (exists(jdbc, query, slot)) {
      return;
    }
    try {
      jdbc.queryForList("select pg_create_logical_replication_slot(?, 'pgoutput')", slot);
      log.info("Created replication slot {} for the outbox relay", slot);
    } catch (DataAccessException e) {
      if (!exists(jdbc, query, slot)) {
        throw e;
      }
    }
  }

  private static boolean exists(JdbcTemplate jdbc, String query, String name) {
    Integer count = jdbc.queryForObject(query, Integer.class, name);
    return count != null && count > 0;
  }

  private static String quoted(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
