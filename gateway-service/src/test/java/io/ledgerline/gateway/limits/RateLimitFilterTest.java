package io.ledgerline.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitFilterTest {

  @Test
  void findsTheConnectionOfAWebhookPath() {
    assertThat(RateLimitFilter.connectionId("/webhooks/shopify/conn-1")).isEqualTo("conn-1");
    assertThat(RateLimitFilter.connectionId("/webhooks/shopify/conn-1/extra")).isEqualTo("conn-1");
    assertThat(RateLimitFilter.connectionId("/webhooks/shopify")).isNull();
  }

  @Test
  void anUnknownOrMissingPlanIsTheDefaultPlan() {
    var growth =
        new PlanSettings.Plan(
            new PlanSettings.Limit(100, 200), new PlanSettings.Limit(250, 500), Map.of());
    var defaults =
        new PlanSettings.Plan(
            new PlanSettings.Limit(20, 40), new PlanSettings.Limit(50, 100), Map.of());
    var plans = new PlanSettings(Map.of("default", defaults, "growth", growth), "default");

    assertThat(plans.plan("growth")).isEqualTo(growth);
    assertThat(plans.plan("platinum")).isEqualTo(defaults);
    assertThat(plans.plan(null)).isEqualTo(defaults);
    assertThat(plans.planName("platinum")).isEqualTo("default");
  }

  @Test
  void withoutAnyPlanConfiguredAKeyGets20PerSecondWithBurstsOf40() {
    var plans = new PlanSettings(Map.of(), "default");

    assertThat(plans.plan(null).key()).isEqualTo(new PlanSettings.Limit(20, 40));
  }
}
