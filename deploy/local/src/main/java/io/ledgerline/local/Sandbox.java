package io.ledgerline.local;

import io.ledgerline.local.sandbox.ShopifyCallback;
import io.ledgerline.platform.embedded.JavaProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The platform sandbox: WireMock standalone in its own JVM, playing each platform's consent page,
 * token endpoint and the API calls connecting makes, from the JSON mappings under {@code
 * deploy/local/sandbox/mappings/<platform>/}. The services' OAuth apps and platform URLs point at
 * it unless {@code LEDGERLINE_<PLATFORM>_*} variables say otherwise. It also plays FIRS's MBS
 * e-invoicing API under {@code /firs} ({@code mappings/firs}), which demo tenant 1 submits to.
 */
final class Sandbox implements AutoCloseable {

  private static final List<String> KEYS =
      List.of(
          "CLIENT_ID", "CLIENT_SECRET", "AUTHORIZE_URL", "TOKEN_URL", "API_URL", "WEBHOOK_SECRET");

  /** The FIRS (NRS) MBS stub's mappings, and the path under which it answers. */
  static final String FIRS = "firs";

  private final JavaProcess process;
  private final int port;
  private final List<String> platforms;

  private Sandbox(JavaProcess process, int port, List<String> platforms) {
    this.process = process;
    this.port = port;
    this.platforms = platforms;
  }

  static Sandbox start(Path root, int port, Path log) {
    List<String> platforms;
    try (Stream<Path> dirs = Files.list(root.resolve("mappings"))) {
      platforms =
          dirs.filter(Files::isDirectory)
              .map(d -> d.getFileName().toString())
              // FIRS is no platform with an OAuth app: its stub is configured per tenant
              // (FirsSandbox), not through LEDGERLINE_<PLATFORM>_* variables.
              .filter(name -> !name.equals(FIRS))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("no sandbox mappings under " + root, e);
    }
    String wiremock =
        Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
            .filter(p -> p.contains("wiremock-standalone"))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "wiremock-standalone is not on the launcher's class path"));
    String classes;
    try {
      classes =
          Path.of(ShopifyCallback.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    Map<String, String> env = new LinkedHashMap<>();
    env.put(
        "SANDBOX_SHOPIFY_CLIENT_SECRET",
        System.getenv().getOrDefault("LEDGERLINE_SHOPIFY_CLIENT_SECRET", "sandbox-shopify-secret"));
    JavaProcess process =
        JavaProcess.start(
            "sandbox",
            "160m",
            List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
            List.of(
                "-cp",
                wiremock + java.io.File.pathSeparator + classes,
                "wiremock.Run",
                "--port",
                Integer.toString(port),
                "--bind-address",
                "127.0.0.1",
                "--root-dir",
                root.toString(),
                "--extensions",
                ShopifyCallback.class.getName()
                    + ","
                    + io.ledgerline.local.sandbox.PipedriveLargeAccount.class.getName(),
                "--max-request-journal-entries",
                "2000",
                "--disable-banner"),
            env,
            log);
    Sandbox sandbox = new Sandbox(process, port, platforms);
    process.awaitHttpOk(sandbox.readiness(), Duration.ofSeconds(60));
    return sandbox;
  }

  JavaProcess process() {
    return process;
  }

  URI readiness() {
    return URI.create(url() + "/__admin/health");
  }

  String url() {
    return "http://localhost:" + port;
  }

  /** The base URL of the FIRS MBS stub, a tenant's FIRS {@code baseUrl}. */
  String firsUrl() {
    return url() + "/" + FIRS;
  }

  /**
   * {@code LEDGERLINE_<PLATFORM>_CLIENT_ID}, {@code _CLIENT_SECRET}, {@code _AUTHORIZE_URL}, {@code
   * _TOKEN_URL}, {@code _API_URL} and {@code _WEBHOOK_SECRET} for every platform the sandbox plays:
   * the caller's own value where it set one, else the sandbox's.
   */
  Map<String, String> platformEnvironment(Map<String, String> given) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String platform : platforms) {
      String prefix = "LEDGERLINE_" + platform.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
      Map<String, String> sandbox =
          Map.of(
              "CLIENT_ID", "sandbox-" + platform + "-client",
              "CLIENT_SECRET", "sandbox-" + platform + "-secret",
              "AUTHORIZE_URL", url() + "/" + platform + "/authorize",
              "TOKEN_URL", url() + "/" + platform + "/token",
              "API_URL", url() + "/" + platform + "/api",
              "WEBHOOK_SECRET", "sandbox-" + platform + "-webhook-key");
      for (String key : KEYS) {
        env.put(prefix + key, given.getOrDefault(prefix + key, sandbox.get(key)));
      }
    }
    return env;
  }

  @Override
  public void close() {
    process.close();
  }
}
