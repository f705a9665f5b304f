package io.ledgerline.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM with its own heap limit, environment and log file, stopped gracefully (SIGTERM, then
 * a kill after a timeout) together with any processes it started.
 */
public final class JavaProcess implements AutoCloseable {

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
  private static final int LOG_TAIL_LINES = 60;

  private final String name;
  private final Process process;
  private final Path logFile;

  private JavaProcess(String name, Process process, Path logFile) {
    this.name = name;
    this.process = process;
    this.logFile = logFile;
  }

  /**
   * Starts {@code java -Xmx<maxHeap> <jvmArguments...> <arguments...>}.
   *
   * @param name shown in errors
   * @param maxHeap the -Xmx value such as {@code 256m}: required, because the JVM's default here is
   *     about 6 GB
   * @param jvmArguments options before the main class or {@code -jar}, such as {@code -Dkey=value}
   * @param arguments the main class or {@code -jar file}, then the program's arguments
   * @param environment extra environment variables
   * @param logFile receives stdout and stderr (appended)
   */
  public static JavaProcess start(
      String name,
      String maxHeap,
      List<String> jvmArguments,
      List<String> arguments,
      Map<String, String> environment,
      Path logFile) {
    Objects.requireNonNull(maxHeap, "maxHeap");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + maxHeap);
    command.addAll(jvmArguments);
    command.addAll(arguments);
    try {
      Path parent = logFile.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
      builder.environment().putAll(environment);
      return new JavaProcess(name, builder.start(), logFile);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + name + ": " + command, e);
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File(
        System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  /** A port that was free a moment ago, for a child process that needs a fixed one. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port", e);
    }
  }

  /**
   * Waits until {@code uri} answers 2xx. Fails at once if the process dies, and shows the end of
   * its log either way.
   */
  public void awaitHttpOk(URI uri, Duration timeout) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(timeout);
    String lastProblem = "no answer yet";
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name
                + " exited with code "
                + process.exitValue()
                + " before "
                + uri
                + " answered. "
                + logTail());
      }
      try {
        HttpResponse<Void> response =
            client.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 == 2) {
          return;
        }
        lastProblem = "HTTP " + response.statusCode();
      } catch (IOException e) {
        lastProblem = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for " + name, e);
      }
      pause(Duration.ofMillis(200));
    }
    close();
    throw new IllegalStateException(
        name
            + " did not answer "
            + uri
            + " within "
            + timeout
            + " ("
            + lastProblem
            + "). "
            + logTail());
  }

  /** Polls {@code condition} until it holds; fails if the process dies or time runs out. */
  public void await(String what, java.util.function.BooleanSupplier condition, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name
                + " exited with code "
                + process.exitValue()
                + " before "
                + what
                + ". "
                + logTail());
      }
      if (condition.getAsBoolean()) {
        return;
      }
      pause(Duration.ofMillis(200));
    }
    close();
    throw new IllegalStateException(
        name + " did not reach " + what + " within " + timeout + ". " + logTail());
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }

  /** Waits for the process to end by itself (a tool, not a server) and returns its exit code. */
  public int awaitExit(Duration timeout) {
    try {
      if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        return process.exitValue();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    close();
    throw new IllegalStateException(name + " did not finish within " + timeout + ". " + logTail());
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  public Path logFile() {
    return logFile;
  }

  /** The last lines of the log, for error messages. */
  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
      return "Last lines of " + logFile + ":\n" + String.join("\n", tail);
    } catch (IOException | UncheckedIOException e) {
      return "(log " + logFile + " unreadable: " + e + ")";
    }
  }

  /**
   * {@code kill -9} of the process and its descendants, as a crash or the OOM killer would end it:
   * no shutdown hook runs, nothing is flushed or closed. Returns once it has exited.
   */
  public void kill() {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
    try {
      process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * SIGTERM to the process and its descendants, then a kill for whatever is left after a timeout.
   */
  @Override
  public void close() {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroy();
    descendants.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ", log " + logFile + ")";
  }
}
