package io.ledgerline.apikey.tenant;

import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The plans a tenant can be on ({@code ledgerline.plans}, shared with the gateway in
 * deploy/config-repo/application.yml). Only the names matter here; the gateway reads the limits.
 *
 * @param defaultPlan the plan of a tenant created without one
 */
@ConfigurationProperties("ledgerline")
record PlanSettings(
    @DefaultValue Map<String, Object> plans, @DefaultValue("default") String defaultPlan) {

  Set<String> names() {
    return plans.isEmpty() ? Set.of(defaultPlan) : plans.keySet();
  }
}
