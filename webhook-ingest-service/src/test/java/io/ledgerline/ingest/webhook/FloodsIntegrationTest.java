package io.ledgerline.ingest.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.platform.service.metrics.Meters;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 12, floods: what anyone on the internet can make webhook-ingest do must stay bounded. Posts
 * to unknown connection ids cost one connector-service call per id for a while and no row at all;
 * refused deliveries expire; verification POSTs are taken only before the auth code and small; deep
 * XML is a rejection, not a 500.
 */
class FloodsIntegrationTest extends IngestIntegrationTest {

  private static final String JSON_TYPE = "application/json";

  @Autowired MeterRegistry meters;
  @Autowired RejectionRetention retention;

  private final String tenant = newTenant();

  private static String path(String platform, UUID connectionId) {
    return "/webhooks/" + platform + "/" + connectionId;
  }

  private double count(String name, String tag, String value) {
    return meters.find(name).tag(tag, value).counters().stream().mapToDouble(c -> c.count()).sum();
  }

  @Test
  void unknownConnectionIdsAreCachedNegativelyAndCountedButNeverStored() throws Exception {
    UUID random = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    double refusedBefore = count(Meters.WEBHOOKS, "reason", "UNKNOWN_CONNECTION");
    double cachedBefore = count("ledgerline.webhook.unknown.connections", "cached", "true");
    long rejectionsBefore = allRejections();

    for (int i = 0; i < 5; i++) {
      HttpResponse<String> response =
          post(path("zoho", random), Map.of("Content-Type", JSON_TYPE), utf8("{\"token\":\"x\"}"));
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(problemType(response))
          .isEqualTo("https://ledgerline.io/problems/connection-not-found");
    }
    assertThat(
            post(path("zoho", other), Map.of("Content-Type", JSON_TYPE), utf8("{}")).statusCode())
        .isEqualTo(404);

    // connector-service was asked once per id; the other four answers came from the cache.
    PEERS.verify(
        1, getRequestedFor(urlEqualTo("/internal/connections/" + random + "/webhook-credentials")));
    PEERS.verify(
        1, getRequestedFor(urlEqualTo("/internal/connections/" + other + "/webhook-credentials")));
    assertThat(count(Meters.WEBHOOKS, "reason", "UNKNOWN_CONNECTION") - refusedBefore).isEqualTo(6);
    assertThat(count("ledgerline.webhook.unknown.connections", "cached", "true") - cachedBefore)
        .isEqualTo(4);
    assertThat(rejectionsOf(random)).isEmpty();
    assertThat(allRejections()).isEqualTo(rejectionsBefore);
  }

  @Test
  void rejectionsOlderThanTheRetentionAreDeleted() {
    UUID connection = UUID.randomUUID();
    Instant now = Instant.now();
    // The default retention is 90 days (this tenant set none).
    insertRejection(connection, now.minus(Duration.ofDays(91)));
    insertRejection(connection, now.minus(Duration.ofDays(120)));
    insertRejection(connection, now.minus(Duration.ofDays(89)));

    int deleted = retention.deleteExpired();

    assertThat(deleted).isGreaterThanOrEqualTo(2);
    assertThat(
            jdbc.sql("SELECT received_at FROM webhook_rejections WHERE connection_id = :id")
                .param("id", connection)
                .query(Timestamp.class)
                .list())
        .singleElement()
        .satisfies(t -> assertThat(t.toInstant()).isAfter(now.minus(Duration.ofDays(90))));
  }

  @Test
  void aVerificationPostIsRefusedOnceTheConnectionHasItsAuthCodeAndWhenLarge() throws Exception {
    UUID withCode = connection(tenant, "clover", "clover-auth-code");
    UUID waiting = connection(tenant, "clover", "ACTIVE", "{}", "[]");

    HttpResponse<String> afterCode =
        post(
            path("clover", withCode),
            Map.of("Content-Type", JSON_TYPE),
            utf8("{\"verificationCode\": \"6c5a3f1e-code\"}"));
    HttpResponse<String> large =
        post(
            path("clover", waiting),
            Map.of("Content-Type", JSON_TYPE),
            utf8("{\"verificationCode\": \"" + "x".repeat(4096) + "\"}"));
    HttpResponse<String> small =
        post(
            path("clover", waiting),
            Map.of("Content-Type", JSON_TYPE),
            utf8("{\"verificationCode\": \"6c5a3f1e-code\"}"));

    assertThat(afterCode.statusCode()).isEqualTo(401);
    assertThat(webhooksOf(withCode)).isZero();
    assertThat(rejectionsOf(withCode)).containsExactly("MISSING_SIGNATURE");
    assertThat(large.statusCode()).isEqualTo(413);
    assertThat(small.statusCode()).isEqualTo(200);
    assertThat(webhooksOf(waiting)).isEqualTo(1);
  }

  @Test
  void deeplyNestedXmlIsARejectionNotAStackOverflow() throws Exception {
    String org = "00D5e000000KQ2eEAG";
    UUID id = connection(tenant, "salesforce", org);
    int depth = 100_000;
    String deep = "<?xml version=\"1.0\"?>" + "<a>".repeat(depth) + org + "</a>".repeat(depth);

    HttpResponse<String> response =
        post(
            path("salesforce", id) + "?token=" + org,
            Map.of("Content-Type", "text/xml; charset=utf-8"),
            utf8(deep));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(problemType(response))
        .isEqualTo("https://ledgerline.io/problems/invalid-webhook-payload");
    assertThat(webhooksOf(id)).isZero();
    assertThat(rejectionsOf(id)).containsExactly("MALFORMED");
  }

  private long allRejections() {
    return jdbc.sql("SELECT count(*) FROM webhook_rejections").query(Long.class).single();
  }

  private void insertRejection(UUID connection, Instant at) {
    jdbc.sql(
            """
            INSERT INTO webhook_rejections (id, tenant_id, connection_id, platform, reason, received_at)
            VALUES (:id, :tenant, :connection, 'zoho', 'BAD_CREDENTIAL', :at)
            """)
        .param("id", UUID.randomUUID())
        .param("tenant", tenant)
        .param("connection", connection)
        .param("at", Timestamp.from(at))
        .update();
  }
}
