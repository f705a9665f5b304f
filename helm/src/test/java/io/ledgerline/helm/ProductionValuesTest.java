package io.ledgerline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The production example (Strimzi, CloudNativePG) renders what production needs. */
class ProductionValuesTest {

  private final Chart.Rendered production = Chart.production();

  @Test
  void topicsAreCreatedWithThreeReplicasAndTwoInSync() {
    Map<String, Object> invoice = production.named("Deployment", "ledgerline-invoice-service");

    assertThat(env(invoice, "LEDGERLINE_KAFKA_REPLICATION_FACTOR")).contains("3");
    assertThat(env(invoice, "LEDGERLINE_KAFKA_MIN_INSYNC_REPLICAS")).contains("2");
    assertThat(env(invoice, "SPRING_PROFILES_ACTIVE")).contains("production");
  }

  @Test
  void kafkaIsReachedOverTlsWithEachServicesOwnScramUser() {
    Map<String, Object> ingest =
        production.named("Deployment", "ledgerline-webhook-ingest-service");

    assertThat(env(ingest, "SPRING_KAFKA_SECURITY_PROTOCOL")).contains("SASL_SSL");
    assertThat(secretRef(ingest, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
        .contains("ledgerline-webhook-ingest-kafka-user/sasl.jaas.config");
    assertThat(env(ingest, "SPRING_KAFKA_SSL_TRUST_STORE_LOCATION"))
        .contains("file:/etc/ledgerline/kafka-truststore/ca.p12");
    assertThat(secretRef(ingest, "SPRING_KAFKA_SSL_TRUST_STORE_PASSWORD"))
        .contains("ledgerline-cluster-ca-cert/ca.password");
  }

  @Test
  void eachServiceUsesItsOwnCloudNativePgClusterAndItsAppSecret() {
    Map<String, Object> invoice = production.named("Deployment", "ledgerline-invoice-service");

    assertThat(env(invoice, "LEDGERLINE_POSTGRES_URL"))
        .contains("jdbc:postgresql://ledgerline-invoice-rw.databases.svc:5432");
    assertThat(secretRef(invoice, "LEDGERLINE_POSTGRES_PASSWORD"))
        .contains("ledgerline-invoice-app/password");
  }

  @Test
  void servicesScaleAndTheirConsumersMatchThePartitions() {
    Map<String, Object> hpa = production.named("HorizontalPodAutoscaler", "ledgerline-sync-worker");
    Map<String, Object> worker = production.named("Deployment", "ledgerline-sync-worker");

    int maxReplicas = (Integer) Yamls.get(hpa, "spec.maxReplicas");
    int threads =
        Integer.parseInt(env(worker, "LEDGERLINE_KAFKA_LISTENER_CONCURRENCY").orElseThrow());
    int partitions = Integer.parseInt(env(worker, "LEDGERLINE_KAFKA_PARTITIONS").orElseThrow());
    assertThat(maxReplicas * threads)
        .as("no consumer thread without a partition")
        .isLessThanOrEqualTo(partitions);
    assertThat((Integer) Yamls.get(hpa, "spec.minReplicas")).isGreaterThanOrEqualTo(2);
  }

  @Test
  void theConfigRepositoryMakesProducersIdempotentWithAcksAllAndShutdownGraceful()
      throws IOException {
    Map<String, Object> shared = configRepo("application.yml");
    assertThat(Yamls.string(shared, "spring.kafka.producer.acks")).isEqualTo("all");
    assertThat(Yamls.get(shared, "spring.kafka.producer.properties"))
        .asInstanceOf(InstanceOfAssertFactories.MAP)
        .containsEntry("enable.idempotence", true);
    assertThat(Yamls.string(shared, "server.shutdown")).isEqualTo("graceful");
    assertThat(Yamls.get(shared, "spring.kafka.listener.immediate-stop")).isEqualTo(false);
    assertThat(Yamls.string(shared, "spring.lifecycle.timeout-per-shutdown-phase"))
        .isEqualTo("${LEDGERLINE_SHUTDOWN_TIMEOUT:30s}");
    for (Map<String, Object> deployment : production.ofKind("Deployment")) {
      assertThat(env(deployment, "LEDGERLINE_SHUTDOWN_TIMEOUT"))
          .as(Yamls.string(deployment, "metadata.name"))
          .contains("30s");
    }
  }

  @Test
  void theProductionProfileCreatesTopicsWithThreeReplicasAndTwoInSync() throws IOException {
    Map<String, Object> production = configRepo("application-production.yml");
    assertThat(Yamls.string(production, "ledgerline.kafka.replication-factor"))
        .isEqualTo("${LEDGERLINE_KAFKA_REPLICATION_FACTOR:3}");
    assertThat(Yamls.string(production, "ledgerline.kafka.min-insync-replicas"))
        .isEqualTo("${LEDGERLINE_KAFKA_MIN_INSYNC_REPLICAS:2}");
    for (Map<String, Object> deployment : this.production.ofKind("Deployment")) {
      if (Yamls.string(deployment, "metadata.name").endsWith("config-server")) {
        continue;
      }
      assertThat(env(deployment, "LEDGERLINE_KAFKA_REPLICATION_FACTOR")).contains("3");
      assertThat(env(deployment, "LEDGERLINE_KAFKA_MIN_INSYNC_REPLICAS")).contains("2");
    }
  }

  private static Map<String, Object> configRepo(String file) throws IOException {
    return new Yaml(new LoaderOptions())
        .load(Files.readString(Chart.DIRECTORY.resolve("config-repo").resolve(file)));
  }

  @Test
  void gracefulShutdownHasTimeBeforeTheKubeletKillsThePod() {
    for (Map<String, Object> deployment : production.ofKind("Deployment")) {
      int grace =
          (Integer) Yamls.get(deployment, "spec.template.spec.terminationGracePeriodSeconds");
      int preStop =
          (Integer)
              Yamls.get(Yamls.containers(deployment).get(0), "lifecycle.preStop.sleep.seconds");
      assertThat(grace).isGreaterThan(preStop + 30);
    }
  }

  @Test
  void tracesGoToTheCollectorAndMetricsToPrometheus() {
    Map<String, Object> gateway = production.named("Deployment", "ledgerline-gateway-service");

    assertThat(env(gateway, "OTEL_JAVAAGENT_ENABLED")).contains("true");
    assertThat(env(gateway, "OTEL_EXPORTER_OTLP_ENDPOINT"))
        .contains("http://otel-collector.observability.svc:4318");
    Map<String, Object> monitor = production.ofKind("ServiceMonitor").get(0);
    assertThat(Yamls.list(monitor, "spec.endpoints").get(0))
        .containsEntry("port", "management")
        .containsEntry("path", "/actuator/prometheus");
  }

  static Optional<String> env(Map<String, Object> deployment, String name) {
    return Yamls.list(Yamls.containers(deployment).get(0), "env").stream()
        .filter(e -> name.equals(e.get("name")))
        .map(e -> e.get("value"))
        .filter(v -> v != null)
        .map(Object::toString)
        .findFirst();
  }

  static Optional<String> secretRef(Map<String, Object> deployment, String name) {
    return Yamls.list(Yamls.containers(deployment).get(0), "env").stream()
        .filter(e -> name.equals(e.get("name")))
        .map(e -> Yamls.map(e, "valueFrom.secretKeyRef"))
        .filter(ref -> !ref.isEmpty())
        .map(ref -> ref.get("name") + "/" + ref.get("key"))
        .findFirst();
  }
}
