package io.ledgerline.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * How {@code deploy/local/platform kill|start|stop|parts|db} reach the running launcher: a small
 * HTTP endpoint on the loopback interface only, with a random token in a file only the owner can
 * read ({@code run/control.properties}). The launcher owns every process, so a part started again
 * here is stopped by {@code down} like the others.
 *
 * <pre>
 * GET  /parts                       every part, running or not, with its pid
 * POST /parts/{name}/kill           kill -9
 * POST /parts/{name}/stop           SIGTERM, then a kill after a timeout
 * POST /parts/{name}/start          start it with its first settings, answer once it is ready
 * POST /databases/{name}/refuse     the database refuses connections (and drops the ones it has)
 * POST /databases/{name}/accept     and accepts them again
 * </pre>
 */
final class ControlServer implements AutoCloseable {

  private static final Map<String, String> ALIASES =
      Map.of("broker", "kafka", "registry", "schema-registry");

  private final LocalPlatform platform;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final String token;

  private ControlServer(LocalPlatform platform, HttpServer server, String token) {
    this.platform = platform;
    this.server = server;
    this.token = token;
  }

  static ControlServer start(LocalPlatform platform, Path runDir) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String token = HexFormat.of().formatHex(random);
    ControlServer control = new ControlServer(platform, server, token);
    server.createContext("/", control::handle);
    server.setExecutor(control.executor);
    server.start();
    RunFiles.ownerOnly(
        runDir.resolve("control.properties"),
        "url=http://127.0.0.1:" + server.getAddress().getPort() + "\ntoken=" + token + "\n");
    return control;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String presented = exchange.getRequestHeaders().getFirst("X-Control-Token");
      if (presented == null
          || !MessageDigest.isEqual(
              presented.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
        reply(exchange, 401, "a control token is required\n");
        return;
      }
      String method = exchange.getRequestMethod();
      String[] path = exchange.getRequestURI().getPath().replaceAll("^/+|/+$", "").split("/");
      try {
        if (method.equals("GET") && path.length == 1 && path[0].equals("parts")) {
          reply(exchange, 200, parts());
        } else if (method.equals("POST") && path.length == 3 && path[0].equals("parts")) {
          reply(exchange, 200, onPart(ALIASES.getOrDefault(path[1], path[1]), path[2]));
        } else if (method.equals("POST") && path.length == 3 && path[0].equals("databases")) {
          reply(exchange, 200, onDatabase(path[1], path[2]));
        } else {
          reply(exchange, 404, "no such command\n");
        }
      } catch (IllegalArgumentException | IllegalStateException e) {
        reply(exchange, 409, e.getMessage() + "\n");
      }
    }
  }

  private String parts() {
    StringBuilder text = new StringBuilder();
    for (String name : platform.parts()) {
      text.append(
          String.format(
              "%-24s %-8s %s%n",
              name,
              platform.isRunning(name) ? "running" : "stopped",
              platform.isRunning(name) ? "pid " + platform.pid(name) : ""));
    }
    return text.toString();
  }

  private String onPart(String name, String action) {
    return switch (action) {
      case "kill" -> {
        long pid = platform.pid(name);
        platform.kill(name);
        yield "killed " + name + " (kill -9 of pid " + pid + ")\n";
      }
      case "stop" -> {
        platform.stop(name);
        yield "stopped " + name + "\n";
      }
      case "start" -> {
        Duration took = platform.start(name);
        yield String.format(
            "started %s (pid %d), ready in %.1f s%n",
            name, platform.pid(name), took.toMillis() / 1000.0);
      }
      default -> throw new IllegalArgumentException("kill, stop or start, not " + action);
    };
  }

  private String onDatabase(String database, String action) {
    return switch (action) {
      case "refuse" -> {
        platform.postgres().refuseConnections(database);
        yield database + " refuses connections (and dropped the ones it had)\n";
      }
      case "accept" -> {
        platform.postgres().acceptConnections(database);
        yield database + " accepts connections again\n";
      }
      default -> throw new IllegalArgumentException("refuse or accept, not " + action);
    };
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
