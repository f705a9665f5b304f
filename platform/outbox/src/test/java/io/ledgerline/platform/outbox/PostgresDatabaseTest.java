package io.ledgerline.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresDatabaseTest {

  @Test
  void readsHostPortAndDatabaseFromTheJdbcUrl() {
    PostgresDatabase database =
        PostgresDatabase.of(
            "jdbc:postgresql://db.internal:15432/invoice_service?sslmode=require", "u", "p");

    assertThat(database.host()).isEqualTo("db.internal");
    assertThat(database.port()).isEqualTo(15432);
    assertThat(database.name()).isEqualTo("invoice_service");
  }

  @Test
  void defaultsToThePostgresPort() {
    assertThat(PostgresDatabase.of("jdbc:postgresql://localhost/sync_worker", "u", "p").port())
        .isEqualTo(5432);
  }

  @Test
  void namesTheSlotAfterTheDatabaseSoItIsUniquePerDatabase() {
    assertThat(
            PostgresDatabase.of("jdbc:postgresql://localhost/webhook-ingest", "u", "p")
                .outboxObjectName())
        .isEqualTo("webhook_ingest_outbox");
  }

  @Test
  void refusesAUrlThatIsNotPostgres() {
    assertThatThrownBy(() -> PostgresDatabase.of("jdbc:h2:mem:test", "u", "p"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void neverShowsThePasswordInItsDescription() {
    assertThat(PostgresDatabase.of("jdbc:postgresql://localhost/db", "u", "s3cret").toString())
        .doesNotContain("s3cret");
  }
}
