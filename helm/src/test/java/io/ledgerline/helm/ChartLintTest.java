package io.ledgerline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;

class ChartLintTest {

  @Test
  void passesHelmLintStrictly() {
    LintResult result = Chart.helm().lint().strict().call();

    assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    assertThat(result.getMessages())
        .noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
  }

  @Test
  void rendersWithItsDefaultsAndWithTheProductionExample() {
    assertThat(Chart.defaults().kinds())
        .contains("Deployment", "Service", "PodDisruptionBudget", "NetworkPolicy", "Ingress");
    assertThat(Chart.production().kinds())
        .contains(
            "Deployment",
            "HorizontalPodAutoscaler",
            "ServiceMonitor",
            "PrometheusRule",
            "ConfigMap",
            "Ingress");
  }
}
