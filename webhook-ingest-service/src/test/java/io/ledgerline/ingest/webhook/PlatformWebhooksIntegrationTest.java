package io.ledgerline.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.events.DealEvent;
import io.ledgerline.events.DealKind;
import io.ledgerline.events.Platform;
import io.ledgerline.events.SaleEvent;
import io.ledgerline.events.SaleKind;
import io.ledgerline.events.SyncRequest;
import io.ledgerline.events.Topics;
import io.ledgerline.platform.test.TestJwts;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every platform's scheme through {@code POST /webhooks/{platform}/{connectionId}}, the error
 * answers, dedup, the webhook log API and replay. Signatures are computed here with the JDK.
 */
class PlatformWebhooksIntegrationTest extends IngestIntegrationTest {

  private static final String JSON_TYPE = "application/json";

  private String tenant = newTenant();

  private static String path(String platform, UUID connectionId) {
    return "/webhooks/" + platform + "/" + connectionId;
  }

  private void assertRejected(
      HttpResponse<String> response, int status, String type, UUID connectionId, String reason) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(problemType(response)).isEqualTo("https://ledgerline.io/problems/" + type);
    assertThat(webhooksOf(connectionId)).isZero();
    assertThat(rejectionsOf(connectionId)).contains(reason);
    // The rejection table has no body column at all: nothing of the request is kept but its facts.
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM information_schema.columns"
                        + " WHERE table_name = 'webhook_rejections' AND column_name = 'body'")
                .query(Long.class)
                .single())
        .isZero();
  }

  // --- HubSpot --------------------------------------------------------------------------------

  private static final String HUBSPOT_SECRET = "hubspot-client-secret-1";
  private static final String HUBSPOT_BODY =
      "[{\"eventId\":100,\"subscriptionType\":\"deal.propertyChange\",\"objectId\":4242,"
          + "\"portalId\":62515,\"occurredAt\":1763900000000,\"propertyName\":\"dealstage\"}]";

  private UUID hubspotConnection(String notificationUrl) {
    return connection(
        tenant,
        "hubspot",
        "ACTIVE",
        "{\"notificationUrl\": \"%s\"}".formatted(notificationUrl),
        "[{\"value\": \"%s\"}]".formatted(HUBSPOT_SECRET));
  }

  private HttpResponse<String> hubspot(UUID id, String signedUrl, byte[] body, long timestamp)
      throws Exception {
    String signature =
        base64Hmac(
            HUBSPOT_SECRET,
            utf8("POST" + signedUrl + new String(body, StandardCharsets.UTF_8) + timestamp));
    return post(
        path("hubspot", id),
        Map.of(
            "Content-Type", JSON_TYPE,
            "X-HubSpot-Signature-V3", signature,
            "X-HubSpot-Request-Timestamp", String.valueOf(timestamp)),
        body);
  }

  @Test
  void routesAnAppLevelHubSpotWebhookToThePortalsConnectionVerifiedOverTheAppsUrl()
      throws Exception {
    UUID id = hubspotConnection(PUBLIC_BASE + "/webhooks/hubspot/ignored");
    String portal = String.valueOf(700000 + (id.hashCode() & 0xffff));
    String body = HUBSPOT_BODY.replace("62515", portal);
    PEERS.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(
                    "/internal/accounts/hubspot/" + portal + "/webhook-credentials"))
            .willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.okJson(
                    """
                    {"connectionId": "%s", "tenantId": "%s", "platform": "hubspot", "status": "ACTIVE",
                     "settings": {}, "secrets": [{"value": "%s"}]}
                    """
                        .formatted(id, tenant, HUBSPOT_SECRET))));
    PEERS.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(
                    "/internal/connections/" + id + "/webhook-received"))
            .willReturn(com.github.tomakehurst.wiremock.client.WireMock.noContent()));
    long now = Instant.now().toEpochMilli();
    String appUrl = PUBLIC_BASE + "/webhooks/hubspot";

    HttpResponse<String> signedForTheApp =
        post(
            "/webhooks/hubspot",
            Map.of(
                "Content-Type", JSON_TYPE,
                "X-HubSpot-Signature-V3",
                    base64Hmac(HUBSPOT_SECRET, utf8("POST" + appUrl + body + now)),
                "X-HubSpot-Request-Timestamp", String.valueOf(now)),
            utf8(body));
    HttpResponse<String> signedForAnotherUrl =
        post(
            "/webhooks/hubspot",
            Map.of(
                "Content-Type", JSON_TYPE,
                "X-HubSpot-Signature-V3",
                    base64Hmac(HUBSPOT_SECRET, utf8("POST" + appUrl + "/x" + body + now)),
                "X-HubSpot-Request-Timestamp", String.valueOf(now)),
            utf8(body));
    HttpResponse<String> unknownPortal =
        post(
            "/webhooks/hubspot",
            Map.of("Content-Type", JSON_TYPE),
            utf8(HUBSPOT_BODY.replace("62515", "1")));
    HttpResponse<String> notAppLevel =
        post("/webhooks/shopify", Map.of("Content-Type", JSON_TYPE), utf8("{}"));

    assertThat(signedForTheApp.statusCode()).isEqualTo(202);
    assertThat(webhooksOf(id)).as("listed under the portal's connection").isEqualTo(1);
    assertThat(signedForAnotherUrl.statusCode()).isEqualTo(401);
    assertThat(unknownPortal.statusCode()).isEqualTo(404);
    assertThat(notAppLevel.statusCode()).isEqualTo(404);
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                PEERS.verify(
                    com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                            com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(
                                "/internal/connections/" + id + "/webhook-received"))
                        .withRequestBody(
                            com.github.tomakehurst.wiremock.client.WireMock.containing(
                                "receivedAt"))));
  }

  @Test
  void acceptsAHubSpotV3SignatureOverTheStoredNotificationUrl() throws Exception {
    String told = "https://hooks.example.com/hubspot/" + UUID.randomUUID();
    UUID id = hubspotConnection(told);

    HttpResponse<String> response =
        hubspot(id, told, utf8(HUBSPOT_BODY), Instant.now().toEpochMilli());

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(json(response).path("id").asString()).isNotBlank();
    assertThat(webhooksOf(id)).isEqualTo(1);
    SyncRequest sync =
        decode(
            awaitRecord(Topics.SYNC_REQUESTS, Topics.sourceKey(tenant, Platform.HUBSPOT, "4242"))
                .value(),
            SyncRequest.class);
    assertThat(sync.getObjectType()).isEqualTo("deal");
    assertThat(sync.getAction()).isEqualTo("propertyChange");
    assertThat(sync.getConnectionId()).isEqualTo(id.toString());
  }

  @Test
  void rejectsAHubSpotSignatureOverTheUrlAsSeenBehindTheProxy() throws Exception {
    UUID id = hubspotConnection("https://hooks.example.com/hubspot/told");

    HttpResponse<String> response =
        hubspot(
            id,
            "http://localhost:" + port + path("hubspot", id),
            utf8(HUBSPOT_BODY),
            Instant.now().toEpochMilli());

    assertRejected(response, 401, "invalid-signature", id, "BAD_SIGNATURE");
  }

  @Test
  void rejectsATamperedHubSpotBody() throws Exception {
    String told = "https://hooks.example.com/hubspot/tamper";
    UUID id = hubspotConnection(told);
    long now = Instant.now().toEpochMilli();
    String signature = base64Hmac(HUBSPOT_SECRET, utf8("POST" + told + HUBSPOT_BODY + now));

    HttpResponse<String> response =
        post(
            path("hubspot", id),
            Map.of(
                "Content-Type", JSON_TYPE,
                "X-HubSpot-Signature-V3", signature,
                "X-HubSpot-Request-Timestamp", String.valueOf(now)),
            utf8(HUBSPOT_BODY.replace("4242", "4243")));

    assertRejected(response, 401, "invalid-signature", id, "BAD_SIGNATURE");
  }

  @Test
  void rejectsAStaleHubSpotTimestampWithItsOwnProblemType() throws Exception {
    String told = "https://hooks.example.com/hubspot/stale";
    UUID id = hubspotConnection(told);

    HttpResponse<String> response =
        hubspot(id, told, utf8(HUBSPOT_BODY), Instant.now().minusSeconds(600).toEpochMilli());

    assertRejected(response, 401, "stale-timestamp", id, "STALE_TIMESTAMP");
  }

  @Test
  void answersAHubSpotRedeliveryOfTheSameBodyWithTheOriginalId() throws Exception {
    String told = "https://hooks.example.com/hubspot/dedup";
    UUID id = hubspotConnection(told);
    long now = Instant.now().toEpochMilli();

    HttpResponse<String> first = hubspot(id, told, utf8(HUBSPOT_BODY), now);
    HttpResponse<String> again = hubspot(id, told, utf8(HUBSPOT_BODY), now);

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json(again).path("id").asString()).isEqualTo(json(first).path("id").asString());
    assertThat(webhooksOf(id)).isEqualTo(1);
  }

  // --- Salesforce -----------------------------------------------------------------------------

  private static final String ORG = "00D5e000000KQ2eEAG";

  private static String salesforceBody(String organizationId) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
         <soapenv:Body>
          <notifications xmlns="http://soap.sforce.com/2005/09/outbound">
           <OrganizationId>%s</OrganizationId>
           <ActionId>04k5e000000CaRkAAK</ActionId>
           <Notification>
            <Id>04l5e00000Gx7QzAAJ</Id>
            <sObject xsi:type="sf:Opportunity" xmlns:sf="urn:sobject.enterprise.soap.sforce.com">
             <sf:Id>0065e00000AbCdEAAV</sf:Id>
             <sf:StageName>Closed Won</sf:StageName>
            </sObject>
           </Notification>
          </notifications>
         </soapenv:Body>
        </soapenv:Envelope>
        """
        .formatted(organizationId);
  }

  /** The connection's secret: a URL token (the organization id is public). */
  private static final String SF_TOKEN = "sf-url-token-Qm2xV0c9kB4Lr7Tz";

  private UUID salesforceConnection(String allowedSourceIps) {
    String settings =
        allowedSourceIps == null
            ? "{\"organizationId\": \"%s\"}".formatted(ORG)
            : "{\"organizationId\": \"%s\", \"allowedSourceIps\": \"%s\"}"
                .formatted(ORG, allowedSourceIps);
    return connection(
        tenant, "salesforce", "ACTIVE", settings, "[{\"value\": \"%s\"}]".formatted(SF_TOKEN));
  }

  private static String salesforcePath(UUID id) {
    return path("salesforce", id) + "?token=" + SF_TOKEN;
  }

  @Test
  void acknowledgesASalesforceOutboundMessageWithTheSoapAck() throws Exception {
    UUID id = salesforceConnection(null);

    HttpResponse<String> response =
        post(
            salesforcePath(id),
            Map.of("Content-Type", "text/xml; charset=utf-8"),
            utf8(salesforceBody(ORG)));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/xml"));
    assertThat(response.body())
        .contains("<soapenv:Envelope")
        .contains(
            "<notificationsResponse xmlns=\"http://soap.sforce.com/2005/09/outbound\"><Ack>true</Ack>");
    assertThat(webhooksOf(id)).isEqualTo(1);
    SyncRequest sync =
        decode(
            awaitRecord(
                    Topics.SYNC_REQUESTS,
                    Topics.sourceKey(tenant, Platform.SALESFORCE, "0065e00000AbCdEAAV"))
                .value(),
            SyncRequest.class);
    assertThat(sync.getObjectType()).isEqualTo("Opportunity");
  }

  /** Issue 12: the organization id is public, so it authenticates nothing; the URL token does. */
  @Test
  void rejectsASalesforceMessageWithoutOrWithAWrongUrlToken() throws Exception {
    UUID id = salesforceConnection(null);

    HttpResponse<String> noToken =
        post(path("salesforce", id), Map.of("Content-Type", "text/xml"), utf8(salesforceBody(ORG)));
    HttpResponse<String> wrongToken =
        post(
            path("salesforce", id) + "?token=sf-guessed-token",
            Map.of("Content-Type", "text/xml"),
            utf8(salesforceBody(ORG)));
    // the organization id, which used to be the secret, is no token
    HttpResponse<String> organizationAsToken =
        post(
            path("salesforce", id) + "?token=" + ORG,
            Map.of("Content-Type", "text/xml"),
            utf8(salesforceBody(ORG)));

    assertThat(noToken.statusCode()).isEqualTo(401);
    assertThat(noToken.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(problemType(noToken)).isEqualTo("https://ledgerline.io/problems/invalid-signature");
    assertRejected(wrongToken, 401, "invalid-credential", id, "BAD_CREDENTIAL");
    assertThat(organizationAsToken.statusCode()).isEqualTo(401);
    assertThat(rejectionsOf(id))
        .containsExactlyInAnyOrder("MISSING_SIGNATURE", "BAD_CREDENTIAL", "BAD_CREDENTIAL");
  }

  @Test
  void rejectsASalesforceMessageFromAnotherOrganizationAndJsonBodies() throws Exception {
    UUID id = salesforceConnection(null);

    HttpResponse<String> otherOrg =
        post(
            salesforcePath(id),
            Map.of("Content-Type", "text/xml"),
            utf8(salesforceBody("00D000000000001AAA")));
    HttpResponse<String> json =
        post(salesforcePath(id), Map.of("Content-Type", JSON_TYPE), utf8("{}"));

    assertRejected(otherOrg, 401, "invalid-credential", id, "BAD_CREDENTIAL");
    assertThat(json.statusCode()).isEqualTo(415);
    assertThat(problemType(json))
        .isEqualTo("https://ledgerline.io/problems/unsupported-media-type");
  }

  /**
   * The gateway is the only trusted proxy (server.tomcat.remoteip.internal-proxies: IPv4 loopback
   * here, as in the local platform): its X-Forwarded-For is the client's address.
   */
  @Test
  void checksSalesforcesIpAllowListAgainstTheAddressTheGatewayForwarded() throws Exception {
    UUID id = salesforceConnection("203.0.113.0/24");

    HttpResponse<String> allowed =
        post(
            salesforcePath(id),
            // what the gateway sends: whatever the client claimed, then the client's address
            Map.of("Content-Type", "text/xml", "X-Forwarded-For", "198.51.100.9, 203.0.113.7"),
            utf8(salesforceBody(ORG)));
    HttpResponse<String> elsewhere =
        post(
            salesforcePath(id),
            // a client claiming an allowed address, then its own (appended by the gateway)
            Map.of("Content-Type", "text/xml", "X-Forwarded-For", "203.0.113.7, 198.51.100.7"),
            utf8(salesforceBody(ORG).replace("04l5e00000Gx7QzAAJ", "04l5e00000Gx7QzAAK")));

    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(elsewhere.statusCode()).isEqualTo(401);
    assertThat(problemType(elsewhere))
        .isEqualTo("https://ledgerline.io/problems/invalid-credential");
    assertThat(rejectionsOf(id)).containsExactly("BAD_CREDENTIAL");
  }

  /**
   * A caller that is not the gateway (here: the IPv6 loopback, which is not a trusted proxy) cannot
   * claim an allowed address with X-Forwarded-For: its own address is judged.
   */
  @Test
  void ignoresAForgedXForwardedForFromAPeerThatIsNotTheGateway() throws Exception {
    UUID id = salesforceConnection("203.0.113.0/24");

    HttpResponse<String> forged =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://[::1]:" + port + salesforcePath(id)))
                .header("Content-Type", "text/xml")
                .header("X-Forwarded-For", "203.0.113.7")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofByteArray(utf8(salesforceBody(ORG))))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertRejected(forged, 401, "invalid-credential", id, "BAD_CREDENTIAL");
  }

  // --- Pipedrive ------------------------------------------------------------------------------

  private static final String PIPEDRIVE_BODY =
      "{\"meta\":{\"id\":\"pd-evt-%s\",\"action\":\"change\",\"entity\":\"deal\",\"version\":\"2.0\"},"
          + "\"data\":{\"id\":77,\"title\":\"Big deal\",\"status\":\"won\",\"value\":1200,"
          + "\"currency\":\"EUR\"},\"previous\":{\"status\":\"open\"}}";

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString(utf8(user + ":" + password));
  }

  @Test
  void acceptsPipedriveBasicCredentialsAndDedupsOnTheMetaId() throws Exception {
    UUID id =
        connection(
            tenant,
            "pipedrive",
            "ACTIVE",
            "{\"username\": \"ledgerline\"}",
            "[{\"value\": \"pd-password\"}]");
    String event = UUID.randomUUID().toString();

    HttpResponse<String> first =
        post(
            path("pipedrive", id),
            Map.of("Content-Type", JSON_TYPE, "Authorization", basic("ledgerline", "pd-password")),
            utf8(PIPEDRIVE_BODY.formatted(event)));
    // The same event id with a different body (Pipedrive retried after a change): still a repeat.
    HttpResponse<String> again =
        post(
            path("pipedrive", id),
            Map.of("Content-Type", JSON_TYPE, "Authorization", basic("ledgerline", "pd-password")),
            utf8(PIPEDRIVE_BODY.formatted(event).replace("Big deal", "Big deal!")));

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json(again).path("id").asString()).isEqualTo(json(first).path("id").asString());
    String stored =
        jdbc.sql("SELECT headers::text FROM webhooks WHERE connection_id = :id")
            .param("id", id)
            .query(String.class)
            .single();
    assertThat(stored).doesNotContain("pd-password").contains("[redacted]");
    String key = Topics.sourceKey(tenant, Platform.PIPEDRIVE, "77");
    DealEvent deal = decode(awaitRecord(Topics.CRM_DEALS, key).value(), DealEvent.class);
    assertThat(deal.getKind()).isEqualTo(DealKind.WON);
    assertThat(deal.getTitle()).isEqualTo("Big deal");
    assertThat(outboxRowsFor(key)).isEqualTo(1);
  }

  /**
   * Issue 7: a connection connected by OAuth2 (connector-service says it has API access): the v2
   * body names the deal's person and organization by id only and carries no products, so the won
   * deal becomes a request for connector-service to fetch it whole, not a deal without a buyer.
   */
  @Test
  void aWonPipedriveDealOfAConnectionWithApiAccessBecomesARequestToFetchIt() throws Exception {
    UUID id =
        connection(
            tenant,
            "pipedrive",
            "ACTIVE",
            "{\"username\": \"ledgerline\"}",
            "[{\"value\": \"pd-oauth\"}]",
            UUID.randomUUID(),
            "acme",
            "\"apiAccess\": true");

    HttpResponse<String> response =
        post(
            path("pipedrive", id),
            Map.of("Content-Type", JSON_TYPE, "Authorization", basic("ledgerline", "pd-oauth")),
            utf8(PIPEDRIVE_BODY.formatted(UUID.randomUUID()).replace("\"id\":77", "\"id\":78")));

    assertThat(response.statusCode()).isEqualTo(202);
    String key = Topics.sourceKey(tenant, Platform.PIPEDRIVE, "78");
    SyncRequest sync = decode(awaitRecord(Topics.SYNC_REQUESTS, key).value(), SyncRequest.class);
    assertThat(sync.getObjectType()).isEqualTo("deal");
    assertThat(sync.getExternalId()).isEqualTo("78");
    assertThat(sync.getConnectionId()).isEqualTo(id.toString());
    assertThat(sync.getAction()).isEqualTo("change");
    assertThat(outboxRowsFor(key)).as("one row: the sync request, no deal event").isEqualTo(1);
  }

  @Test
  void rejectsAWrongPipedrivePassword() throws Exception {
    UUID id =
        connection(
            tenant,
            "pipedrive",
            "ACTIVE",
            "{\"username\": \"ledgerline\"}",
            "[{\"value\": \"pd\"}]");

    HttpResponse<String> response =
        post(
            path("pipedrive", id),
            Map.of("Content-Type", JSON_TYPE, "Authorization", basic("ledgerline", "guess")),
            utf8(PIPEDRIVE_BODY.formatted("x")));

    assertRejected(response, 401, "invalid-credential", id, "BAD_CREDENTIAL");
  }

  // --- Zoho -----------------------------------------------------------------------------------

  private static String zohoBody(String token) {
    return "{\"server_time\":1763900000000,\"module\":\"Deals\",\"ids\":[\"4150868000001234001\"],"
        + "\"operation\":\"update\",\"channel_id\":\"1000000068001\",\"token\":\""
        + token
        + "\"}";
  }

  @Test
  void acceptsAZohoNotificationAndStoresItWithoutTheToken() throws Exception {
    UUID id =
        connection(
            tenant,
            "zoho",
            "ACTIVE",
            "{\"channelId\": \"1000000068001\"}",
            "[{\"value\": \"zoho-token-1\"}]");

    HttpResponse<String> response =
        post(path("zoho", id), Map.of("Content-Type", JSON_TYPE), utf8(zohoBody("zoho-token-1")));

    assertThat(response.statusCode()).isEqualTo(202);
    byte[] body =
        jdbc.sql("SELECT body FROM webhooks WHERE connection_id = :id")
            .param("id", id)
            .query(byte[].class)
            .single();
    assertThat(new String(body, StandardCharsets.UTF_8))
        .doesNotContain("zoho-token-1")
        .contains("\"token\":\"[redacted]\"");
    SyncRequest sync =
        decode(
            awaitRecord(
                    Topics.SYNC_REQUESTS,
                    Topics.sourceKey(tenant, Platform.ZOHO, "4150868000001234001"))
                .value(),
            SyncRequest.class);
    assertThat(sync.getAction()).isEqualTo("update");
  }

  @Test
  void rejectsAZohoNotificationWithAnotherTokenOrNotJson() throws Exception {
    UUID id = connection(tenant, "zoho", "zoho-token-1");

    HttpResponse<String> wrong =
        post(path("zoho", id), Map.of("Content-Type", JSON_TYPE), utf8(zohoBody("zoho-token-2")));
    HttpResponse<String> malformed =
        post(path("zoho", id), Map.of("Content-Type", JSON_TYPE), utf8("{\"token\": "));

    assertRejected(wrong, 401, "invalid-credential", id, "BAD_CREDENTIAL");
    assertRejected(malformed, 400, "invalid-webhook-payload", id, "MALFORMED");
  }

  // --- Square ---------------------------------------------------------------------------------

  private static final String SQUARE_KEY = "square-signature-key-1";
  private static final String SQUARE_BODY =
      "{\"merchant_id\":\"ML1\",\"type\":\"payment.updated\",\"event_id\":\"%s\","
          + "\"created_at\":\"2026-11-23T12:00:00Z\",\"data\":{\"type\":\"payment\",\"id\":\"pay-1\","
          + "\"object\":{\"payment\":{\"id\":\"pay-1\",\"status\":\"COMPLETED\","
          + "\"amount_money\":{\"amount\":1999,\"currency\":\"USD\"}}}}}";

  @Test
  void acceptsASquareSignatureOverTheNotificationUrlAndRejectsOneOverAnotherUrl() throws Exception {
    String told = "https://hooks.example.com/square/" + UUID.randomUUID();
    UUID id =
        connection(
            tenant,
            "square",
            "ACTIVE",
            "{\"notificationUrl\": \"%s\"}".formatted(told),
            "[{\"value\": \"%s\"}]".formatted(SQUARE_KEY));
    byte[] body = utf8(SQUARE_BODY.formatted(UUID.randomUUID()));
    byte[] other = utf8(SQUARE_BODY.formatted(UUID.randomUUID()));

    HttpResponse<String> good =
        post(
            path("square", id),
            Map.of(
                "Content-Type",
                JSON_TYPE,
                "x-square-hmacsha256-signature",
                Base64.getEncoder()
                    .encodeToString(hmacSha256(utf8(SQUARE_KEY), concat(utf8(told), body)))),
            body);
    HttpResponse<String> wrongUrl =
        post(
            path("square", id),
            Map.of(
                "Content-Type",
                JSON_TYPE,
                "x-square-hmacsha256-signature",
                Base64.getEncoder()
                    .encodeToString(
                        hmacSha256(
                            utf8(SQUARE_KEY),
                            concat(utf8("http://localhost:" + port + path("square", id)), other)))),
            other);

    assertThat(good.statusCode()).isEqualTo(202);
    assertThat(wrongUrl.statusCode()).isEqualTo(401);
    assertThat(problemType(wrongUrl)).isEqualTo("https://ledgerline.io/problems/invalid-signature");
    assertThat(rejectionsOf(id)).containsExactly("BAD_SIGNATURE");
    assertThat(webhooksOf(id)).isEqualTo(1);
    SaleEvent sale =
        decode(
            awaitRecord(Topics.POS_SALES, Topics.sourceKey(tenant, Platform.SQUARE, "pay-1"))
                .value(),
            SaleEvent.class);
    assertThat(sale.getKind()).isEqualTo(SaleKind.COMPLETED);
    assertThat(sale.getTotals().getTotal().getAmount()).isEqualByComparingTo("19.99");
    assertThat(sale.getCurrency()).isEqualTo("USD");
  }

  // --- Lightspeed -----------------------------------------------------------------------------

  private static byte[] lightspeedForm() {
    return utf8(
        "payload="
            + URLEncoder.encode(
                "{\"id\":\"sale-1\",\"status\":\"CLOSED\",\"invoice_number\":\"MAIN-1\","
                    + "\"sale_date\":\"2026-11-21 18:04:05\",\"register_sale_products\":[{\"id\":\"l1\","
                    + "\"name\":\"Flat white\",\"quantity\":2,\"price\":5,\"discount\":0,\"tax\":0.75,"
                    + "\"tax_rate\":0.15,\"price_total\":10,\"tax_total\":1.5}],"
                    + "\"totals\":{\"total_price\":10,\"total_tax\":1.5,\"total_payment\":11.5}}",
                StandardCharsets.UTF_8)
            + "&type=sale.update&domain_prefix=ledgerline&retailer_id=r-1");
  }

  @Test
  void acceptsALightspeedFormWithTheUrlTokenAsASaleAndKeepsTheTokenOutOfTheLog() throws Exception {
    UUID id =
        connection(
            tenant,
            "lightspeed",
            "ACTIVE",
            "{\"currency\": \"USD\"}",
            "[{\"value\": \"ls-url-token-123\"}]");

    HttpResponse<String> response =
        post(
            path("lightspeed", id) + "?token=ls-url-token-123",
            Map.of("Content-Type", "application/x-www-form-urlencoded"),
            lightspeedForm());

    assertThat(response.statusCode()).isEqualTo(202);
    String query =
        jdbc.sql("SELECT query FROM webhooks WHERE connection_id = :id")
            .param("id", id)
            .query(String.class)
            .single();
    assertThat(query).isEqualTo("token=[redacted]");
    SaleEvent sale =
        decode(
            awaitRecord(Topics.POS_SALES, Topics.sourceKey(tenant, Platform.LIGHTSPEED, "sale-1"))
                .value(),
            SaleEvent.class);
    assertThat(sale.getKind()).isEqualTo(SaleKind.COMPLETED);
    assertThat(sale.getCurrency()).isEqualTo("USD");
    assertThat(sale.getTotals().getTotal().getAmount()).isEqualByComparingTo("11.5");
  }

  /**
   * Issue 12: an authentic delivery is always kept. A Lightspeed sale that names no currency, to a
   * connection that has none, verifies but cannot normalize: stored as FAILED with its error,
   * answered 202 (the platform must not retry it forever), listed in the log, and once the cause is
   * fixed (the connection gets its currency) a replay emits the sale and the log shows EMITTED.
   */
  @Test
  void keepsAVerifiedDeliveryThatDoesNotNormalizeAsFailedAndReplaysItAfterTheFix()
      throws Exception {
    UUID id = connection(tenant, "lightspeed", "ls-url-token-123");

    HttpResponse<String> response =
        post(
            path("lightspeed", id) + "?token=ls-url-token-123",
            Map.of("Content-Type", "application/x-www-form-urlencoded"),
            lightspeedForm());

    assertThat(response.statusCode()).isEqualTo(202);
    String webhookId = json(response).path("id").asString();
    assertThat(rejectionsOf(id)).isEmpty();
    String read = TestJwts.token(tenant, "webhooks:read");
    JsonNode failed = json(api("GET", "/api/v1/webhooks?status=FAILED&connectionId=" + id, read));
    assertThat(failed.path("items")).hasSize(1);
    assertThat(failed.path("items").get(0).path("id").asString()).isEqualTo(webhookId);
    assertThat(failed.path("items").get(0).path("outcome").asString())
        .startsWith("normalization failed:")
        .contains("currency");
    assertThat(json(api("GET", "/api/v1/webhooks/" + webhookId, read)).path("body").asString())
        .contains("Flat+white");
    String key = Topics.sourceKey(tenant, Platform.LIGHTSPEED, "sale-1");
    assertThat(outboxRowsFor(key)).isZero();
    // The platform's retry of the same delivery is a redelivery, not a second FAILED row.
    HttpResponse<String> again =
        post(
            path("lightspeed", id) + "?token=ls-url-token-123",
            Map.of("Content-Type", "application/x-www-form-urlencoded"),
            lightspeedForm());
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(webhooksOf(id)).isEqualTo(1);

    String replayToken = TestJwts.token(tenant, "webhooks:replay");
    HttpResponse<String> tooSoon =
        api("POST", "/api/v1/webhooks/" + webhookId + "/replay", replayToken);
    assertThat(tooSoon.statusCode()).isEqualTo(400);

    // The fix: the connection gets its currency (connector-service answers with it).
    connection(
        tenant,
        "lightspeed",
        "ACTIVE",
        "{\"currency\": \"USD\"}",
        "[{\"value\": \"ls-url-token-123\"}]",
        id);
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(
            () ->
                api("POST", "/api/v1/webhooks/" + webhookId + "/replay", replayToken).statusCode()
                    == 202);

    JsonNode detail = json(api("GET", "/api/v1/webhooks/" + webhookId, read));
    assertThat(detail.path("status").asString()).isEqualTo("EMITTED");
    assertThat(detail.path("eventIds")).hasSize(1);
    SaleEvent sale = decode(awaitRecord(Topics.POS_SALES, key).value(), SaleEvent.class);
    assertThat(sale.getCurrency()).isEqualTo("USD");
    assertThat(sale.getReplay()).isTrue();
  }

  @Test
  void rejectsALightspeedFormWithAWrongTokenOrAsJson() throws Exception {
    UUID id = connection(tenant, "lightspeed", "ls-url-token-123");

    HttpResponse<String> wrong =
        post(
            path("lightspeed", id) + "?token=ls-url-token-124",
            Map.of("Content-Type", "application/x-www-form-urlencoded"),
            lightspeedForm());
    HttpResponse<String> json =
        post(
            path("lightspeed", id) + "?token=ls-url-token-123",
            Map.of("Content-Type", JSON_TYPE),
            utf8("{}"));

    assertRejected(wrong, 401, "invalid-credential", id, "BAD_CREDENTIAL");
    assertThat(json.statusCode()).isEqualTo(415);
  }

  // --- Clover ---------------------------------------------------------------------------------

  private static final String CLOVER_EVENT =
      "{\"appId\":\"DRKVJT2ZRRRSC\",\"merchants\":{\"SJ925PEHXTR8S\":[{\"objectId\":\"O:Z2RJ1AZJKBBG8\","
          + "\"type\":\"CREATE\",\"ts\":1763900000000}]}}";

  @Test
  void storesClover_sVerificationCodeForTheTenantToRead() throws Exception {
    UUID id = connection(tenant, "clover", "ACTIVE", "{}", "[]");

    HttpResponse<String> response =
        post(
            path("clover", id),
            Map.of("Content-Type", JSON_TYPE),
            utf8("{\"verificationCode\": \"6c5a3f1e-code\"}"));

    assertThat(response.statusCode()).isEqualTo(200);
    String webhookId = json(response).path("id").asString();
    HttpResponse<String> entry =
        api("GET", "/api/v1/webhooks/" + webhookId, TestJwts.token(tenant, "webhooks:read"));
    assertThat(entry.statusCode()).isEqualTo(200);
    assertThat(json(entry).path("status").asString()).isEqualTo("VERIFICATION");
    assertThat(json(entry).path("outcome").asString()).contains("6c5a3f1e-code");
  }

  @Test
  void acceptsCloverEventsWithTheAuthCodeOnly() throws Exception {
    UUID id = connection(tenant, "clover", "clover-auth-code");

    HttpResponse<String> good =
        post(
            path("clover", id),
            Map.of("Content-Type", JSON_TYPE, "X-Clover-Auth", "clover-auth-code"),
            utf8(CLOVER_EVENT));
    HttpResponse<String> bad =
        post(
            path("clover", id),
            Map.of("Content-Type", JSON_TYPE, "X-Clover-Auth", "clover-auth-cod3"),
            utf8(CLOVER_EVENT.replace("Z2RJ", "Z2RK")));

    assertThat(good.statusCode()).isEqualTo(202);
    assertThat(bad.statusCode()).isEqualTo(401);
    SyncRequest sync =
        decode(
            awaitRecord(
                    Topics.SYNC_REQUESTS,
                    Topics.sourceKey(tenant, Platform.CLOVER, "Z2RJ1AZJKBBG8"))
                .value(),
            SyncRequest.class);
    assertThat(sync.getObjectType()).isEqualTo("order");
    assertThat(problemType(bad)).isEqualTo("https://ledgerline.io/problems/invalid-credential");
    assertThat(rejectionsOf(id)).containsExactly("BAD_CREDENTIAL");
  }

  // --- Standard Webhooks ----------------------------------------------------------------------

  private static final byte[] WHSEC_KEY = utf8("standard-webhooks-key-0123456789");
  private static final String WHSEC = "whsec_" + Base64.getEncoder().encodeToString(WHSEC_KEY);
  private static final byte[] OLD_KEY = utf8("the-previous-key-0123456789abcde");
  private static final String OLD_WHSEC = "whsec_" + Base64.getEncoder().encodeToString(OLD_KEY);

  private HttpResponse<String> standard(
      UUID id, String msgId, long seconds, byte[] key, byte[] body) throws Exception {
    String signature =
        "v1,"
            + Base64.getEncoder()
                .encodeToString(hmacSha256(key, concat(utf8(msgId + "." + seconds + "."), body)));
    return post(
        path("standard-webhooks", id),
        Map.of(
            "Content-Type", JSON_TYPE,
            "webhook-id", msgId,
            "webhook-timestamp", String.valueOf(seconds),
            "webhook-signature", signature),
        body);
  }

  @Test
  void acceptsStandardWebhooksWithTheCurrentOrTheRotatedOutSecretDuringTheOverlap()
      throws Exception {
    UUID id =
        connection(
            tenant,
            "standard-webhooks",
            "ACTIVE",
            "{}",
            "[{\"value\": \"%s\"}, {\"value\": \"%s\", \"validUntil\": \"%s\"}]"
                .formatted(WHSEC, OLD_WHSEC, Instant.now().plusSeconds(3600)));
    long now = Instant.now().getEpochSecond();

    HttpResponse<String> current =
        standard(id, "msg_" + UUID.randomUUID(), now, WHSEC_KEY, utf8("{\"type\":\"a\"}"));
    HttpResponse<String> previous =
        standard(id, "msg_" + UUID.randomUUID(), now, OLD_KEY, utf8("{\"type\":\"b\"}"));

    assertThat(current.statusCode()).isEqualTo(202);
    assertThat(previous.statusCode()).isEqualTo(202);
  }

  @Test
  void rejectsAnExpiredSecretAStaleTimestampAndDedupsOnTheWebhookId() throws Exception {
    UUID id =
        connection(
            tenant,
            "standard-webhooks",
            "ACTIVE",
            "{}",
            "[{\"value\": \"%s\"}, {\"value\": \"%s\", \"validUntil\": \"%s\"}]"
                .formatted(WHSEC, OLD_WHSEC, Instant.now().minusSeconds(60)));
    long now = Instant.now().getEpochSecond();
    String msgId = "msg_" + UUID.randomUUID();

    HttpResponse<String> expired =
        standard(id, "msg_" + UUID.randomUUID(), now, OLD_KEY, utf8("{\"type\":\"b\"}"));
    HttpResponse<String> stale =
        standard(id, "msg_" + UUID.randomUUID(), now - 600, WHSEC_KEY, utf8("{\"type\":\"c\"}"));
    HttpResponse<String> first = standard(id, msgId, now, WHSEC_KEY, utf8("{\"type\":\"d\"}"));
    HttpResponse<String> again = standard(id, msgId, now, WHSEC_KEY, utf8("{\"type\":\"d\"}"));

    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(problemType(expired)).isEqualTo("https://ledgerline.io/problems/invalid-signature");
    assertThat(stale.statusCode()).isEqualTo(401);
    assertThat(problemType(stale)).isEqualTo("https://ledgerline.io/problems/stale-timestamp");
    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json(again).path("id").asString()).isEqualTo(json(first).path("id").asString());
    assertThat(rejectionsOf(id)).containsExactlyInAnyOrder("BAD_SIGNATURE", "STALE_TIMESTAMP");
    assertThat(webhooksOf(id)).isEqualTo(1);
  }

  private static final String ORDER_BODY =
      "{\"id\":\"ord-77\",\"currency\":\"EUR\",\"number\":\"1077\",\"buyer\":\"Ada\","
          + "\"items\":[{\"title\":\"Tea\",\"price\":\"12.50\",\"qty\":2},"
          + "{\"title\":\"Cake\",\"price\":\"3.10\",\"qty\":1,\"off\":\"0.35\"}]}";
  private static final String SALE_TEMPLATE =
      "{\"externalId\": id, \"currency\": currency, \"orderNumber\": number,"
          + " \"customer\": {\"name\": buyer},"
          + " \"lines\": items.{\"name\": title, \"unitPrice\": price, \"quantity\": qty,"
          + " \"discount\": off}}";

  /** Parses, but makes no lines of the body: the event is not of the documented shape. */
  private static final String LINELESS_TEMPLATE = "{\"externalId\": id, \"currency\": currency}";

  private static String templateFields(String template) {
    return "\"template\": %s, \"templateEvent\": \"sale\""
        .formatted(
            tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(template));
  }

  private UUID standardConnection(UUID id, String template) {
    return connection(
        tenant,
        "standard-webhooks",
        "ACTIVE",
        "{}",
        "[{\"value\": \"%s\"}]".formatted(WHSEC),
        id,
        null,
        template == null ? null : templateFields(template));
  }

  private static void assertTheMappedSale(SaleEvent sale) {
    assertThat(sale.getPlatform()).isEqualTo(Platform.STANDARD_WEBHOOKS);
    assertThat(sale.getExternalId()).isEqualTo("ord-77");
    assertThat(sale.getOrderNumber()).isEqualTo("1077");
    assertThat(sale.getCurrency()).isEqualTo("EUR");
    assertThat(sale.getKind()).isEqualTo(SaleKind.COMPLETED);
    assertThat(sale.getCustomer().getName()).isEqualTo("Ada");
    assertThat(sale.getLines()).hasSize(2);
    assertThat(sale.getLines().get(0).getName()).isEqualTo("Tea");
    assertThat(sale.getLines().get(0).getUnitPrice().getAmount()).isEqualByComparingTo("12.50");
    assertThat(sale.getLines().get(0).getQuantity()).isEqualByComparingTo("2");
    assertThat(sale.getLines().get(1).getDiscount().getAmount()).isEqualByComparingTo("0.35");
    // 2 x 12.50 + 3.10 = 28.10, less the 0.35 discount: 27.75, exactly.
    assertThat(sale.getTotals().getSubtotal().getAmount()).isEqualByComparingTo("28.10");
    assertThat(sale.getTotals().getDiscountTotal().getAmount()).isEqualByComparingTo("0.35");
    assertThat(sale.getTotals().getTotal().getAmount()).isEqualByComparingTo("27.75");
  }

  /** Issue 7: a connection's mapping template makes its Standard Webhooks payloads sales. */
  @Test
  void mapsAStandardWebhooksPayloadWithTheConnectionsTemplateToASale() throws Exception {
    UUID id = standardConnection(UUID.randomUUID(), SALE_TEMPLATE);

    HttpResponse<String> response =
        standard(
            id,
            "msg_" + UUID.randomUUID(),
            Instant.now().getEpochSecond(),
            WHSEC_KEY,
            utf8(ORDER_BODY));

    assertThat(response.statusCode()).isEqualTo(202);
    SaleEvent sale =
        decode(
            awaitRecord(
                    Topics.POS_SALES,
                    Topics.sourceKey(tenant, Platform.STANDARD_WEBHOOKS, "ord-77"))
                .value(),
            SaleEvent.class);
    assertTheMappedSale(sale);
    assertThat(sale.getReplay()).isFalse();
    String read = TestJwts.token(tenant, "webhooks:read");
    JsonNode detail =
        json(api("GET", "/api/v1/webhooks/" + json(response).path("id").asString(), read));
    assertThat(detail.path("status").asString()).isEqualTo("EMITTED");
    assertThat(detail.path("eventIds")).hasSize(1);
  }

  /** Without a template the payload is stored; a replay once the template is set emits the sale. */
  @Test
  void storesAStandardWebhooksPayloadWithoutATemplateAndAReplayAfterOneIsSetEmitsTheSale()
      throws Exception {
    UUID id = standardConnection(UUID.randomUUID(), null);
    HttpResponse<String> response =
        standard(
            id,
            "msg_" + UUID.randomUUID(),
            Instant.now().getEpochSecond(),
            WHSEC_KEY,
            utf8(ORDER_BODY));
    assertThat(response.statusCode()).isEqualTo(202);
    String webhookId = json(response).path("id").asString();
    String key = Topics.sourceKey(tenant, Platform.STANDARD_WEBHOOKS, "ord-77");
    assertThat(webhooksOf(id)).isEqualTo(1);
    assertThat(outboxRowsFor(key)).isZero();

    standardConnection(id, SALE_TEMPLATE);
    String replayToken = TestJwts.token(tenant, "webhooks:replay");
    // connector-service's answer is cached for a second: replay until the template is seen.
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(
            () -> {
              HttpResponse<String> replay =
                  api("POST", "/api/v1/webhooks/" + webhookId + "/replay", replayToken);
              return replay.statusCode() == 202 && !json(replay).path("eventIds").isEmpty();
            });

    SaleEvent sale = decode(awaitRecord(Topics.POS_SALES, key).value(), SaleEvent.class);
    assertTheMappedSale(sale);
    assertThat(sale.getReplay()).isTrue();
  }

  /** A template that makes no event of the payload: kept FAILED, replayable after the fix. */
  @Test
  void keepsAStandardWebhooksPayloadItsTemplateCannotMapAsFailedAndReplaysItAfterTheFix()
      throws Exception {
    UUID id = standardConnection(UUID.randomUUID(), LINELESS_TEMPLATE);
    HttpResponse<String> response =
        standard(
            id,
            "msg_" + UUID.randomUUID(),
            Instant.now().getEpochSecond(),
            WHSEC_KEY,
            utf8(ORDER_BODY));

    assertThat(response.statusCode()).isEqualTo(202);
    String webhookId = json(response).path("id").asString();
    String read = TestJwts.token(tenant, "webhooks:read");
    JsonNode failed = json(api("GET", "/api/v1/webhooks?status=FAILED&connectionId=" + id, read));
    assertThat(failed.path("items")).hasSize(1);
    assertThat(failed.path("items").get(0).path("id").asString()).isEqualTo(webhookId);
    assertThat(failed.path("items").get(0).path("outcome").asString())
        .startsWith("normalization failed:")
        .contains("no lines");
    String key = Topics.sourceKey(tenant, Platform.STANDARD_WEBHOOKS, "ord-77");
    assertThat(outboxRowsFor(key)).isZero();

    standardConnection(id, SALE_TEMPLATE);
    String replayToken = TestJwts.token(tenant, "webhooks:replay");
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(
            () ->
                api("POST", "/api/v1/webhooks/" + webhookId + "/replay", replayToken).statusCode()
                    == 202);

    assertThat(json(api("GET", "/api/v1/webhooks/" + webhookId, read)).path("status").asString())
        .isEqualTo("EMITTED");
    SaleEvent sale = decode(awaitRecord(Topics.POS_SALES, key).value(), SaleEvent.class);
    assertTheMappedSale(sale);
    assertThat(sale.getReplay()).isTrue();
  }

  // --- Errors common to every platform --------------------------------------------------------

  @Test
  void answersUnknownPlatformsWrongPlatformsAndDisabledConnectionsWithProblems() throws Exception {
    UUID shopify = connection(tenant, "shopify", "s");
    UUID disabled = connection(tenant, "clover", "DISABLED", "{}", "[{\"value\": \"c\"}]");

    HttpResponse<String> unknownPlatform =
        post("/webhooks/myspace/" + shopify, Map.of("Content-Type", JSON_TYPE), utf8("{}"));
    HttpResponse<String> wrongPlatform =
        post(
            path("clover", shopify),
            Map.of("Content-Type", JSON_TYPE, "X-Clover-Auth", "s"),
            utf8(CLOVER_EVENT));
    HttpResponse<String> unknownConnection =
        post(path("clover", UUID.randomUUID()), Map.of("Content-Type", JSON_TYPE), utf8("{}"));
    HttpResponse<String> gone =
        post(
            path("clover", disabled),
            Map.of("Content-Type", JSON_TYPE, "X-Clover-Auth", "c"),
            utf8(CLOVER_EVENT));

    assertThat(unknownPlatform.statusCode()).isEqualTo(404);
    assertThat(problemType(unknownPlatform))
        .isEqualTo("https://ledgerline.io/problems/platform-not-found");
    assertThat(wrongPlatform.statusCode()).isEqualTo(404);
    assertThat(problemType(wrongPlatform))
        .isEqualTo("https://ledgerline.io/problems/connection-not-found");
    assertThat(unknownConnection.statusCode()).isEqualTo(404);
    assertThat(gone.statusCode()).isEqualTo(410);
    assertThat(problemType(gone)).isEqualTo("https://ledgerline.io/problems/connection-disabled");
    assertThat(webhooksOf(shopify) + webhooksOf(disabled)).isZero();
    assertThat(rejectionsOf(shopify)).containsExactly("WRONG_PLATFORM");
    assertThat(rejectionsOf(disabled)).containsExactly("CONNECTION_DISABLED");
  }

  @Test
  void refusesOversizedBodiesAndRecordsTheRefusal() throws Exception {
    UUID id = connection(tenant, "clover", "c");
    byte[] huge = new byte[1024 * 1024 + 1];
    java.util.Arrays.fill(huge, (byte) ' ');

    HttpResponse<String> response =
        post(path("clover", id), Map.of("Content-Type", JSON_TYPE, "X-Clover-Auth", "c"), huge);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(problemType(response)).isEqualTo("https://ledgerline.io/problems/payload-too-large");
    assertThat(rejectionsOf(id)).containsExactly("PAYLOAD_TOO_LARGE");
  }

  // --- The webhook log API and replay ---------------------------------------------------------

  @Test
  void listsOnlyTheTenantsWebhooksNewestFirstWithFiltersAndACursor() throws Exception {
    UUID clover = connection(tenant, "clover", "c");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(
          json(post(
                  path("clover", clover),
                  Map.of("Content-Type", JSON_TYPE, "X-Clover-Auth", "c"),
                  utf8(CLOVER_EVENT.replace("CREATE", "CREATE" + i))))
              .path("id")
              .asString());
    }
    UUID zoho = connection(tenant, "zoho", "zt");
    post(path("zoho", zoho), Map.of("Content-Type", JSON_TYPE), utf8(zohoBody("zt")));
    post(
        path("clover", clover),
        Map.of("Content-Type", JSON_TYPE, "X-Clover-Auth", "wrong"),
        utf8(CLOVER_EVENT));
    String token = TestJwts.token(tenant, "webhooks:read");

    JsonNode page1 = json(api("GET", "/api/v1/webhooks?platform=clover&limit=2", token));
    JsonNode page2 =
        json(
            api(
                "GET",
                "/api/v1/webhooks?platform=clover&limit=2&cursor="
                    + page1.path("nextCursor").asString(),
                token));
    JsonNode all = json(api("GET", "/api/v1/webhooks?status=EMITTED", token));
    JsonNode byConnection = json(api("GET", "/api/v1/webhooks?connectionId=" + zoho, token));
    JsonNode future =
        json(api("GET", "/api/v1/webhooks?from=" + Instant.now().plusSeconds(60), token));
    JsonNode rejections = json(api("GET", "/api/v1/webhooks/rejections", token));
    HttpResponse<String> otherTenant =
        api("GET", "/api/v1/webhooks/" + ids.get(0), TestJwts.token(newTenant(), "webhooks:read"));
    HttpResponse<String> noScope =
        api("GET", "/api/v1/webhooks", TestJwts.token(tenant, "invoices:read"));

    assertThat(ids(page1)).containsExactly(ids.get(2), ids.get(1));
    assertThat(page1.path("items").get(0).has("body")).isFalse();
    assertThat(ids(page2)).containsExactly(ids.get(0));
    assertThat(page2.path("nextCursor").isNull()).isTrue();
    assertThat(all.path("items").size()).isEqualTo(4);
    assertThat(ids(byConnection)).hasSize(1);
    assertThat(future.path("items").size()).isZero();
    assertThat(rejections.path("items").get(0).path("reason").asString())
        .isEqualTo("BAD_CREDENTIAL");
    assertThat(rejections.path("items").get(0).path("connectionId").asString())
        .isEqualTo(clover.toString());
    assertThat(otherTenant.statusCode()).isEqualTo(404);
    assertThat(noScope.statusCode()).isEqualTo(403);
  }

  @Test
  void showsOneWebhookWithRedactedHeadersAndItsBody() throws Exception {
    UUID clover = connection(tenant, "clover", "clover-secret-code");
    String id =
        json(post(
                path("clover", clover),
                Map.of("Content-Type", JSON_TYPE, "X-Clover-Auth", "clover-secret-code"),
                utf8(CLOVER_EVENT)))
            .path("id")
            .asString();

    HttpResponse<String> response =
        api("GET", "/api/v1/webhooks/" + id, TestJwts.token(tenant, "webhooks:read"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).doesNotContain("clover-secret-code");
    assertThat(json(response).path("headers").path("x-clover-auth").asString())
        .isEqualTo("[redacted]");
    assertThat(json(response).path("body").asString()).isEqualTo(CLOVER_EVENT);
    assertThat(json(response).path("platform").asString()).isEqualTo("clover");
  }

  @Test
  void replaysAStoredShopifyOrderAsAReplayMarkedEventWithANewId() throws Exception {
    String secret = "shopify-replay-secret";
    UUID id = connection(tenant, "shopify", secret);
    byte[] body = ShopifyWebhookIntegrationTest.order();
    String webhookId =
        json(post(
                path("shopify", id),
                Map.of(
                    "Content-Type",
                    JSON_TYPE,
                    "X-Shopify-Topic",
                    "orders/paid",
                    "X-Shopify-Webhook-Id",
                    "replay-" + UUID.randomUUID(),
                    "X-Shopify-Hmac-Sha256",
                    base64Hmac(secret, body)),
                body))
            .path("id")
            .asString();

    HttpResponse<String> forbidden =
        api(
            "POST",
            "/api/v1/webhooks/" + webhookId + "/replay",
            TestJwts.token(tenant, "webhooks:read"));
    HttpResponse<String> otherTenant =
        api(
            "POST",
            "/api/v1/webhooks/" + webhookId + "/replay",
            TestJwts.token(newTenant(), "webhooks:replay"));
    HttpResponse<String> replay =
        api(
            "POST",
            "/api/v1/webhooks/" + webhookId + "/replay",
            TestJwts.token(tenant, "webhooks:replay"));

    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(otherTenant.statusCode()).isEqualTo(404);
    assertThat(replay.statusCode()).isEqualTo(202);
    String newEventId = json(replay).path("eventIds").get(0).asString();
    String originalEventId =
        json(api("GET", "/api/v1/webhooks/" + webhookId, TestJwts.token(tenant, "webhooks:read")))
            .path("eventIds")
            .get(0)
            .asString();
    assertThat(newEventId).isNotEqualTo(originalEventId);

    String key = Topics.sourceKey(tenant, Platform.SHOPIFY, "5512349876543");
    List<ConsumerRecord<String, byte[]>> records = awaitRecords(Topics.POS_SALES, key, 2);
    List<SaleEvent> sales = records.stream().map(r -> decode(r.value(), SaleEvent.class)).toList();
    assertThat(sales)
        .extracting(SaleEvent::getEventId, SaleEvent::getReplay)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(originalEventId, false),
            org.assertj.core.groups.Tuple.tuple(newEventId, true));
    assertThat(sales).extracting(SaleEvent::getExternalId).containsOnly("5512349876543");
  }

  @Test
  void countsWebhooksByPlatformAndOutcomeForPrometheus() throws Exception {
    UUID id = connection(tenant, "clover", "c");
    post(
        path("clover", id),
        Map.of("Content-Type", JSON_TYPE, "X-Clover-Auth", "c"),
        utf8(CLOVER_EVENT.replace("CREATE", "METRIC")));
    post(
        path("clover", id),
        Map.of("Content-Type", JSON_TYPE, "X-Clover-Auth", "nope"),
        utf8(CLOVER_EVENT));

    HttpResponse<String> scrape =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.body())
        .containsPattern(
            "ledgerline_webhooks_total\\{[^}]*outcome=\"accepted\",platform=\"clover\"")
        .containsPattern(
            "ledgerline_webhooks_total\\{[^}]*outcome=\"rejected\",platform=\"clover\",reason=\"BAD_CREDENTIAL\"");
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.path("items").forEach(i -> ids.add(i.path("id").asString()));
    return ids;
  }
}
