package io.ledgerline.ingest.webhook;

import io.ledgerline.ingest.IngestSettings;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How long each tenant's stored webhooks and rejections are kept ({@code tenant_retention}); a
 * tenant without a row gets the defaults from {@link IngestSettings}.
 */
@Repository
class TenantRetention {

  static final int MIN_DAYS = 1;
  static final int MAX_DAYS = 3650;

  /**
   * @param custom whether the tenant set these days itself (false: the defaults)
   */
  record Days(int webhooksDays, int rejectionsDays, boolean custom) {}

  private final JdbcClient jdbc;
  private final IngestSettings settings;

  TenantRetention(JdbcClient jdbc, IngestSettings settings) {
    this.jdbc = jdbc;
    this.settings = settings;
  }

  int defaultWebhooksDays() {
    return (int) settings.webhookRetention().toDays();
  }

  int defaultRejectionsDays() {
    return (int) settings.rejectionRetention().toDays();
  }

  Days of(String tenantId) {
    return jdbc.sql(
            "SELECT webhooks_days, rejections_days FROM tenant_retention WHERE tenant_id = :tenantId")
        .param("tenantId", tenantId)
        .query((rs, n) -> new Days(rs.getInt("webhooks_days"), rs.getInt("rejections_days"), true))
        .optional()
        .orElseGet(() -> new Days(defaultWebhooksDays(), defaultRejectionsDays(), false));
  }

  void set(String tenantId, int webhooksDays, int rejectionsDays, Instant at) {
    jdbc.sql(
            """
            INSERT INTO tenant_retention (tenant_id, webhooks_days, rejections_days, updated_at)
            VALUES (:tenantId, :webhooksDays, :rejectionsDays, :at)
            ON CONFLICT (tenant_id) DO UPDATE SET webhooks_days = EXCLUDED.webhooks_days,
                rejections_days = EXCLUDED.rejections_days, updated_at = EXCLUDED.updated_at
            """)
        .param("tenantId", tenantId)
        .param("webhooksDays", webhooksDays)
        .param("rejectionsDays", rejectionsDays)
        .param("at", Timestamp.from(at))
        .update();
  }
}
