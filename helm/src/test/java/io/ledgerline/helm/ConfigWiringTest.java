package io.ledgerline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the services read is what the chart passes them: every {@code ${LEDGERLINE_*}} placeholder
 * without a default in the configuration repository (and in each service's own application.yml) is
 * an environment variable of the Deployment of the service that reads it, a secret always from a
 * Secret; and every {@code LEDGERLINE_*} variable the chart sets is read somewhere (no stale
 * wiring). A service that gains a setting without a default fails here until the chart passes it.
 */
class ConfigWiringTest {

  private static final Path ROOT = Chart.DIRECTORY.resolve("../..").normalize();
  private static final Path CONFIG_REPO = ROOT.resolve("deploy/config-repo");

  /**
   * The services (spring.application.name) that take their configuration from the config server.
   */
  private static final List<String> SERVICES =
      List.of(
          "gateway-service",
          "apikey-service",
          "connector-service",
          "webhook-ingest-service",
          "sync-worker",
          "invoice-service");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(LEDGERLINE_[A-Z0-9_]+)(:?)");
  private static final Pattern SECRET_NAME =
      Pattern.compile(".*(SECRET|PASSWORD|PEPPER|KEK|TOKEN|JAAS).*");

  /** Set by the chart but bound by Spring's relaxed binding, not by a placeholder. */
  private static final Set<String> RELAXED_BINDING =
      Set.of("LEDGERLINE_CONFIG_SERVER_REPOSITORY"); // ledgerline.config-server.repository

  @Test
  void everyPlaceholderWithoutADefaultIsSetOnTheDeploymentOfTheServiceThatReadsIt() {
    for (Chart.Rendered rendered : List.of(Chart.defaults(), Chart.production())) {
      for (String service : SERVICES) {
        Map<String, Map<String, Object>> env = env(rendered, service);
        for (String variable : required(service)) {
          assertThat(env)
              .as("%s reads ${%s} (no default): the chart must set it", service, variable)
              .containsKey(variable);
          if (SECRET_NAME.matcher(variable).matches()) {
            assertThat(Yamls.get(env.get(variable), "valueFrom.secretKeyRef.name"))
                .as("%s of %s comes from an existing Secret, never a value", variable, service)
                .isNotNull();
            assertThat(env.get(variable)).doesNotContainKey("value");
          }
        }
      }
    }
  }

  @Test
  void theRequiredSettingsIncludeTheSecretsEachServiceCannotStartWithout() {
    // The test above is only as good as what it finds: these are known today.
    assertThat(required("apikey-service"))
        .contains(
            "LEDGERLINE_APIKEY_KEK",
            "LEDGERLINE_APIKEY_PEPPER",
            "LEDGERLINE_ADMIN_CLIENT_SECRET",
            "LEDGERLINE_INGEST_CLIENT_SECRET",
            "LEDGERLINE_GATEWAY_CLIENT_SECRET");
    assertThat(required("gateway-service")).contains("LEDGERLINE_GATEWAY_CLIENT_SECRET");
    assertThat(required("connector-service")).contains("LEDGERLINE_CONNECTOR_KEK");
    assertThat(required("webhook-ingest-service")).contains("LEDGERLINE_INGEST_CLIENT_SECRET");
  }

  @Test
  void everyServiceWithADatabaseGetsItsServerAndCredentialsFromASecret() {
    Chart.Rendered production = Chart.production();
    for (String service : SERVICES) {
      if (!readsDatabase(service)) {
        continue;
      }
      Map<String, Map<String, Object>> env = env(production, service);
      assertThat(env).as(service).containsKeys("LEDGERLINE_POSTGRES_URL");
      for (String variable :
          List.of("LEDGERLINE_POSTGRES_USERNAME", "LEDGERLINE_POSTGRES_PASSWORD")) {
        assertThat(Yamls.get(env.get(variable), "valueFrom.secretKeyRef.name"))
            .as("%s of %s", variable, service)
            .isNotNull();
      }
    }
    assertThat(readsDatabase("gateway-service")).as("the rate limit buckets").isTrue();
  }

  @Test
  void theConnectorGetsThePlatformAppCredentialsFromASecretOnly() {
    Map<String, Object> deployment =
        Chart.production().named("Deployment", Chart.RELEASE + "-connector-service");
    Map<String, Object> container = Yamls.containers(deployment).get(0);
    assertThat(Yamls.list(container, "envFrom"))
        .singleElement()
        .satisfies(
            from ->
                assertThat(Yamls.string(from, "secretRef.name"))
                    .isEqualTo("ledgerline-platform-apps"));
    Set<String> platformSettings = new TreeSet<>();
    for (String variable : placeholders(CONFIG_REPO.resolve("connector-service.yml")).keySet()) {
      if (variable.matches("LEDGERLINE_[A-Z]+_(CLIENT_SECRET|WEBHOOK_SECRET)")) {
        platformSettings.add(variable);
      }
    }
    assertThat(platformSettings).isNotEmpty();
    Map<String, Map<String, Object>> env = env(Chart.production(), "connector-service");
    for (String variable : platformSettings) {
      assertThat(env)
          .as("%s only from the platform apps' Secret", variable)
          .doesNotContainKey(variable);
    }
  }

  @Test
  void everyLedgerlineVariableTheChartSetsIsReadSomewhere() {
    Set<String> read = new TreeSet<>(RELAXED_BINDING);
    configFiles().forEach(file -> read.addAll(placeholders(file).keySet()));
    for (Map<String, Object> deployment : Chart.production().ofKind("Deployment")) {
      for (Map<String, Object> container : Yamls.containers(deployment)) {
        for (Map<String, Object> env : Yamls.list(container, "env")) {
          String variable = env.get("name").toString();
          if (variable.startsWith("LEDGERLINE_")) {
            assertThat(read)
                .as(
                    "%s sets %s: nothing reads it",
                    Yamls.string(deployment, "metadata.name"), variable)
                .contains(variable);
          }
        }
      }
    }
  }

  /** Placeholders without a default that a service reads (shared files, its own, its jar's). */
  private static Set<String> required(String service) {
    Set<String> required = new TreeSet<>();
    for (Path file : filesOf(service)) {
      placeholders(file)
          .forEach(
              (variable, hasDefault) -> {
                if (!hasDefault) {
                  required.add(variable);
                }
              });
    }
    return required;
  }

  private static boolean readsDatabase(String service) {
    try {
      return Files.readString(CONFIG_REPO.resolve(service + ".yml"))
          .lines()
          .anyMatch(line -> line.matches("\\s+database: [a-z_]+\\s*"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> filesOf(String service) {
    return Stream.of(
            CONFIG_REPO.resolve("application.yml"),
            CONFIG_REPO.resolve("application-production.yml"),
            CONFIG_REPO.resolve(service + ".yml"),
            ROOT.resolve(service).resolve("src/main/resources/application.yml"))
        .filter(Files::exists)
        .toList();
  }

  private static List<Path> configFiles() {
    try (Stream<Path> repo = Files.list(CONFIG_REPO)) {
      List<Path> files =
          new java.util.ArrayList<>(repo.filter(p -> p.toString().endsWith(".yml")).toList());
      for (String service : SERVICES) {
        files.add(ROOT.resolve(service).resolve("src/main/resources/application.yml"));
      }
      files.add(ROOT.resolve("deploy/config-server/src/main/resources/application.yml"));
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** variable -> whether every use of it in the file has a default. */
  private static Map<String, Boolean> placeholders(Path file) {
    Map<String, Boolean> found = new TreeMap<>();
    try {
      for (String line : Files.readAllLines(file)) {
        String code = line.strip().startsWith("#") ? "" : line;
        Matcher matcher = PLACEHOLDER.matcher(code);
        while (matcher.find()) {
          boolean hasDefault = !matcher.group(2).isEmpty();
          found.merge(matcher.group(1), hasDefault, Boolean::logicalAnd);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  private static Map<String, Map<String, Object>> env(Chart.Rendered rendered, String service) {
    Map<String, Object> deployment = rendered.named("Deployment", Chart.RELEASE + "-" + service);
    Map<String, Map<String, Object>> env = new TreeMap<>();
    for (Map<String, Object> each : Yamls.list(Yamls.containers(deployment).get(0), "env")) {
      env.put(each.get("name").toString(), each);
    }
    return env;
  }
}
