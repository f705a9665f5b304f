package io.ledgerline.platform.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server from zonky's binaries, configured for Debezium ({@code
 * wal_level=logical}).
 *
 * <p>As root, zonky runs initdb and pg_ctl under {@code unshare -U} (as {@code nobody} in a user
 * namespace); see TOOLCHAIN.md for the fallback where user namespaces are blocked.
 */
public final class PostgresServer implements AutoCloseable {

  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final String USERNAME = "postgres";
  // zonky's initdb uses trust authentication on localhost; the password is only there for clients
  // that insist on one.
  private static final String PASSWORD = "postgres";

  private final EmbeddedPostgres postgres;

  private PostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts a server.
   *
   * @param dataDirectoryOrNull a directory that keeps its data across restarts (the local
   *     platform), or {@code null} for a throw-away one (tests)
   * @param portOrZero a fixed port, or 0 for a free one
   */
  public static PostgresServer start(Path dataDirectoryOrNull, int portOrZero) {
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setServerConfig("wal_level", "logical")
              .setServerConfig("max_replication_slots", "20")
              .setServerConfig("max_wal_senders", "20")
              // A slot whose relay is stopped must not fill the disk for every database: past this
              // much WAL, PostgreSQL invalidates the slot instead (the outbox reports it).
              .setServerConfig("max_slot_wal_keep_size", "1GB")
              .setServerConfig("max_connections", "300")
              // Each service opens a pool; the local platform runs several.
              .setServerConfig("shared_buffers", "64MB");
      if (portOrZero > 0) {
        builder.setPort(portOrZero);
      }
      if (dataDirectoryOrNull != null) {
        Files.createDirectories(dataDirectoryOrNull);
        builder.setDataDirectory(dataDirectoryOrNull.toAbsolutePath()).setCleanDataDirectory(false);
      }
      return new PostgresServer(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start", e);
    }
  }

  public int port() {
    return postgres.getPort();
  }

  public String username() {
    return USERNAME;
  }

  public String password() {
    return PASSWORD;
  }

  /**
   * The JDBC URL of {@code database}, created first if missing (safe to call repeatedly and
   * concurrently).
   */
  public String jdbcUrl(String database) {
    createDatabaseIfMissing(database);
    return "jdbc:postgresql://localhost:" + port() + "/" + database;
  }

  /** Creates {@code database} unless it exists. */
  public synchronized void createDatabaseIfMissing(String database) {
    try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
      createDatabaseIfMissing(connection, database);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create database " + database, e);
    }
  }

  /**
   * Creates {@code database} on the server of {@code connection} unless it exists: the same rule
   * for this server and for any other one a test uses (test-support's Testcontainers PostgreSQL).
   */
  public static void createDatabaseIfMissing(Connection connection, String database) {
    if (!DATABASE_NAME.matcher(database).matches()) {
      throw new IllegalArgumentException(
          "Not a plain lower-case PostgreSQL database name: '" + database + "'");
    }
    try {
      try (PreparedStatement exists =
          connection.prepareStatement("select 1 from pg_database where datname = ?")) {
        exists.setString(1, database);
        try (ResultSet rows = exists.executeQuery()) {
          if (rows.next()) {
            return;
          }
        }
      }
      try (Statement create = connection.createStatement()) {
        // The name is validated above: identifiers cannot be bound as parameters.
        create.execute("create database " + database);
      }
    } catch (SQLException e) {
      if ("42P04".equals(e.getSQLState())) {
        return; // created meanwhile by another JVM
      }
      throw new IllegalStateException("Could not create database " + database, e);
    }
  }

  /**
   * Makes {@code database} refuse every new connection and ends the ones it has, as a database that
   * is down or failing over does to its clients (they get SQLState 55000 until it accepts again).
   */
  public void refuseConnections(String database) {
    execute(
        "ALTER DATABASE " + validated(database) + " WITH ALLOW_CONNECTIONS false",
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
            + validated(database)
            + "' AND pid <> pg_backend_pid()");
  }

  /** Undoes {@link #refuseConnections}. */
  public void acceptConnections(String database) {
    execute("ALTER DATABASE " + validated(database) + " WITH ALLOW_CONNECTIONS true");
  }

  private static String validated(String database) {
    if (!DATABASE_NAME.matcher(database).matches()) {
      throw new IllegalArgumentException(
          "Not a plain lower-case PostgreSQL database name: '" + database + "'");
    }
    return database;
  }

  private void execute(String... statements) {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL refused: " + String.join("; ", statements), e);
    }
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
    }
  }
}
