package io.ledgerline.platform.embedded;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The Spring Cloud Config server (native profile) as a child JVM, serving a directory. */
public final class ConfigServerProcess implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final JavaProcess process;
  private final int port;

  private ConfigServerProcess(JavaProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts the server from {@code jar}, serving {@code configRepository}, on {@code portOrZero} (0:
   * a free port), and waits until its health endpoint answers.
   */
  public static ConfigServerProcess start(
      Path jar, Path configRepository, int portOrZero, Path logFile) {
    int port = portOrZero > 0 ? portOrZero : JavaProcess.freePort();
    JavaProcess process =
        JavaProcess.start(
            "config server",
            "256m",
            List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
            List.of(
                "-jar",
                jar.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--ledgerline.config-server.repository="
                    + configRepository.toAbsolutePath().toUri()),
            Map.of(),
            logFile);
    ConfigServerProcess server = new ConfigServerProcess(process, port);
    process.awaitHttpOk(URI.create(server.url() + "/actuator/health"), START_TIMEOUT);
    return server;
  }

  /**
   * Starts the config server built in {@code layout}, serving its config repository, on a free
   * port.
   */
  public static ConfigServerProcess start(ProjectLayout layout, Path logFile) {
    return start(layout.configServerJar(), layout.configRepository(), 0, logFile);
  }

  public int port() {
    return port;
  }

  public String url() {
    return "http://localhost:" + port;
  }

  public JavaProcess process() {
    return process;
  }

  @Override
  public void close() {
    process.close();
  }
}
