package io.ledgerline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The NetworkPolicies allow exactly the architecture's flows (docs/architecture.md) between the
 * release's pods, and its external endpoints only to the services that use them.
 */
class NetworkPolicyTest {

  private static final List<String> CONFIG_CLIENTS =
      List.of(
          "gateway-service",
          "apikey-service",
          "connector-service",
          "webhook-ingest-service",
          "sync-worker",
          "invoice-service");

  /** caller -> callee over HTTP. */
  private static final Set<String> FLOWS = expectedFlows();

  private static Set<String> expectedFlows() {
    Set<String> flows =
        new HashSet<>(
            Set.of(
                "gateway-service -> apikey-service", // API key exchange, JWKS
                "gateway-service -> connector-service",
                "gateway-service -> webhook-ingest-service",
                "gateway-service -> sync-worker", // clients, its dead letters
                "gateway-service -> invoice-service",
                "connector-service -> apikey-service", // JWKS
                "invoice-service -> apikey-service", // JWKS
                "sync-worker -> apikey-service", // JWKS
                "webhook-ingest-service -> apikey-service", // JWKS, its client-credentials token
                "webhook-ingest-service -> connector-service")); // a connection's webhook secret
    CONFIG_CLIENTS.forEach(client -> flows.add(client + " -> config-server"));
    return flows;
  }

  private final Chart.Rendered production = Chart.production();

  @Test
  void ingressBetweenTheReleasesPodsIsExactlyTheArchitecturesFlows() {
    Set<String> allowed = new TreeSet<>();
    for (Map<String, Object> policy : production.ofKind("NetworkPolicy")) {
      String target = app(Yamls.map(policy, "spec.podSelector"));
      for (Map<String, Object> rule : Yamls.list(policy, "spec.ingress")) {
        for (Map<String, Object> peer : Yamls.list(rule, "from")) {
          String source = app(Yamls.map(peer, "podSelector"));
          if (source != null && !peer.containsKey("namespaceSelector")) {
            allowed.add(source + " -> " + target);
          }
        }
      }
    }
    assertThat(allowed).containsExactlyInAnyOrderElementsOf(FLOWS);
  }

  @Test
  void egressBetweenTheReleasesPodsIsExactlyTheArchitecturesFlows() {
    Set<String> allowed = new TreeSet<>();
    for (Map<String, Object> policy : production.ofKind("NetworkPolicy")) {
      String source = app(Yamls.map(policy, "spec.podSelector"));
      for (Map<String, Object> rule : Yamls.list(policy, "spec.egress")) {
        for (Map<String, Object> peer : Yamls.list(rule, "to")) {
          String target = app(Yamls.map(peer, "podSelector"));
          if (target != null && !peer.containsKey("namespaceSelector")) {
            allowed.add(source + " -> " + target);
          }
        }
      }
    }
    assertThat(allowed).containsExactlyInAnyOrderElementsOf(FLOWS);
  }

  @Test
  void everyPolicyDeniesWhatItDoesNotAllowBothWays() {
    for (Map<String, Object> policy : production.ofKind("NetworkPolicy")) {
      assertThat(Yamls.get(policy, "spec.policyTypes"))
          .asList()
          .containsExactly("Ingress", "Egress");
    }
  }

  @Test
  void kafkaAndTheRegistryOnlyForTheServicesThatProduceOrConsume() {
    // apikey-service's outbox publishes identity.credentials.v1, every gateway replica consumes it.
    List<String> kafkaClients =
        List.of(
            "gateway-service",
            "apikey-service",
            "connector-service",
            "webhook-ingest-service",
            "sync-worker",
            "invoice-service");
    assertThat(servicesWithEgressTo(9093)).containsExactlyInAnyOrderElementsOf(kafkaClients);
    assertThat(servicesWithEgressTo(8080))
        .as("the registry's port (the release's own pods use the port name)")
        .containsExactlyInAnyOrderElementsOf(kafkaClients);
  }

  @Test
  void postgresqlOnlyForTheServicesWithADatabase() {
    assertThat(servicesWithEgressTo(5432))
        .containsExactlyInAnyOrder(
            "gateway-service", // the rate limit buckets its replicas share
            "apikey-service",
            "connector-service",
            "webhook-ingest-service",
            "sync-worker",
            "invoice-service");
  }

  @Test
  void theInternetOnlyForThePlatformApisAndFirs() {
    // connector-service calls the platforms, invoice-service submits to FIRS; webhook-ingest is
    // called, never calls out.
    assertThat(servicesWithEgressTo(443))
        .containsExactlyInAnyOrder("connector-service", "invoice-service");
  }

  @Test
  void theManagementPortOnlyFromTheScrapersNamespaceAndTheGatewayOnlyFromTheIngressController() {
    for (Map<String, Object> policy : production.ofKind("NetworkPolicy")) {
      String target = app(Yamls.map(policy, "spec.podSelector"));
      for (Map<String, Object> rule : Yamls.list(policy, "spec.ingress")) {
        List<Object> ports = Yamls.list(rule, "ports").stream().map(p -> p.get("port")).toList();
        List<Map<String, Object>> from = Yamls.list(rule, "from");
        if (ports.contains("management")) {
          assertThat(from)
              .singleElement()
              .satisfies(
                  peer ->
                      assertThat(Yamls.string(peer, "namespaceSelector.matchLabels"))
                          .contains("monitoring"));
        } else if (from.stream().anyMatch(peer -> peer.containsKey("namespaceSelector"))) {
          assertThat(target).isEqualTo("gateway-service");
          assertThat(Yamls.string(from.get(0), "namespaceSelector.matchLabels"))
              .contains("ingress-nginx");
        }
      }
    }
  }

  private Set<String> servicesWithEgressTo(int port) {
    return production.ofKind("NetworkPolicy").stream()
        .filter(
            policy ->
                Yamls.list(policy, "spec.egress").stream()
                    .flatMap(rule -> Yamls.list(rule, "ports").stream())
                    .anyMatch(p -> Integer.valueOf(port).equals(p.get("port"))))
        .map(policy -> app(Yamls.map(policy, "spec.podSelector")))
        .collect(Collectors.toSet());
  }

  private static String app(Map<String, Object> selector) {
    Object name = Yamls.map(selector, "matchLabels").get("app.kubernetes.io/name");
    return name == null ? null : name.toString();
  }
}
