package io.ledgerline.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the project's built pieces are: found by walking up from a start directory to the
 * ledgerline root.
 */
public final class ProjectLayout {

  private final Path root;

  private ProjectLayout(Path root) {
    this.root = root;
  }

  /** The layout around the current directory (Maven runs tests in the module's directory). */
  public static ProjectLayout current() {
    return from(Path.of("").toAbsolutePath());
  }

  /**
   * The layout around {@code start}: the nearest ancestor holding {@code deploy/config-repo} and
   * the root pom.
   */
  public static ProjectLayout from(Path start) {
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("deploy/config-repo"))
          && isRootPom(dir.resolve("pom.xml"))) {
        return new ProjectLayout(dir);
      }
    }
    throw new IllegalStateException(
        "No ledgerline project root (a directory with deploy/config-repo and the root pom.xml) above "
            + start);
  }

  private static boolean isRootPom(Path pom) {
    if (!Files.isRegularFile(pom)) {
      return false;
    }
    try {
      return Files.readString(pom).contains("<artifactId>ledgerline</artifactId>");
    } catch (IOException e) {
      return false;
    }
  }

  public Path root() {
    return root;
  }

  /** The configuration repository the config server serves. */
  public Path configRepository() {
    return root.resolve("deploy/config-repo");
  }

  /** The Apicurio registry uber-jar built by deploy/schema-registry. */
  public Path schemaRegistryJar() {
    return builtJar("deploy/schema-registry", "schema-registry-", "-runner.jar");
  }

  /** The config server's executable jar built by deploy/config-server. */
  public Path configServerJar() {
    return builtJar("deploy/config-server", "config-server-", ".jar");
  }

  private Path builtJar(String module, String prefix, String suffix) {
    Path target = root.resolve(module).resolve("target");
    if (Files.isDirectory(target)) {
      try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, prefix + "*" + suffix)) {
        for (Path jar : jars) {
          String name = jar.getFileName().toString();
          if (!name.endsWith("-sources.jar") && !name.endsWith(".original")) {
            return jar;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException(
        "Missing "
            + module
            + "/target/"
            + prefix
            + "*"
            + suffix
            + ". Build it first, from "
            + root
            + ": ./mvnw -B -pl "
            + module
            + " package -DskipTests");
  }
}
