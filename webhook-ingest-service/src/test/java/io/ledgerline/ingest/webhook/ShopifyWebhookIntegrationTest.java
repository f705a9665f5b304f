package io.ledgerline.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.events.Platform;
import io.ledgerline.events.SaleEvent;
import io.ledgerline.events.SaleKind;
import io.ledgerline.events.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Shopify through the generic endpoint (the backbone's path). */
class ShopifyWebhookIntegrationTest extends IngestIntegrationTest {

  static final String SECRET = "shpss_integration_0123456789abcdef";

  /** A connection that connector-service knows, reached with the service token only. */
  private UUID connection(String tenantId, String status) {
    return connection(
        tenantId,
        "shopify",
        status,
        "{\"shopDomain\": \"acme.myshopify.com\"}",
        "[{\"value\": \"%s\", \"validUntil\": null}]".formatted(SECRET));
  }

  private HttpResponse<String> deliver(
      UUID connectionId, String topic, String deliveryId, byte[] body, String hmac)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/webhooks/shopify/" + connectionId))
            .header("Content-Type", "application/json")
            .header("X-Shopify-Topic", topic)
            .header("X-Shopify-Hmac-Sha256", hmac)
            .header("X-Shopify-Shop-Domain", "acme.myshopify.com")
            .header("X-Shopify-Webhook-Id", deliveryId)
            .header("X-Shopify-API-Version", "2025-10")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Computed here with the JDK, independently of the service's verifier. */
  static String sign(byte[] body, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] order() throws IOException {
    try (InputStream in =
        ShopifyWebhookIntegrationTest.class.getResourceAsStream("/shopify/orders-paid.json")) {
      return in.readAllBytes();
    }
  }

  @Test
  void publishesASignedPaidOrderAsASaleEventInConfluentWireFormat() throws Exception {
    String tenant = "tenant-" + UUID.randomUUID().toString().substring(0, 8);
    UUID connectionId = connection(tenant, "ACTIVE");
    byte[] body = order();

    HttpResponse<String> response =
        deliver(connectionId, "orders/paid", "delivery-1", body, sign(body, SECRET));

    assertThat(response.statusCode()).isEqualTo(202);
    String webhookId = JSON.readTree(response.body()).path("id").asString();
    assertThat(webhookId).isNotBlank();

    Map<String, Object> stored =
        jdbc.sql("SELECT * FROM webhooks WHERE id = :id")
            .param("id", UUID.fromString(webhookId))
            .query()
            .singleRow();
    assertThat(stored.get("tenant_id")).isEqualTo(tenant);
    assertThat(stored.get("platform")).isEqualTo("shopify");
    assertThat(stored.get("topic")).isEqualTo("orders/paid");
    assertThat(stored.get("status")).isEqualTo("EMITTED");
    assertThat((byte[]) stored.get("body")).isEqualTo(body);
    JsonNode headers = JSON.readTree(String.valueOf(stored.get("headers")));
    assertThat(headers.path("x-shopify-hmac-sha256").asString()).isEqualTo("[redacted]");
    assertThat(headers.path("x-shopify-webhook-id").asString()).isEqualTo("delivery-1");

    String key = Topics.sourceKey(tenant, Platform.SHOPIFY, "5512349876543");
    ConsumerRecord<String, byte[]> record = awaitRecord(Topics.POS_SALES, key);
    byte[] value = record.value();
    assertThat(value[0]).as("Confluent magic byte").isZero();
    SaleEvent sale =
        new SpecificDatumReader<>(SaleEvent.class)
            .read(null, DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, null));
    assertThat(JSON.readTree(String.valueOf(stored.get("event_ids"))).get(0).asString())
        .isEqualTo(sale.getEventId());
    assertThat(sale.getReplay()).isFalse();
    assertThat(sale.getTenantId()).isEqualTo(tenant);
    assertThat(sale.getConnectionId()).isEqualTo(connectionId.toString());
    assertThat(sale.getKind()).isEqualTo(SaleKind.COMPLETED);
    assertThat(sale.getExternalId()).isEqualTo("5512349876543");
    assertThat(sale.getOrderNumber()).isEqualTo("#1001");
    assertThat(sale.getLines()).hasSize(2);
    assertThat(sale.getTotals().getTotal().getAmount()).isEqualTo(new BigDecimal("69.6600"));
    assertThat(sale.getTotals().getShippingTotal().getAmount()).isEqualTo(new BigDecimal("7.9900"));
    assertThat(new String(record.headers().lastHeader("eventType").value(), StandardCharsets.UTF_8))
        .contains("SaleEvent");
  }

  /** Issue 12: the body names no shop; the event carries the connection's, for invoice keys. */
  @Test
  void stampsTheConnectionsShopOnTheSaleForInvoicesToKeyOn() throws Exception {
    String tenant = "tenant-" + UUID.randomUUID().toString().substring(0, 8);
    UUID connectionId =
        connection(
            tenant,
            "shopify",
            "ACTIVE",
            "{\"shopDomain\": \"acme.myshopify.com\"}",
            "[{\"value\": \"%s\", \"validUntil\": null}]".formatted(SECRET),
            UUID.randomUUID(),
            "acme.myshopify.com");
    byte[] body = order();

    HttpResponse<String> response =
        deliver(connectionId, "orders/paid", "stamped-1", body, sign(body, SECRET));

    assertThat(response.statusCode()).isEqualTo(202);
    SaleEvent sale =
        decode(
            awaitRecord(
                    Topics.POS_SALES, Topics.sourceKey(tenant, Platform.SHOPIFY, "5512349876543"))
                .value(),
            SaleEvent.class);
    assertThat(sale.getAccountId()).isEqualTo("acme.myshopify.com");
  }

  @Test
  void answersARedeliveryWithTheOriginalIdAndDoesNothingElse() throws Exception {
    String tenant = "tenant-" + UUID.randomUUID().toString().substring(0, 8);
    UUID connectionId = connection(tenant, "ACTIVE");
    byte[] body = order();
    String first =
        deliver(connectionId, "orders/paid", "delivery-2", body, sign(body, SECRET)).body();

    HttpResponse<String> again =
        deliver(connectionId, "orders/paid", "delivery-2", body, sign(body, SECRET));

    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(again.body()).path("id").asString())
        .isEqualTo(JSON.readTree(first).path("id").asString());
    assertThat(webhooksOf(connectionId)).isEqualTo(1);
    assertThat(outboxRowsFor(Topics.sourceKey(tenant, Platform.SHOPIFY, "5512349876543")))
        .isEqualTo(1);
  }

  /**
   * Issue 12: the topic and the webhook id are headers outside the HMAC. The signed body of an
   * unpaid order's orders/create, re-posted as orders/paid under a new webhook id, is the same
   * unpaid sale: answered as a redelivery of the first, no second event, nothing paid. The order's
   * real orders/paid (a body that says paid) is still a new delivery.
   */
  @Test
  void anUnpaidOrdersBodyRepostedAsPaidUnderANewIdIsARedeliveryNotAPaidSale() throws Exception {
    String tenant = "tenant-" + UUID.randomUUID().toString().substring(0, 8);
    UUID connectionId = connection(tenant, "ACTIVE");
    String paidText = new String(order(), StandardCharsets.UTF_8);
    byte[] unpaid =
        paidText
            .replace("\"financial_status\": \"paid\"", "\"financial_status\": \"pending\"")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(new String(unpaid, StandardCharsets.UTF_8)).contains("\"pending\"");
    String key = Topics.sourceKey(tenant, Platform.SHOPIFY, "5512349876543");

    HttpResponse<String> created =
        deliver(connectionId, "orders/create", "create-1", unpaid, sign(unpaid, SECRET));
    HttpResponse<String> spoofed =
        deliver(connectionId, "orders/paid", "spoofed-2", unpaid, sign(unpaid, SECRET));

    assertThat(created.statusCode()).isEqualTo(202);
    assertThat(spoofed.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(spoofed.body()).path("id").asString())
        .isEqualTo(JSON.readTree(created.body()).path("id").asString());
    assertThat(webhooksOf(connectionId)).isEqualTo(1);
    assertThat(outboxRowsFor(key)).isEqualTo(1);
    SaleEvent issued = decode(awaitRecord(Topics.POS_SALES, key).value(), SaleEvent.class);
    assertThat(issued.getPaid()).as("the body says pending, whatever the topic").isFalse();

    byte[] paid = order();
    HttpResponse<String> reallyPaid =
        deliver(connectionId, "orders/paid", "paid-3", paid, sign(paid, SECRET));

    assertThat(reallyPaid.statusCode()).isEqualTo(202);
    assertThat(outboxRowsFor(key)).isEqualTo(2);
    HttpResponse<String> paidAgain =
        deliver(connectionId, "orders/paid", "paid-4", paid, sign(paid, SECRET));
    assertThat(paidAgain.statusCode()).isEqualTo(200);
    assertThat(outboxRowsFor(key)).isEqualTo(2);
  }

  @Test
  void rejectsAWrongSignatureAndKeepsOnlyTheRejection() throws Exception {
    String tenant = "tenant-" + UUID.randomUUID().toString().substring(0, 8);
    UUID connectionId = connection(tenant, "ACTIVE");
    byte[] body = order();

    HttpResponse<String> response =
        deliver(connectionId, "orders/paid", "delivery-3", body, sign(body, "not-the-secret"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(JSON.readTree(response.body()).path("type").asString())
        .isEqualTo("https://ledgerline.io/problems/invalid-signature");
    assertThat(webhooksOf(connectionId)).isZero();
    assertThat(rejectionsOf(connectionId)).containsExactly("BAD_SIGNATURE");
    assertThat(outboxRowsFor(Topics.sourceKey(tenant, Platform.SHOPIFY, "5512349876543"))).isZero();
  }

  /** Issue 12: signed, so authentic, though not JSON: kept as FAILED, answered 202. */
  @Test
  void keepsSignedMalformedJsonAsAFailedWebhookAndAnswers202() throws Exception {
    UUID connectionId = connection("tenant-malformed", "ACTIVE");
    byte[] body = "{\"id\": 1, \"currency\": ".getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> response =
        deliver(connectionId, "orders/paid", "delivery-4", body, sign(body, SECRET));

    assertThat(response.statusCode()).isEqualTo(202);
    Map<String, Object> stored =
        jdbc.sql("SELECT status, outcome, body FROM webhooks WHERE connection_id = :id")
            .param("id", connectionId)
            .query()
            .singleRow();
    assertThat(stored.get("status")).isEqualTo("FAILED");
    assertThat((String) stored.get("outcome")).startsWith("normalization failed:");
    assertThat((byte[]) stored.get("body")).isEqualTo(body);
    assertThat(rejectionsOf(connectionId)).isEmpty();
  }

  @Test
  void storesACreatedOrderWithoutEmittingASale() throws Exception {
    String tenant = "tenant-" + UUID.randomUUID().toString().substring(0, 8);
    UUID connectionId = connection(tenant, "ACTIVE");
    byte[] body = order();

    HttpResponse<String> response =
        deliver(connectionId, "orders/create", "delivery-5", body, sign(body, SECRET));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(webhooksOf(connectionId)).isEqualTo(1);
    assertThat(outboxRowsFor(Topics.sourceKey(tenant, Platform.SHOPIFY, "5512349876543"))).isZero();
  }

  @Test
  void answersUnknownAndDisabledConnectionsWithProblems() throws Exception {
    byte[] body = order();

    HttpResponse<String> unknown =
        deliver(UUID.randomUUID(), "orders/paid", "delivery-6", body, sign(body, SECRET));
    UUID disabled = connection("tenant-disabled", "DISABLED");
    HttpResponse<String> gone =
        deliver(disabled, "orders/paid", "delivery-7", body, sign(body, SECRET));

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknown.body()).path("type").asString())
        .isEqualTo("https://ledgerline.io/problems/connection-not-found");
    assertThat(gone.statusCode()).isEqualTo(410);
    assertThat(JSON.readTree(gone.body()).path("type").asString())
        .isEqualTo("https://ledgerline.io/problems/connection-disabled");
  }

  @Test
  void refusesBodiesOverOneMebibyteAndBodiesThatAreNotJson() throws Exception {
    UUID connectionId = connection("tenant-limits", "ACTIVE");
    byte[] huge = new byte[1024 * 1024 + 1];
    java.util.Arrays.fill(huge, (byte) ' ');

    HttpResponse<String> tooLarge =
        deliver(connectionId, "orders/paid", "delivery-8", huge, sign(huge, SECRET));
    HttpResponse<String> notJson =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/webhooks/shopify/" + connectionId))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(JSON.readTree(tooLarge.body()).path("type").asString())
        .isEqualTo("https://ledgerline.io/problems/payload-too-large");
    assertThat(notJson.statusCode()).isEqualTo(415);
    assertThat(webhooksOf(connectionId)).isZero();
  }
}
