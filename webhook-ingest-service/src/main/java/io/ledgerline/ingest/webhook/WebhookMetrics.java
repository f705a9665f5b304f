package io.ledgerline.ingest.webhook;

import io.ledgerline.platform.service.metrics.Meters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** {@code ledgerline.webhooks}: deliveries by platform, outcome and (for rejections) reason. */
@Component
class WebhookMetrics {

  private final MeterRegistry registry;

  WebhookMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void accepted(String platform) {
    count(platform, "accepted", "none");
  }

  void duplicate(String platform) {
    count(platform, "duplicate", "none");
  }

  /** Verified, stored as FAILED: its body did not normalize. */
  void failed(String platform) {
    count(platform, "failed", "normalization");
  }

  void rejected(String platform, String reason) {
    count(platform, "rejected", reason);
  }

  private void count(String platform, String outcome, String reason) {
    Counter.builder(Meters.WEBHOOKS)
        .description("Webhook deliveries by platform and outcome")
        .tag("platform", platform)
        .tag("outcome", outcome)
        .tag("reason", reason)
        .register(registry)
        .increment();
  }
}
