package io.ledgerline.connector.sync;

import io.ledgerline.platform.service.metrics.Meters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code ledgerline.syncs} (syncs and incremental pulls that ended, by outcome) and {@code
 * ledgerline.sync.errors} (failed platform API calls of a sync, by reason): what the chart's
 * dashboard and its LedgerlineSyncErrors alert read.
 */
@Component
class SyncMetrics {

  static final String HISTORICAL = "historical";
  static final String INCREMENTAL = "incremental";

  private final MeterRegistry registry;

  SyncMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void succeeded(String platform, String kind) {
    ended(platform, kind, "success");
  }

  void failed(String platform, String kind) {
    ended(platform, kind, "failure");
  }

  /**
   * A platform API call of a sync failed: {@code unavailable}, {@code unusable} or {@code failure}.
   */
  void error(String platform, String reason) {
    Counter.builder(Meters.SYNC_ERRORS)
        .description("Failed platform API calls of syncs by platform and reason")
        .tag("platform", platform)
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  private void ended(String platform, String kind, String outcome) {
    Counter.builder(Meters.SYNCS)
        .description("Syncs and incremental pulls that ended, by platform, kind and outcome")
        .tag("platform", platform)
        .tag("kind", kind)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }
}
