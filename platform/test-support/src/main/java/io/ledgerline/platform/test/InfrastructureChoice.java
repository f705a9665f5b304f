package io.ledgerline.platform.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Which PostgreSQL and Kafka the tests of this JVM get: Testcontainers' where a Docker engine
 * answers (many laptops, CI runners), the embedded ones where none does. The one place that decides
 * it; nothing else in the tests knows which they got.
 *
 * <p>Overridden by {@value #PROPERTY} (system property) or {@code LEDGERLINE_TEST_INFRASTRUCTURE}
 * (environment): {@code auto} (the default), {@code embedded}, or {@code testcontainers} (which
 * then requires an engine and fails at once without one).
 */
public final class InfrastructureChoice {

  public static final String PROPERTY = "ledgerline.test.infrastructure";
  static final String ENVIRONMENT = "LEDGERLINE_TEST_INFRASTRUCTURE";

  /** What the tests run against. */
  public enum Mode {
    EMBEDDED,
    TESTCONTAINERS
  }

  /** The decision and why, for the log. */
  public record Choice(Mode mode, String reason) {}

  private InfrastructureChoice() {}

  /**
   * Decides from the setting ({@code null}, blank or {@code auto}: ask Docker) and whether a Docker
   * engine answers (asked only when the setting leaves it open).
   */
  public static Choice choose(String setting, BooleanSupplier dockerAnswers) {
    String value = setting == null ? "auto" : setting.trim().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "", "auto" ->
          dockerAnswers.getAsBoolean()
              ? new Choice(Mode.TESTCONTAINERS, "a Docker engine answers")
              : new Choice(Mode.EMBEDDED, "no Docker engine answers");
      case "embedded" -> new Choice(Mode.EMBEDDED, PROPERTY + "=embedded");
      case "testcontainers" -> {
        if (!dockerAnswers.getAsBoolean()) {
          throw new IllegalStateException(
              PROPERTY + "=testcontainers, but no Docker engine answers (DOCKER_HOST, the socket)");
        }
        yield new Choice(Mode.TESTCONTAINERS, PROPERTY + "=testcontainers");
      }
      default ->
          throw new IllegalArgumentException(
              PROPERTY + " must be auto, embedded or testcontainers, not '" + setting + "'");
    };
  }

  /** The decision for this JVM, from its system properties and environment. */
  static Choice forThisJvm() {
    String setting = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
    return choose(
        setting, () -> dockerAnswers(System.getenv(), Path.of(System.getProperty("user.home"))));
  }

  /**
   * Whether a Docker engine answers: first the cheap signs that one is configured at all (so a
   * machine without Docker is not made to wait for, or log, Testcontainers' search), then
   * Testcontainers' own check.
   */
  static boolean dockerAnswers(Map<String, String> environment, Path home) {
    if (!dockerConfigured(environment, home)) {
      return false;
    }
    try {
      return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /**
   * A Docker host named in the environment or Testcontainers' file, or a socket where engines put
   * one.
   */
  static boolean dockerConfigured(Map<String, String> environment, Path home) {
    if (present(environment.get("DOCKER_HOST"))
        || present(environment.get("TESTCONTAINERS_HOST_OVERRIDE"))) {
      return true;
    }
    Path properties = home.resolve(".testcontainers.properties");
    if (Files.isRegularFile(properties)) {
      try {
        if (Files.readString(properties).contains("docker.host")) {
          return true;
        }
      } catch (java.io.IOException e) {
        // unreadable: as if absent
      }
    }
    return Files.exists(Path.of("/var/run/docker.sock"))
        || Files.exists(home.resolve(".docker/run/docker.sock"))
        || Files.exists(home.resolve(".colima/default/docker.sock"))
        || Files.exists(home.resolve(".rd/docker.sock"));
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
