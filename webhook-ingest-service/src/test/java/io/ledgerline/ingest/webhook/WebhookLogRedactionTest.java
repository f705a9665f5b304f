package io.ledgerline.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.platforms.Platform;
import io.ledgerline.platforms.Platforms;
import io.ledgerline.platforms.webhook.WebhookCredentials;
import io.ledgerline.platforms.webhook.WebhookScheme;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: no credential reaches the webhook log. For every installed platform, a delivery in the
 * platform's documented shape that carries credentials where that platform puts them (signature
 * headers, Basic credentials, Zoho's body token, Lightspeed's URL token, Salesforce's {@code
 * SessionId}), plus headers named like credentials that a tenant might add ({@code
 * x-webhook-secret}, {@code apikey}, ...), is turned into exactly what {@link ReceiveWebhook}
 * stores (redacted headers, redacted query, {@link WebhookScheme#storableBody}); none of it may
 * contain a credential. A new platform without a fixture here fails the test.
 */
class WebhookLogRedactionTest {

  private static final String CANARY = "CANARY-credential-7f3a";

  /** Headers named like credentials, on every platform's delivery. */
  private static final Map<String, String> GENERIC =
      Map.ofEntries(
          Map.entry("Authorization", "Bearer " + CANARY),
          Map.entry("Proxy-Authorization", "Basic " + CANARY),
          Map.entry("Cookie", "session=" + CANARY),
          Map.entry("X-Webhook-Secret", CANARY),
          Map.entry("apikey", CANARY),
          Map.entry("X-Api-Key", CANARY),
          Map.entry("Api-Key", CANARY),
          Map.entry("X-Api_Key", CANARY),
          Map.entry("X-Auth-Token", CANARY),
          Map.entry("X-Client-Secret", CANARY),
          Map.entry("X-Session-Id", CANARY),
          Map.entry("X-Password", CANARY));

  record Fixture(Map<String, String> headers, String query, String body) {}

  private static final Map<String, Fixture> FIXTURES =
      Map.of(
          "shopify",
          new Fixture(
              Map.of(
                  "X-Shopify-Hmac-Sha256", CANARY,
                  "X-Shopify-Topic", "orders/paid",
                  "X-Shopify-Webhook-Id", "w-1"),
              null,
              "{\"id\": 1, \"currency\": \"EUR\", \"line_items\": []}"),
          "square",
          new Fixture(
              Map.of("x-square-hmacsha256-signature", CANARY),
              null,
              "{\"merchant_id\": \"ML1\", \"type\": \"payment.updated\", \"event_id\": \"e-1\"}"),
          "hubspot",
          new Fixture(
              Map.of(
                  "X-HubSpot-Signature-v3", CANARY,
                  "X-HubSpot-Signature", CANARY,
                  "X-HubSpot-Request-Timestamp", "1763900000000"),
              null,
              "[{\"eventId\": 1, \"portalId\": 62515, \"subscriptionType\": \"deal.propertyChange\"}]"),
          "salesforce",
          new Fixture(
              Map.of("SOAPAction", "\"\""),
              "token=" + CANARY,
              """
              <?xml version="1.0" encoding="UTF-8"?>
              <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">
               <soapenv:Body>
                <notifications xmlns="http://soap.sforce.com/2005/09/outbound">
                 <OrganizationId>00D5e000000KQ2eEAG</OrganizationId>
                 <SessionId>%s</SessionId>
                 <out:SessionId xmlns:out="http://soap.sforce.com/2005/09/outbound" a="b">%s</out:SessionId>
                </notifications>
               </soapenv:Body>
              </soapenv:Envelope>
              """
                  .formatted(CANARY, CANARY)),
          "pipedrive",
          new Fixture(
              Map.of(),
              null,
              "{\"meta\": {\"id\": 1, \"action\": \"updated\", \"object\": \"deal\"}}"),
          "zoho",
          new Fixture(
              Map.of(),
              null,
              "{\"module\": \"Deals\", \"ids\": [\"1\"], \"token\": \"" + CANARY + "\"}"),
          "lightspeed",
          new Fixture(
              Map.of(),
              "token=" + CANARY + "&x=1",
              "payload=%7B%22id%22%3A%22sale-1%22%7D&type=sale.update&domain_prefix=demo"),
          "clover",
          new Fixture(
              Map.of("X-Clover-Auth", CANARY), null, "{\"appId\": \"A1\", \"merchants\": {}}"),
          "standard-webhooks",
          new Fixture(
              Map.of(
                  "webhook-id", "msg_1",
                  "webhook-timestamp", "1763900000",
                  "webhook-signature", "v1," + CANARY),
              "signature=" + CANARY,
              "{\"type\": \"invoice.paid\"}"));

  @Test
  void everyPlatformHasAFixture() {
    assertThat(FIXTURES.keySet())
        .containsExactlyInAnyOrderElementsOf(
            Platforms.installed().all().stream()
                .filter(p -> p.provides(Platform.Part.WEBHOOKS))
                .map(Platform::id)
                .toList());
  }

  @Test
  void noCredentialOfAnyPlatformsDeliveryIsStored() {
    for (Map.Entry<String, Fixture> each : FIXTURES.entrySet()) {
      String platform = each.getKey();
      Fixture fixture = each.getValue();
      Map<String, String> headers = new LinkedHashMap<>(GENERIC);
      headers.putAll(fixture.headers());
      ReceivedWebhook webhook =
          new ReceivedWebhook(
              platform,
              UUID.randomUUID(),
              headers,
              fixture.body().getBytes(StandardCharsets.UTF_8),
              Instant.parse("2026-11-23T12:00:00Z"),
              fixture.query(),
              "13.108.0.12");
      WebhookScheme scheme = Platforms.installed().get(platform).webhooks();

      Map<String, String> storedHeaders = webhook.redactedHeaders();
      String storedQuery = webhook.redactedQuery();
      String storedBody =
          new String(
              scheme.storableBody(webhook.body(), WebhookCredentials.of(CANARY)),
              StandardCharsets.UTF_8);

      assertThat(storedHeaders.values())
          .as(platform + " headers")
          .noneMatch(v -> v.contains(CANARY));
      assertThat(storedHeaders).as(platform + " keeps the header names").hasSize(headers.size());
      if (storedQuery != null) {
        assertThat(storedQuery).as(platform + " query").doesNotContain(CANARY);
      }
      assertThat(storedBody).as(platform + " body").doesNotContain(CANARY);
    }
  }

  @Test
  void keepsWhatIsNoCredential() {
    ReceivedWebhook webhook =
        new ReceivedWebhook(
            "shopify",
            UUID.randomUUID(),
            Map.of("X-Shopify-Topic", "orders/paid", "Content-Type", "application/json"),
            new byte[0],
            Instant.parse("2026-11-23T12:00:00Z"),
            "page=2",
            null);

    assertThat(webhook.redactedHeaders())
        .containsEntry("x-shopify-topic", "orders/paid")
        .containsEntry("content-type", "application/json");
    assertThat(webhook.redactedQuery()).isEqualTo("page=2");
  }
}
