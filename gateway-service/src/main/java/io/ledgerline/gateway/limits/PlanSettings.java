package io.ledgerline.gateway.limits;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Tenants' plans ({@code ledgerline.plans}, shared with apikey-service in
 * deploy/config-repo/application.yml); a token names its tenant's plan in the {@code plan} claim.
 *
 * @param defaultPlan the plan of a token without a known plan
 */
@Validated
@ConfigurationProperties("ledgerline")
record PlanSettings(
    @DefaultValue Map<String, @Valid Plan> plans, @DefaultValue("default") String defaultPlan) {

  /** Requests per second with bursts up to {@code burst} (a token bucket). */
  record Limit(@Min(1) long rate, @Min(1) long burst) {}

  /**
   * @param key per API key or OAuth client
   * @param tenant per tenant, all its credentials together
   * @param routes per tenant and gateway route id; routes not named have no limit of their own
   */
  record Plan(
      @Valid @NotNull Limit key,
      @Valid @NotNull Limit tenant,
      @DefaultValue Map<String, @Valid Limit> routes) {}

  /** The default plan of the issue: 20 rps per key with bursts of 40, when none is configured. */
  static final Plan BUILT_IN = new Plan(new Limit(20, 40), new Limit(50, 100), Map.of());

  Plan plan(@Nullable String name) {
    var plan = name == null ? null : plans.get(name);
    if (plan == null) {
      plan = plans.get(defaultPlan);
    }
    return plan == null ? BUILT_IN : plan;
  }

  String planName(@Nullable String name) {
    return name != null && plans.containsKey(name) ? name : defaultPlan;
  }
}
