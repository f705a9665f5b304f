package io.ledgerline.ingest.webhook;

import io.ledgerline.ingest.webhook.TenantRetention.Days;
import io.ledgerline.platform.service.tenant.TenantId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's retention for its webhook log and rejections (issue 10): read with {@code
 * webhooks:read}, set with {@code webhooks:retention} ({@link WebhookLogScopes}). A value outside
 * 1..3650 days is a 400 {@code invalid-request} problem whose {@code errors} name the field.
 */
@RestController
@RequestMapping("/api/v1/webhooks/retention")
class RetentionController {

  private final TenantRetention retention;
  private final Clock clock;

  RetentionController(TenantRetention retention, Clock clock) {
    this.retention = retention;
    this.clock = clock;
  }

  /**
   * @param custom false while the tenant uses the service's defaults
   */
  record RetentionView(int webhooksDays, int rejectionsDays, boolean custom) {
    static RetentionView of(Days days) {
      return new RetentionView(days.webhooksDays(), days.rejectionsDays(), days.custom());
    }
  }

  /** Both are required: a PUT replaces the tenant's retention. */
  record RetentionRequest(
      @NotNull @Min(TenantRetention.MIN_DAYS) @Max(TenantRetention.MAX_DAYS) Integer webhooksDays,
      @NotNull @Min(TenantRetention.MIN_DAYS) @Max(TenantRetention.MAX_DAYS)
          Integer rejectionsDays) {}

  @GetMapping
  RetentionView get(TenantId tenant) {
    return RetentionView.of(retention.of(tenant.value()));
  }

  @PutMapping
  RetentionView put(TenantId tenant, @Valid @RequestBody RetentionRequest request) {
    retention.set(
        tenant.value(), request.webhooksDays(), request.rejectionsDays(), clock.instant());
    return RetentionView.of(retention.of(tenant.value()));
  }
}
