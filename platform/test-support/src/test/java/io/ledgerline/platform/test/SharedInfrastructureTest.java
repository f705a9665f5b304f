package io.ledgerline.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class SharedInfrastructureTest {

  @Autowired ConfigurableEnvironment environment;
  @Autowired JdbcTemplate jdbc;

  @Test
  void
      configurationComesFromTheRealConfigServerWithPlaceholdersResolvedToTheSharedInfrastructure() {
    SharedInfrastructure infrastructure = SharedInfrastructure.get();

    assertThat(
            environment.getPropertySources().stream()
                .map(source -> source.getName())
                .filter(name -> name.startsWith("configserver:"))
                .toList())
        .as("property sources served by the config server")
        .anyMatch(name -> name.contains("application.yml"));
    assertThat(environment.getProperty("ledgerline.kafka.registry-url"))
        .isEqualTo(infrastructure.registryUrl());
    assertThat(environment.getProperty("spring.kafka.bootstrap-servers"))
        .isEqualTo(infrastructure.kafkaBootstrapServers());
    assertThat(environment.getProperty("management.endpoint.health.probes.enabled"))
        .isEqualTo("true");
  }

  @Test
  void theServiceDatabaseIsNamedAfterTheApplicationAndReachable() {
    assertThat(jdbc.queryForObject("select current_database()", String.class))
        .isEqualTo("test_support_probe");
    assertThat(jdbc.queryForObject("show wal_level", String.class)).isEqualTo("logical");
  }

  @Test
  void theSharedKafkaBrokerAnswers() throws Exception {
    try (AdminClient admin =
        AdminClient.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfrastructure.get().kafkaBootstrapServers()))) {
      assertThat(admin.describeCluster().nodes().get()).hasSize(1);
    }
  }

  @Test
  void theRegistryAnswersItsConfluentCompatibleApi() throws Exception {
    var response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            SharedInfrastructure.get().registryCcompatUrl() + "/subjects"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void theRegistryRejectsASchemaThatIsNotBackwardCompatible() throws Exception {
    String subject = "compatibility-probe-" + System.nanoTime() + "-value";
    String v1 =
        """
        {"type": "record", "name": "Probe", "fields": [{"name": "a", "type": "string"}]}""";
    String withANewRequiredField =
        """
        {"type": "record", "name": "Probe", "fields": [{"name": "a", "type": "string"},
          {"name": "b", "type": "int"}]}""";

    assertThat(register(subject, v1)).isEqualTo(200);
    assertThat(register(subject, withANewRequiredField)).isEqualTo(409);
  }

  private static int register(String subject, String schema) throws Exception {
    String body = "{\"schema\": \"" + schema.replace("\"", "\\\"").replace("\n", " ") + "\"}";
    return java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(
                        SharedInfrastructure.get().registryCcompatUrl()
                            + "/subjects/"
                            + subject
                            + "/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
