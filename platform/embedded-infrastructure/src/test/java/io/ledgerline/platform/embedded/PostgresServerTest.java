package io.ledgerline.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerTest {

  @Test
  void runsWithLogicalReplicationAndCreatesDatabasesOnDemand() throws SQLException {
    try (PostgresServer postgres = PostgresServer.start(null, 0)) {
      String url = postgres.jdbcUrl("sync_worker");

      assertThat(postgres.jdbcUrl("sync_worker")).isEqualTo(url);
      try (Connection connection =
              DriverManager.getConnection(url, postgres.username(), postgres.password());
          Statement statement = connection.createStatement()) {
        assertThat(single(statement, "show wal_level")).isEqualTo("logical");
        assertThat(single(statement, "select current_database()")).isEqualTo("sync_worker");
        assertThat(Integer.parseInt(single(statement, "show max_replication_slots")))
            .isGreaterThanOrEqualTo(20);
      }
    }
  }

  @Test
  void keepsDataAcrossRestartsInAGivenDirectory(@TempDir Path dataDirectory) throws SQLException {
    try (PostgresServer postgres = PostgresServer.start(dataDirectory, 0);
        Connection connection =
            DriverManager.getConnection(
                postgres.jdbcUrl("invoice_service"), postgres.username(), postgres.password());
        Statement statement = connection.createStatement()) {
      statement.execute("create table kept (id int)");
      statement.execute("insert into kept values (42)");
    }

    try (PostgresServer postgres = PostgresServer.start(dataDirectory, 0);
        Connection connection =
            DriverManager.getConnection(
                postgres.jdbcUrl("invoice_service"), postgres.username(), postgres.password());
        Statement statement = connection.createStatement()) {
      assertThat(single(statement, "select id from kept")).isEqualTo("42");
    }
  }

  private static String single(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }
}
