package io.ledgerline.platform.deadletters;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The {@code dead_letters} table, migrated by the module with its own history table, so its
 * versions never collide with the service's own migrations (as the outbox does).
 */
final class DeadLetterSchema {

  DeadLetterSchema(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/dead-letters")
        .table("dead_letters_schema_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }
}
