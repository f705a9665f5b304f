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
 * Stored webhooks are kept for their tenant's retention ({@code tenant_retention}, set at {@code
 * PUT /api/v1/webhooks/retention}) or else {@code ledgerline.ingest.webhook-retention} (30 days by
 * default), then deleted with their replay records; FAILED ones stay until a replay resolves them
 * (see {@link WebhookLog#deleteExpired}). Every replica may run it; deleting what another already
 * deleted does nothing. Counted as {@code ledgerline_webhook_log_deleted_total}.
 */
@Component
class WebhookLogRetention {

  private static final Logger log = LoggerFactory.getLogger(WebhookLogRetention.class);
  private static final int BATCH = 5_000;

  private final WebhookLog webhooks;
  private final TenantRetention retention;
  private final Clock clock;
  private final Counter deleted;

  WebhookLogRetention(
      WebhookLog webhooks, TenantRetention retention, Clock clock, MeterRegistry meters) {
    this.webhooks = webhooks;
    this.retention = retention;
    this.clock = clock;
    this.deleted =
        Counter.builder(Meters.WEBHOOK_LOG_DELETED)
            .description("Stored webhooks deleted after their retention")
            .register(meters);
  }

  @Scheduled(
      initialDelayString = "${ledgerline.ingest.webhook-cleanup-interval:1h}",
      fixedDelayString = "${ledgerline.ingest.webhook-cleanup-interval:1h}")
  void scheduled() {
    try {
      deleteExpired();
    } catch (RuntimeException e) {
      // The database may be away for a while; the next run catches up.
      log.warn("Deleting expired webhooks failed: {}", e.getMessage());
    }
  }

  /** Deletes what is older than the retention; returns how many rows went. */
  int deleteExpired() {
    Instant now = clock.instant();
    int count = webhooks.deleteExpired(now, retention.defaultWebhooksDays(), BATCH);
    deleted.increment(count);
    if (count > 0) {
      log.info("Deleted {} stored webhook(s) past their retention", count);
    }
    return count;
  }
}
