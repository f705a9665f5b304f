package io.ledgerline.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the project's built pieces are: found by walking up from a start directory to the
 * ledgerline root.
 */
public final class ProjectLayout {

  private static final Pattern ROOT_VERSION =
      Pattern.compile("<artifactId>ledgerline</artifactId>\\s*<version>([^<]+)</version>");

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
    return builtJar("deploy/schema-registry", "schema-registry");
  }

  /** The config server's executable jar built by deploy/config-server. */
  public Path configServerJar() {
    return builtJar("deploy/config-server", "config-server");
  }

  /**
   * {@code <module>/target/<artifactId>-<version>.jar}, else the same jar installed in the local
   * Maven repository (so a module built alone with {@code -pl} still finds what another build
   * installed).
   */
  private Path builtJar(String module, String artifactId) {
    String version = version();
    String fileName = artifactId + "-" + version + ".jar";
    Path built = root.resolve(module).resolve("target").resolve(fileName);
    if (Files.isRegularFile(built)) {
      return built;
    }
    Path installed =
        Path.of(
                System.getProperty("user.home"),
                ".m2",
                "repository",
                "io",
                "ledgerline",
                artifactId,
                version)
            .resolve(fileName);
    if (Files.isRegularFile(installed)) {
      return installed;
    }
    throw new IllegalStateException(
        "Missing "
            + built
            + " (nor installed at "
            + installed
            + "). Build it first, from "
            + root
            + ": ./mvnw -B -pl "
            + module
            + " install -DskipTests");
  }

  /** The project version, from the root pom (the first version after the ledgerline artifactId). */
  String version() {
    try {
      String pom = Files.readString(root.resolve("pom.xml"));
      Matcher matcher = ROOT_VERSION.matcher(pom);
      if (!matcher.find()) {
        throw new IllegalStateException("No version in " + root.resolve("pom.xml"));
      }
      return matcher.group(1).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
