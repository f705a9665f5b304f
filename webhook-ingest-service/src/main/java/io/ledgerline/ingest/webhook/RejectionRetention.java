package io.ledgerline.ingest.webhook;

import io.ledgerline.platform.service.metrics.Meters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refused deliveries are kept for their tenant's retention ({@code tenant_retention}, set at {@code
 * PUT /api/v1/webhooks/retention}) or else {@code ledgerline.ingest.rejection-retention} (90 days
 * by default), then deleted: what a flood of bad posts writes goes away on its own. Every replica
 * may run it; deleting what another already deleted does nothing. Counted as {@code
 * ledgerline_webhook_rejections_deleted_total}.
 */
@Component
class RejectionRetention {

  private static final Logger log = LoggerFactory.getLogger(RejectionRetention.class);
  private static final int BATCH = 5_000;

  private final Rejections rejections;
  private final TenantRetention retention;
  private final Clock clock;
  private final Counter deleted;

  RejectionRetention(
      Rejections rejections, TenantRetention retention, Clock clock, MeterRegistry meters) {
    this.rejections = rejections;
    this.retention = retention;
    this.clock = clock;
    this.deleted =
        Counter.builder(Meters.WEBHOOK_REJECTIONS_DELETED)
            .description("Refused deliveries deleted after their retention")
            .register(meters);
  }

  @Scheduled(
      initialDelayString = "${ledgerline.ingest.rejection-cleanup-interval:1h}",
      fixedDelayString = "${ledgerline.ingest.rejection-cleanup-interval:1h}")
  void scheduled() {
    try {
      deleteExpired();
    } catch (RuntimeException e) {
      // The database may be away for a while; the next run catches up.
      log.warn("Deleting expired webhook rejections failed: {}", e.getMessage());
    }
  }

  /** Deletes what is older than the retention; returns how many rows went. */
  int deleteExpired() {
    Instant now = clock.instant();
    int count = rejections.deleteExpired(now, retention.defaultRejectionsDays(), BATCH);
    deleted.increment(count);
    if (count > 0) {
      log.info("Deleted {} webhook rejection(s) past their retention", count);
    }
    return count;
  }
}
