package io.ledgerline.platform.embedded;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The Apicurio Registry (in memory, BACKWARD compatibility by default) as a child JVM, from the
 * uber-jar that deploy/schema-registry builds.
 */
public final class SchemaRegistryProcess implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final JavaProcess process;
  private final int port;

  private SchemaRegistryProcess(JavaProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts the registry from {@code jar} on {@code portOrZero} (0: a free port) and waits until it
   * answers. Its storage is in memory: gone when it stops.
   */
  public static SchemaRegistryProcess start(Path jar, int portOrZero, Path logFile) {
    return start(jar, portOrZero, logFile, null);
  }

  /**
   * Starts the registry with its storage in {@code dataDirectory} (an H2 file database), so a
   * registry that is stopped or killed comes back with every schema under the same id. The local
   * platform needs that: services keep the ids they resolved, and an in-memory registry started
   * again would give the same ids to other schemas. Every commit is written at once ({@code
   * WRITE_DELAY=0}); H2's default half-second delay lost the last registration to a {@code kill
   * -9}.
   */
  public static SchemaRegistryProcess start(
      Path jar, int portOrZero, Path logFile, Path dataDirectoryOrNull) {
    int port = portOrZero > 0 ? portOrZero : JavaProcess.freePort();
    Map<String, String> environment = Map.of();
    if (dataDirectoryOrNull != null) {
      try {
        java.nio.file.Files.createDirectories(dataDirectoryOrNull);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      environment =
          Map.of(
              "REGISTRY_DATASOURCE_URL",
              "jdbc:h2:file:"
                  + dataDirectoryOrNull.toAbsolutePath().resolve("registry")
                  + ";WRITE_DELAY=0");
    }
    JavaProcess process =
        JavaProcess.start(
            "schema registry",
            "256m",
            List.of(
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port),
            List.of("-jar", jar.toAbsolutePath().toString()),
            environment,
            logFile);
    SchemaRegistryProcess registry = new SchemaRegistryProcess(process, port);
    process.awaitHttpOk(URI.create(registry.ccompatUrl() + "/subjects"), START_TIMEOUT);
    return registry;
  }

  /** Starts the registry built in {@code layout} on a free port. */
  public static SchemaRegistryProcess start(ProjectLayout layout, Path logFile) {
    return start(layout.schemaRegistryJar(), 0, logFile);
  }

  public int port() {
    return port;
  }

  /** The Apicurio v2 API, which the Apicurio serde takes as {@code apicurio.registry.url}. */
  public String url() {
    return "http://localhost:" + port + "/apis/registry/v2";
  }

  /** The Confluent-compatible API. */
  public String ccompatUrl() {
    return "http://localhost:" + port + "/apis/ccompat/v7";
  }

  public JavaProcess process() {
    return process;
  }

  @Override
  public void close() {
    process.close();
  }
}
