package io.ledgerline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.platform.service.metrics.Meters;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alert rules and the Grafana dashboard watch what the issue names, and only meters that exist:
 * the platform's own (the Meters catalogue) and the JVM, HTTP and Kafka client meters of
 * Micrometer.
 */
class ObservabilityTest {

  private static final Pattern METRIC =
      Pattern.compile(
          "\\b(ledgerline_[a-z_]+|kafka_consumer_[a-z_]+|http_server_[a-z_]+|jvm_[a-z_]+|process_[a-z_]+)\\b");
  private static final Set<String> MICROMETER =
      Set.of(
          "kafka_consumer_fetch_manager_records_lag_max",
          "http_server_requests_seconds_count",
          "http_server_requests_seconds_bucket",
          "jvm_memory_used_bytes",
          "process_cpu_usage");

  @Test
  void alertsCoverLagDeadLettersOutboxRejectionsTokenRefreshesAnd5xx() {
    Map<String, Object> rule = Chart.production().ofKind("PrometheusRule").get(0);
    Map<String, String> alerts =
        Yamls.list(rule, "spec.groups").stream()
            .flatMap(group -> Yamls.list(group, "rules").stream())
            .collect(
                Collectors.toMap(r -> r.get("alert").toString(), r -> r.get("expr").toString()));

    assertThat(alerts.get("LedgerlineConsumerLagHigh"))
        .contains("kafka_consumer_fetch_manager_records_lag_max");
    assertThat(alerts.get("LedgerlineDeadLetters")).contains("ledgerline_dead_letters");
    assertThat(alerts.get("LedgerlineDeadLettersWritten"))
        .contains("ledgerline_dead_letters_written_total");
    assertThat(alerts.get("LedgerlineOutboxBacklog")).contains("ledgerline_outbox_backlog_bytes");
    assertThat(alerts.get("LedgerlineWebhookRejectionSpike")).contains("outcome=\"rejected\"");
    assertThat(alerts.get("LedgerlineTokenRefreshFailures"))
        .contains("ledgerline_token_refreshes_total")
        // the outcomes TokenRefresher records besides "refreshed"
        // (AccountConnectionsIntegrationTest)
        .contains("outcome=~\"refused|failed\"");
    assertThat(alerts.get("LedgerlineHttp5xx")).contains("status=~\"5..\"");
    for (Map<String, Object> each :
        Yamls.list(rule, "spec.groups").stream()
            .flatMap(group -> Yamls.list(group, "rules").stream())
            .toList()) {
      assertThat(Yamls.string(each, "annotations.runbook")).startsWith("docs/runbooks/");
      assertThat(
              Chart.DIRECTORY.resolve("../..").resolve(Yamls.string(each, "annotations.runbook")))
          .as("the runbook of " + each.get("alert"))
          .exists();
    }
  }

  @Test
  void rulesAndDashboardUseOnlyMetersTheCodeRegisters() throws IOException {
    // ledgerline_*: what the sources register today (RegisteredMeters scans them), exact
    // Prometheus names (counters _total, base units), not what the catalogue hopes for.
    Set<String> known = new TreeSet<>(MICROMETER);
    known.addAll(RegisteredMeters.prometheusNames());
    String rules = Files.readString(Chart.DIRECTORY.resolve("files/prometheus/rules.yaml"));
    String dashboard = Files.readString(Chart.DIRECTORY.resolve("files/grafana/ledgerline.json"));

    assertThat(metrics(rules)).isNotEmpty().allSatisfy(m -> assertThat(known).contains(m));
    assertThat(metrics(dashboard)).isNotEmpty().allSatisfy(m -> assertThat(known).contains(m));
  }

  @Test
  void theCatalogueIsExactlyWhatTheCodeRegisters() {
    assertThat(RegisteredMeters.names())
        .as("ledgerline.* meters registered in src/main/java")
        .containsExactlyInAnyOrderElementsOf(Meters.ALL);
    assertThat(RegisteredMeters.prometheusNames())
        .contains(
            "ledgerline_webhooks_total",
            "ledgerline_outbox_backlog_bytes",
            "ledgerline_outbox_slot_retained_wal_bytes",
            "ledgerline_dead_letters",
            "ledgerline_token_refreshes_total");
  }

  @Test
  void theDashboardShowsEveryMeterOfTheCatalogue() throws IOException {
    JsonNode dashboard =
        JsonMapper.builder()
            .build()
            .readTree(Chart.DIRECTORY.resolve("files/grafana/ledgerline.json").toFile());
    String queries =
        dashboard
            .get("panels")
            .valueStream()
            .flatMap(panel -> panel.get("targets").valueStream())
            .map(target -> target.get("expr").asString())
            .collect(Collectors.joining("\n"));

    for (String meter : Meters.ALL) {
      assertThat(queries).as(meter).contains(meter.replace('.', '_'));
    }
  }

  private static Set<String> metrics(String text) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = METRIC.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }
}
