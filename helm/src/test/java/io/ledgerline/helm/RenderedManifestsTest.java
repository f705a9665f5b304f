package io.ledgerline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every rendered workload must be, with the default values and with the production example.
 */
class RenderedManifestsTest {

  /** Environment variables whose value is a secret: they must come from a Secret. */
  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(SECRET|PASSWORD|PEPPER|KEK|SIGNING_KEY|JAAS|TOKEN|CREDENTIAL).*");

  static Stream<Arguments> renders() {
    return Stream.of(
        Arguments.of("defaults", Chart.defaults()), Arguments.of("production", Chart.production()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renders")
  void rendersEveryServiceAndTheConfigServer(String name, Chart.Rendered rendered) {
    assertThat(rendered.ofKind("Deployment"))
        .extracting(d -> Yamls.string(d, "metadata.name"))
        .containsExactlyInAnyOrder(
            "ledgerline-gateway-service",
            "ledgerline-apikey-service",
            "ledgerline-connector-service",
            "ledgerline-webhook-ingest-service",
            "ledgerline-sync-worker",
            "ledgerline-invoice-service",
            "ledgerline-config-server");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renders")
  void everyContainerHasRequestsLimitsProbesAndANonRootReadOnlyContext(
      String name, Chart.Rendered rendered) {
    for (Map<String, Object> deployment : rendered.ofKind("Deployment")) {
      String deploymentName = Yamls.string(deployment, "metadata.name");
      Map<String, Object> pod = Yamls.map(deployment, "spec.template.spec");
      assertThat(Yamls.get(pod, "securityContext.runAsNonRoot")).as(deploymentName).isEqualTo(true);
      assertThat(Yamls.get(pod, "automountServiceAccountToken")).isEqualTo(false);
      assertThat(Yamls.containers(deployment)).as(deploymentName).isNotEmpty();
      for (Map<String, Object> container : Yamls.containers(deployment)) {
        String what = deploymentName + "/" + container.get("name");
        for (String resource : List.of("requests.cpu", "requests.memory", "limits.memory")) {
          assertThat(Yamls.get(container, "resources." + resource))
              .as(what + " " + resource)
              .isNotNull();
        }
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
          assertThat(Yamls.string(container, probe + ".httpGet.path"))
              .as(what + " " + probe)
              .startsWith("/actuator/health");
        }
        assertThat(Yamls.string(container, "livenessProbe.httpGet.path"))
            .isEqualTo("/actuator/health/liveness");
        assertThat(Yamls.string(container, "readinessProbe.httpGet.path"))
            .isEqualTo("/actuator/health/readiness");
        Map<String, Object> security = Yamls.map(container, "securityContext");
        assertThat(security)
            .as(what)
            .containsEntry("runAsNonRoot", true)
            .containsEntry("readOnlyRootFilesystem", true)
            .containsEntry("allowPrivilegeEscalation", false);
        assertThat(Yamls.get(security, "capabilities.drop")).asList().containsExactly("ALL");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renders")
  void everyDeploymentHasAServiceAndADisruptionBudget(String name, Chart.Rendered rendered) {
    for (Map<String, Object> deployment : rendered.ofKind("Deployment")) {
      String deploymentName = Yamls.string(deployment, "metadata.name");
      assertThat(rendered.named("Service", deploymentName)).isNotNull();
      assertThat(rendered.named("PodDisruptionBudget", deploymentName)).isNotNull();
      assertThat(rendered.named("NetworkPolicy", deploymentName)).isNotNull();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renders")
  void noSecretValueIsInAnyManifest(String name, Chart.Rendered rendered) {
    assertThat(rendered.kinds()).doesNotContain("Secret");
    for (Map<String, Object> deployment : rendered.ofKind("Deployment")) {
      for (Map<String, Object> container : Yamls.containers(deployment)) {
        for (Map<String, Object> env : Yamls.list(container, "env")) {
          String variable = env.get("name").toString();
          if (SECRET_NAME.matcher(variable).matches()) {
            assertThat(env)
                .as(Yamls.string(deployment, "metadata.name") + " " + variable)
                .doesNotContainKey("value");
            assertThat(Yamls.get(env, "valueFrom.secretKeyRef.name")).isNotNull();
          }
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renders")
  void actuatorEndpointsStayOnTheManagementPortWhichTheIngressNeverRoutes(
      String name, Chart.Rendered rendered) {
    Map<String, Object> ingress = rendered.ofKind("Ingress").get(0);
    for (Map<String, Object> rule : Yamls.list(ingress, "spec.rules")) {
      for (Map<String, Object> path : Yamls.list(rule, "http.paths")) {
        assertThat(Yamls.string(path, "backend.service.name"))
            .isEqualTo("ledgerline-gateway-service");
        assertThat(Yamls.string(path, "backend.service.port.name")).isEqualTo("http");
        assertThat(path.get("path").toString()).doesNotStartWith("/actuator");
      }
    }
    for (Map<String, Object> deployment : rendered.ofKind("Deployment")) {
      assertThat(Yamls.list(Yamls.containers(deployment).get(0), "env"))
          .anySatisfy(
              env -> {
                assertThat(env.get("name")).isEqualTo("MANAGEMENT_SERVER_PORT");
                assertThat(env.get("value")).isEqualTo("9090");
              });
    }
  }
}
