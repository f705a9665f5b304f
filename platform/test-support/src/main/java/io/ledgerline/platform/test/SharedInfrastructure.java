package io.ledgerline.platform.test;

import io.ledgerline.platform.embedded.ConfigServerProcess;
import io.ledgerline.platform.embedded.ProjectLayout;
import io.ledgerline.platform.embedded.SchemaRegistryProcess;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The test JVM's one PostgreSQL, Kafka broker, schema registry and config server. Each starts on
 * first use and stops when the JVM exits (PostgreSQL last, after everything that may still use it).
 * PostgreSQL and Kafka are Testcontainers' where a Docker engine answers and embedded where none
 * does ({@link InfrastructureChoice}, decided and logged once per JVM); the registry and the config
 * server are always the project's own jars.
 */
public final class SharedInfrastructure {

  private static final Logger log = LoggerFactory.getLogger(SharedInfrastructure.class);
  private static final SharedInfrastructure INSTANCE = new SharedInfrastructure();

  private final Lazy<InfrastructureChoice.Choice> choice =
      new Lazy<>("the choice of infrastructure", SharedInfrastructure::choose);
  private final Lazy<TestPostgres> postgres =
      new Lazy<>("PostgreSQL", () -> TestPostgres.start(choice.get().mode()));
  private final Lazy<TestKafka> kafka =
      new Lazy<>("Kafka", () -> TestKafka.start(choice.get().mode()));
  private final Lazy<SchemaRegistryProcess> registry =
      new Lazy<>(
          "schema registry",
          () -> SchemaRegistryProcess.start(layout(), logFile("schema-registry")));
  private final Lazy<ConfigServerProcess> configServer =
      new Lazy<>(
          "config server", () -> ConfigServerProcess.start(layout(), logFile("config-server")));

  private SharedInfrastructure() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "shared-infrastructure-stop"));
  }

  public static SharedInfrastructure get() {
    return INSTANCE;
  }

  /** The JDBC URL of {@code database} on the shared server, created first if missing. */
  public String jdbcUrl(String database) {
    return postgres.get().jdbcUrl(database);
  }

  /**
   * The server's URL without a database, as {@code LEDGERLINE_POSTGRES_URL} is: append {@code
   * /<database>}.
   */
  public String postgresUrl() {
    return "jdbc:postgresql://localhost:" + postgres.get().port();
  }

  public String postgresUsername() {
    return postgres.get().username();
  }

  public String postgresPassword() {
    return postgres.get().password();
  }

  public String kafkaBootstrapServers() {
    return kafka.get().bootstrapServers();
  }

  /** Whether this JVM's PostgreSQL and Kafka are embedded or containers, and why. */
  public InfrastructureChoice.Choice infrastructure() {
    return choice.get();
  }

  /** The Apicurio v2 API ({@code apicurio.registry.url}). */
  public String registryUrl() {
    return registry.get().url();
  }

  /** The Confluent-compatible API of the same registry. */
  public String registryCcompatUrl() {
    return registry.get().ccompatUrl();
  }

  /** The config server, serving the project's real deploy/config-repo. */
  public String configServerUrl() {
    return configServer.get().url();
  }

  private static InfrastructureChoice.Choice choose() {
    InfrastructureChoice.Choice choice = InfrastructureChoice.forThisJvm();
    log.info(
        "Test infrastructure: {} PostgreSQL and Kafka ({}; -D{}=auto|embedded|testcontainers)",
        choice.mode() == InfrastructureChoice.Mode.EMBEDDED ? "embedded" : "Testcontainers'",
        choice.reason(),
        InfrastructureChoice.PROPERTY);
    return choice;
  }

  private static ProjectLayout layout() {
    return ProjectLayout.current();
  }

  private static Path logFile(String name) {
    return Path.of(
            "target", "shared-infrastructure", name + "-" + ProcessHandle.current().pid() + ".log")
        .toAbsolutePath();
  }

  private void stop() {
    awaitSpringContextsClosed();
    configServer.close(ConfigServerProcess::close);
    registry.close(SchemaRegistryProcess::close);
    kafka.close(TestKafka::close);
    postgres.close(TestPostgres::close);
  }

  /**
   * Shutdown hooks run concurrently: let Spring contexts (connection pools, Kafka consumers, a
   * Debezium relay) close before the infrastructure under them goes away, or their shutdown logs
   * errors.
   */
  private static void awaitSpringContextsClosed() {
    Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread != Thread.currentThread())
        .filter(thread -> thread.getName().startsWith("SpringContextShutdownHook"))
        .forEach(
            thread -> {
              try {
                thread.join(30_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
  }

  /**
   * Started once, on first use; a failed start is remembered so every later test fails fast with
   * the same cause.
   */
  private static final class Lazy<T> {
    private final String name;
    private final Supplier<T> starter;
    private T value;
    private RuntimeException failure;

    Lazy(String name, Supplier<T> starter) {
      this.name = name;
      this.starter = starter;
    }

    synchronized T get() {
      if (value != null) {
        return value;
      }
      if (failure != null) {
        throw new IllegalStateException(name + " failed to start earlier in this JVM", failure);
      }
      long start = System.nanoTime();
      try {
        value = starter.get();
      } catch (RuntimeException e) {
        failure = e;
        throw e;
      }
      log.info("Shared {} started in {} ms", name, (System.nanoTime() - start) / 1_000_000);
      return value;
    }

    synchronized void close(java.util.function.Consumer<T> closer) {
      if (value == null) {
        return;
      }
      try {
        closer.accept(value);
      } catch (RuntimeException e) {
        log.warn("Shared {} did not stop cleanly", name, e);
      }
      value = null;
    }
  }
}
