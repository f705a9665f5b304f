package io.ledgerline.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * Where the local platform keeps its state and which ports it uses.
 *
 * @param root the project root (holds deploy/config-repo and the built jars)
 * @param runDir data, logs, secrets and platform.json; kept across restarts
 * @param ports the ports of every part
 * @param serviceHeap the -Xmx of each service JVM
 * @param tracing whether the services run with the OpenTelemetry javaagent, exporting to a local
 *     receiver that writes {@code <runDir>/traces/}
 * @param benchmark whether the services run as in production (both JIT compilers, not the C1-only
 *     quick start of a developer's platform) with the webhook limits lifted, for {@code
 *     deploy/load/benchmark}
 */
public record PlatformOptions(
    Path root, Path runDir, Ports ports, String serviceHeap, boolean tracing, boolean benchmark) {

  /** Without tracing. */
  public PlatformOptions(Path root, Path runDir, Ports ports, String serviceHeap) {
    this(root, runDir, ports, serviceHeap, false, false);
  }

  /** Not a benchmark. */
  public PlatformOptions(Path root, Path runDir, Ports ports, String serviceHeap, boolean tracing) {
    this(root, runDir, ports, serviceHeap, tracing, false);
  }

  /** The same options with tracing on or off. */
  public PlatformOptions withTracing(boolean on) {
    return new PlatformOptions(root, runDir, ports, serviceHeap, on, benchmark);
  }

  /** The ports of every part of the platform. */
  public record Ports(
      int gateway,
      int apikey,
      int connector,
      int ingest,
      int sync,
      int invoice,
      int configServer,
      int registry,
      int kafka,
      int postgres,
      int sandbox) {

    /** The documented defaults (docs/architecture.md). */
    public static Ports defaults() {
      return new Ports(8080, 8081, 8082, 8083, 8084, 8085, 8888, 8091, 19092, 15432, 8099);
    }

    /**
     * The defaults, each moved by {@code offset}: two local platforms (two clones, say) on one
     * machine with {@code LEDGERLINE_PORT_OFFSET=1000} for the second.
     */
    public static Ports defaultsMovedBy(int offset) {
      if (offset < 0 || offset > 40000) {
        throw new IllegalArgumentException("LEDGERLINE_PORT_OFFSET must be between 0 and 40000");
      }
      Ports d = defaults();
      return new Ports(
          d.gateway + offset,
          d.apikey + offset,
          d.connector + offset,
          d.ingest + offset,
          d.sync + offset,
          d.invoice + offset,
          d.configServer + offset,
          d.registry + offset,
          d.kafka + offset,
          d.postgres + offset,
          d.sandbox + offset);
    }

    /** Free ports chosen by the OS, for tests that must not clash with a running local platform. */
    public static Ports free() {
      return new Ports(
          freePort(),
          freePort(),
          freePort(),
          freePort(),
          freePort(),
          freePort(),
          freePort(),
          freePort(),
          freePort(),
          freePort(),
          freePort());
    }

    private static int freePort() {
      try (ServerSocket socket = new ServerSocket(0)) {
        return socket.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
