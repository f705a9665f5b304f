package io.ledgerline.platform.test;

import io.ledgerline.platform.embedded.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The test JVM's PostgreSQL, embedded or a container ({@link InfrastructureChoice}). */
interface TestPostgres extends AutoCloseable {

  /** The JDBC URL of {@code database}, created first if missing. */
  String jdbcUrl(String database);

  int port();

  String username();

  String password();

  @Override
  void close();

  static TestPostgres start(InfrastructureChoice.Mode mode) {
    return mode == InfrastructureChoice.Mode.TESTCONTAINERS ? new Container() : new Embedded();
  }

  /** zonky's binaries in this JVM's temp directory. */
  final class Embedded implements TestPostgres {
    private final PostgresServer server = PostgresServer.start(null, 0);

    @Override
    public String jdbcUrl(String database) {
      return server.jdbcUrl(database);
    }

    @Override
    public int port() {
      return server.port();
    }

    @Override
    public String username() {
      return server.username();
    }

    @Override
    public String password() {
      return server.password();
    }

    @Override
    public void close() {
      server.close();
    }
  }

  /** The official image, configured as the embedded one is (logical decoding for the outbox). */
  final class Container implements TestPostgres {
    static final String IMAGE = System.getProperty("ledgerline.test.postgres-image", "postgres:17");

    private final PostgreSQLContainer container;

    @SuppressWarnings("resource")
    Container() {
      container =
          new PostgreSQLContainer(IMAGE)
              .withUsername("postgres")
              .withPassword("postgres")
              .withCommand(
                  "postgres",
                  "-c",
                  "wal_level=logical",
                  "-c",
                  "max_wal_senders=20",
                  "-c",
                  "max_replication_slots=20",
                  "-c",
                  "max_slot_wal_keep_size=1GB",
                  "-c",
                  "fsync=off");
      container.start();
    }

    @Override
    public synchronized String jdbcUrl(String database) {
      try (Connection connection =
          DriverManager.getConnection(url("postgres"), username(), password())) {
        PostgresServer.createDatabaseIfMissing(connection, database);
      } catch (SQLException e) {
        throw new IllegalStateException("Could not reach the PostgreSQL container", e);
      }
      return url(database);
    }

    private String url(String database) {
      return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    @Override
    public int port() {
      return container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
    }

    @Override
    public String username() {
      return container.getUsername();
    }

    @Override
    public String password() {
      return container.getPassword();
    }

    @Override
    public void close() {
      container.stop();
    }
  }
}
