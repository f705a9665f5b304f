package io.ledgerline.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.platform.test.TestJwts;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Issue 10: the webhook log and the rejections are kept for the tenant's retention (defaults 30 and
 * 90 days), set at {@code /api/v1/webhooks/retention}; the rejections list has a cursor.
 */
class RetentionIntegrationTest extends IngestIntegrationTest {

  @Autowired WebhookLogRetention webhookRetention;
  @Autowired RejectionRetention rejectionRetention;

  private final Instant now = Instant.now();

  @Test
  void oldWebhooksAndRejectionsGoPerTheTenantsRetentionAndTheDefaultsRecentOnesStay()
      throws Exception {
    String byDefault = newTenant();
    String custom = newTenant();
    HttpResponse<String> set =
        put(custom, "{\"webhooksDays\": 7, \"rejectionsDays\": 10}", "webhooks:retention");
    assertThat(set.statusCode()).isEqualTo(200);

    // Default tenant: webhooks 30 days, rejections 90.
    UUID defaultOld = insertWebhook(byDefault, "EMITTED", daysAgo(31));
    UUID defaultOldStored = insertWebhook(byDefault, "STORED", daysAgo(45));
    UUID defaultRecent = insertWebhook(byDefault, "EMITTED", daysAgo(29));
    UUID defaultFailed = insertWebhook(byDefault, "FAILED", daysAgo(400));
    UUID defaultOldRejection = insertRejection(byDefault, daysAgo(91));
    UUID defaultRecentRejection = insertRejection(byDefault, daysAgo(31));
    // Custom tenant: webhooks 7 days, rejections 10.
    UUID customOld = insertWebhook(custom, "VERIFICATION", daysAgo(8));
    UUID customRecent = insertWebhook(custom, "EMITTED", daysAgo(6));
    UUID customOldRejection = insertRejection(custom, daysAgo(11));
    UUID customRecentRejection = insertRejection(custom, daysAgo(9));
    jdbc.sql(
            """
            INSERT INTO webhook_replays (id, webhook_id, tenant_id, event_ids, replayed_at)
            VALUES (:id, :webhook, :tenant, '[]'::jsonb, :at)
            """)
        .param("id", UUID.randomUUID())
        .param("webhook", defaultOld)
        .param("tenant", byDefault)
        .param("at", Timestamp.from(daysAgo(30)))
        .update();

    assertThat(webhookRetention.deleteExpired()).isGreaterThanOrEqualTo(3);
    assertThat(rejectionRetention.deleteExpired()).isGreaterThanOrEqualTo(2);

    assertThat(webhookIds(byDefault)).containsExactlyInAnyOrder(defaultRecent, defaultFailed);
    assertThat(webhookIds(custom)).containsExactly(customRecent);
    assertThat(rejectionIds(byDefault)).containsExactly(defaultRecentRejection);
    assertThat(rejectionIds(custom)).containsExactly(customRecentRejection);
    assertThat(webhookIds(byDefault)).doesNotContain(defaultOld, defaultOldStored);
    assertThat(webhookIds(custom)).doesNotContain(customOld);
    assertThat(rejectionIds(byDefault)).doesNotContain(defaultOldRejection);
    assertThat(rejectionIds(custom)).doesNotContain(customOldRejection);
    assertThat(
            jdbc.sql("SELECT count(*) FROM webhook_replays WHERE webhook_id = :id")
                .param("id", defaultOld)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aTenantReadsTheDefaultsThenItsOwnRetention() throws Exception {
    String tenant = newTenant();
    String read = TestJwts.token(tenant, "webhooks:read");

    JsonNode before = json(api("GET", "/api/v1/webhooks/retention", read));
    assertThat(before.path("webhooksDays").asInt()).isEqualTo(30);
    assertThat(before.path("rejectionsDays").asInt()).isEqualTo(90);
    assertThat(before.path("custom").asBoolean()).isFalse();

    assertThat(
            put(tenant, "{\"webhooksDays\": 3650, \"rejectionsDays\": 1}", "webhooks:read")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            put(tenant, "{\"webhooksDays\": 3650, \"rejectionsDays\": 1}", "webhooks:retention")
                .statusCode())
        .isEqualTo(200);

    JsonNode after = json(api("GET", "/api/v1/webhooks/retention", read));
    assertThat(after.path("webhooksDays").asInt()).isEqualTo(3650);
    assertThat(after.path("rejectionsDays").asInt()).isEqualTo(1);
    assertThat(after.path("custom").asBoolean()).isTrue();
    // Another tenant still has the defaults.
    assertThat(
            json(api(
                    "GET",
                    "/api/v1/webhooks/retention",
                    TestJwts.token(newTenant(), "webhooks:read")))
                .path("custom")
                .asBoolean())
        .isFalse();
  }

  @Test
  void badRetentionValuesAreProblemDetailsNamingTheField() throws Exception {
    String tenant = newTenant();
    for (String[] bad :
        new String[][] {
          {"{\"webhooksDays\": 0, \"rejectionsDays\": 90}", "webhooksDays"},
          {"{\"webhooksDays\": 30, \"rejectionsDays\": 3651}", "rejectionsDays"},
          {"{\"webhooksDays\": -5, \"rejectionsDays\": 90}", "webhooksDays"},
          {"{\"webhooksDays\": 30}", "rejectionsDays"}
        }) {
      HttpResponse<String> response = put(tenant, bad[0], "webhooks:retention");
      assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      assertThat(problemType(response)).isEqualTo("https://ledgerline.io/problems/invalid-request");
      assertThat(json(response).path("errors").has(bad[1])).as(bad[0]).isTrue();
    }
    HttpResponse<String> notJson = put(tenant, "{\"webhooksDays\": \"many\"", "webhooks:retention");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(problemType(notJson)).startsWith("https://ledgerline.io/problems/");
    // Nothing was stored by the bad requests.
    assertThat(
            json(api("GET", "/api/v1/webhooks/retention", TestJwts.token(tenant, "webhooks:read")))
                .path("custom")
                .asBoolean())
        .isFalse();
  }

  @Test
  void theCursorPagesThroughRejectionsWithoutGapsOrRepeats() throws Exception {
    String tenant = newTenant();
    List<UUID> inserted = new ArrayList<>();
    // Several share a receipt time: the id breaks the tie.
    Instant same = now.minus(Duration.ofMinutes(5));
    for (int i = 0; i < 7; i++) {
      inserted.add(insertRejection(tenant, i < 4 ? same : now.minus(Duration.ofMinutes(10 + i))));
    }
    insertRejection(newTenant(), same); // another tenant's never shows

    String read = TestJwts.token(tenant, "webhooks:read");
    List<UUID> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      String path =
          "/api/v1/webhooks/rejections?limit=3" + (cursor == null ? "" : "&cursor=" + cursor);
      HttpResponse<String> response = api("GET", path, read);
      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode page = json(response);
      page.path("items").forEach(item -> seen.add(UUID.fromString(item.path("id").asString())));
      cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
      pages++;
    } while (cursor != null && pages < 10);

    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(7).doesNotHaveDuplicates();
    assertThat(new HashSet<>(seen)).isEqualTo(new HashSet<>(inserted));
    // The same order as one big page: newest first, stable.
    List<UUID> all = new ArrayList<>();
    json(api("GET", "/api/v1/webhooks/rejections?limit=100", read))
        .path("items")
        .forEach(item -> all.add(UUID.fromString(item.path("id").asString())));
    assertThat(seen).isEqualTo(all);

    HttpResponse<String> bad = api("GET", "/api/v1/webhooks/rejections?cursor=nonsense!", read);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(problemType(bad)).isEqualTo("https://ledgerline.io/problems/invalid-query");
  }

  private Instant daysAgo(int days) {
    return now.minus(Duration.ofDays(days));
  }

  private HttpResponse<String> put(String tenant, String body, String scope) throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/webhooks/retention"))
            .header("Authorization", "Bearer " + TestJwts.token(tenant, scope))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private UUID insertWebhook(String tenant, String status, Instant at) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO webhooks (id, tenant_id, connection_id, platform, delivery_id, status,
                                  headers, body, received_at)
            VALUES (:id, :tenant, :connection, 'zoho', :delivery, :status, '{}'::jsonb, '\\x7b7d',
                    :at)
            """)
        .param("id", id)
        .param("tenant", tenant)
        .param("connection", UUID.randomUUID())
        .param("delivery", id.toString())
        .param("status", status)
        .param("at", Timestamp.from(at))
        .update();
    return id;
  }

  private UUID insertRejection(String tenant, Instant at) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO webhook_rejections (id, tenant_id, connection_id, platform, reason, received_at)
            VALUES (:id, :tenant, :connection, 'zoho', 'BAD_CREDENTIAL', :at)
            """)
        .param("id", id)
        .param("tenant", tenant)
        .param("connection", UUID.randomUUID())
        .param("at", Timestamp.from(at))
        .update();
    return id;
  }

  private List<UUID> webhookIds(String tenant) {
    return jdbc.sql("SELECT id FROM webhooks WHERE tenant_id = :tenant")
        .param("tenant", tenant)
        .query(UUID.class)
        .list();
  }

  private List<UUID> rejectionIds(String tenant) {
    return jdbc.sql("SELECT id FROM webhook_rejections WHERE tenant_id = :tenant")
        .param("tenant", tenant)
        .query(UUID.class)
        .list();
  }
}
