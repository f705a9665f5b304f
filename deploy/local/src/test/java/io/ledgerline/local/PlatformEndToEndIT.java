package io.ledgerline.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole platform, started the way {@code deploy/local/platform up} starts it (every service its
 * own JVM), used the way a Shopify shop and a tenant use it: the tenant sets its seller, a signed
 * order posted to the gateway's webhook URL becomes exactly one paid invoice that the tenant reads
 * back through the gateway with an API key, a partial refund becomes one credit note for exactly
 * the refunded line (posted again, none more), and an untaxed order an invoice of the order's
 * total. The services run with the OpenTelemetry javaagent exporting to the platform's OTLP
 * receiver, and a webhook's trace is followed from the gateway to the invoice insert; every
 * service's Prometheus endpoint shows the platform's meters.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformEndToEndIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String ORDER_ID = "5630481604703";
  private static final String UNTAXED_ORDER_ID = "5630481604704";

  @TempDir static Path runDir;
  private static PlatformOptions.Ports ports;
  private static LocalPlatform platform;
  private static PlatformFacts facts;
  private static byte[] order;
  private static String firstWebhookId;
  private static String firstDeliveryId;
  private static String sandboxUrl;

  @BeforeAll
  static void startPlatform() throws Exception {
    Path root = Path.of("").toAbsolutePath().getParent().getParent();
    order = Files.readAllBytes(root.resolve("deploy/local/samples/shopify-order-paid.json"));
    ports = PlatformOptions.Ports.free();
    platform =
        LocalPlatform.start(
            new PlatformOptions(root, runDir, ports, "200m").withTracing(true), System.out);
    facts = platform.facts();
  }

  @AfterAll
  static void stopPlatform() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  @Order(1)
  void writesTheFactsAUserNeeds() throws Exception {
    JsonNode written = JSON.readTree(runDir.resolve("platform.json").toFile());

    assertThat(written.get("gatewayUrl").asString()).isEqualTo(facts.gatewayUrl());
    assertThat(written.get("tenants")).hasSize(2);
    JsonNode connection = written.get("tenants").get(0).get("connections").get(0);
    assertThat(connection.get("platform").asString()).isEqualTo("shopify");
    assertThat(connection.get("webhookUrl").asString())
        .isEqualTo(facts.gatewayUrl() + "/webhooks/shopify/" + connection.get("id").asString());
    assertThat(connection.get("webhookSecret").asString()).isNotBlank();
  }

  @Test
  @Order(2)
  void theTenantSetsItsSellerThroughTheGateway() throws Exception {
    JsonNode saved =
        sendJson(
            tenant(0),
            "PUT",
            "/api/v1/settings/invoicing",
            """
            {"legalName": "Demo Coffee Ltd", "taxId": "12345678-0001",
             "address": {"line1": "1 Marina", "city": "Lagos", "country": "NG"},
             "email": "billing@demo.example", "timeZone": "Africa/Lagos"}
            """,
            200);

    assertThat(saved.get("creditNotePrefix").asString()).isEqualTo("CN-");
    assertThat(getJson(tenant(0), "/api/v1/settings/invoicing", 200).get("legalName").asString())
        .isEqualTo("Demo Coffee Ltd");
  }

  @Test
  @Order(3)
  void aSignedShopifyOrderBecomesOneInvoiceWithExactAmounts() throws Exception {
    firstDeliveryId = UUID.randomUUID().toString();
    HttpResponse<String> accepted = postOrder(tenant(0), firstDeliveryId, sign(tenant(0), order));

    assertThat(accepted.statusCode()).isEqualTo(202);
    firstWebhookId = JSON.readTree(accepted.body()).get("id").asString();
    assertThat(firstWebhookId).isNotBlank();

    JsonNode invoice = awaitInvoices(tenant(0), 1).get(0);
    JsonNode full = getJson(tenant(0), "/api/v1/invoices/" + invoice.get("id").asString(), 200);

    assertThat(full.get("number").asString()).isEqualTo("INV-000001");
    assertThat(full.get("currency").asString()).isEqualTo("EUR");
    // 2 x 24.00 - 4.00 = 44.00 at 7.5 % = 3.30; 12.50 at 7.5 % = 0.9375 -> 0.94; shipping 5.00 at
    // 7.5 % = 0.375 -> 0.38
    assertThat(full.get("subtotal").asString()).isEqualTo("61.50");
    assertThat(full.get("taxTotal").asString()).isEqualTo("4.62");
    assertThat(full.get("total").asString()).isEqualTo("66.12");
    Map<String, JsonNode> lines =
        full.get("lines")
            .valueStream()
            .collect(Collectors.toMap(l -> l.get("description").asString(), l -> l));
    assertThat(lines).containsOnlyKeys("Espresso beans 1 kg", "Ceramic mug", "Shipping");
    assertLine(lines.get("Espresso beans 1 kg"), "44.00", "3.30", "47.30");
    assertLine(lines.get("Ceramic mug"), "12.50", "0.94", "13.44");
    assertLine(lines.get("Shipping"), "5.00", "0.38", "5.38");
    assertThat(full.toString()).contains("ada.lovelace@example.com").contains("Ada Lovelace");
    assertThat(full.toString()).contains(ORDER_ID);
    assertThat(full.get("seller").get("legalName").asString()).isEqualTo("Demo Coffee Ltd");
    assertThat(full.get("status").asString()).isEqualTo("PAID");
  }

  @Test
  @Order(4)
  void aRepeatedDeliveryIsAcknowledgedWithTheOriginalIdAndMakesNoSecondInvoice() throws Exception {
    HttpResponse<String> repeat = postOrder(tenant(0), firstDeliveryId, sign(tenant(0), order));

    assertThat(repeat.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(repeat.body()).get("id").asString()).isEqualTo(firstWebhookId);
  }

  @Test
  @Order(5)
  void theSameOrderDeliveredAgainUnderANewDeliveryIdMakesNoSecondInvoice() throws Exception {
    HttpResponse<String> again =
        postOrder(tenant(0), UUID.randomUUID().toString(), sign(tenant(0), order));
    // The signed body names the same paid order: a redelivery, answered with the first id.
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(again.body()).get("id").asString()).isEqualTo(firstWebhookId);

    awaitInvoiceServiceCaughtUp(1);

    assertThat(getJson(tenant(0), "/api/v1/invoices", 200).get("items")).hasSize(1);
  }

  @Test
  @Order(6)
  void aReplayFromTheWebhookLogIsEmittedAgainAndMakesNoSecondInvoice() throws Exception {
    HttpResponse<String> replay =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        facts.gatewayUrl() + "/api/v1/webhooks/" + firstWebhookId + "/replay"))
                .header("X-API-Key", tenant(0).apiKey())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(replay.statusCode()).as(replay.body()).isEqualTo(202);
    assertThat(JSON.readTree(replay.body()).get("eventIds")).hasSize(1);

    awaitInvoiceServiceCaughtUp(2);

    assertThat(getJson(tenant(0), "/api/v1/invoices", 200).get("items")).hasSize(1);
    JsonNode logged = getJson(tenant(0), "/api/v1/webhooks/" + firstWebhookId, 200);
    assertThat(logged.toString()).doesNotContain(tenant(0).connections().get(0).webhookSecret());
  }

  @Test
  @Order(7)
  void aWrongSignatureIsRejectedWithAProblemDetail() throws Exception {
    HttpResponse<String> rejected =
        postOrder(tenant(0), UUID.randomUUID().toString(), "bm90IHRoZSBzaWduYXR1cmU=");

    assertThat(rejected.statusCode()).isEqualTo(401);
    assertThat(rejected.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(JSON.readTree(rejected.body()).get("type").asString())
        .isEqualTo("https://ledgerline.io/problems/invalid-signature");
  }

  @Test
  @Order(8)
  void aPartialRefundBecomesACreditNoteForExactlyTheRefundedLineAndARepeatMakesNone()
      throws Exception {
    byte[] refund = sample("shopify-refund-create.json");
    HttpResponse<String> accepted =
        post(tenant(0), "refunds/create", UUID.randomUUID().toString(), refund);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

    JsonNode invoice =
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> getJson(tenant(0), "/api/v1/invoices", 200).get("items").get(0),
                i -> i.get("creditNoteIds").size() == 1);
    JsonNode note =
        getJson(
            tenant(0),
            "/api/v1/credit-notes/" + invoice.get("creditNoteIds").get(0).asString(),
            200);
    assertThat(note.get("number").asString()).isEqualTo("CN-000001");
    assertThat(note.get("invoiceId").asString()).isEqualTo(invoice.get("id").asString());
    // One bag of beans: 22.00 + its 1.65 tax, as Shopify refunded it.
    assertThat(note.get("lines")).hasSize(1);
    assertThat(note.get("lines").get(0).get("description").asString())
        .isEqualTo("Espresso beans 1 kg");
    assertThat(note.get("lines").get(0).get("quantity").asString()).isEqualTo("1");
    assertThat(note.get("lines").get(0).get("net").asString()).isEqualTo("22.00");
    assertThat(note.get("lines").get(0).get("tax").asString()).isEqualTo("1.65");
    assertThat(note.get("total").asString()).isEqualTo("23.65");
    assertThat(invoice.get("creditedTotal").asString()).isEqualTo("23.65");
    assertThat(invoice.get("status").asString()).isEqualTo("PAID");

    HttpResponse<String> again =
        post(tenant(0), "refunds/create", UUID.randomUUID().toString(), refund);
    // The same refund under a new delivery id: a redelivery of the first.
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(again.body()).get("id").asString())
        .isEqualTo(JSON.readTree(accepted.body()).get("id").asString());
    awaitInvoiceServiceCaughtUp(3);

    assertThat(getJson(tenant(0), "/api/v1/credit-notes", 200).get("items")).hasSize(1);
  }

  @Test
  @Order(9)
  void anUntaxedOrderBecomesAnInvoiceWhoseTotalIsTheOrdersTotal() throws Exception {
    HttpResponse<String> accepted =
        post(
            tenant(0),
            "orders/paid",
            UUID.randomUUID().toString(),
            sample("shopify-order-untaxed.json"));
    assertThat(accepted.statusCode()).isEqualTo(202);

    JsonNode invoice =
        getJson(
            tenant(0),
            "/api/v1/invoices/" + awaitInvoices(tenant(0), 2).get(0).get("id").asString(),
            200);
    assertThat(invoice.get("number").asString()).isEqualTo("INV-000002");
    assertThat(invoice.get("total").asString()).isEqualTo("61.50");
    assertThat(invoice.get("taxTotal").asString()).isEqualTo("0.00");
    assertThat(invoice.get("reconciliation").isNull()).isTrue();
  }

  @Test
  @Order(10)
  void theApiNeedsAKeyAndShowsATenantOnlyItsOwnInvoices() throws Exception {
    HttpResponse<String> anonymous =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(facts.gatewayUrl() + "/api/v1/invoices")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);

    String invoiceOfA =
        getJson(tenant(0), "/api/v1/invoices", 200).get("items").get(0).get("id").asString();
    getJson(tenant(1), "/api/v1/credit-notes", 200);
    assertThat(getJson(tenant(1), "/api/v1/invoices", 200).get("items")).isEmpty();
    getJson(tenant(1), "/api/v1/invoices/" + invoiceOfA, 404);
  }

  @Test
  @Order(11)
  void salesAreConfluentWireFormatAvroWhoseSchemaTheRegistryServes() throws Exception {
    ConsumerRecord<String, byte[]> sale = firstRecord("pos.sales.v1");
    ByteBuffer value = ByteBuffer.wrap(sale.value());

    assertThat(value.get()).as("magic byte").isEqualTo((byte) 0);
    int schemaId = value.getInt();
    String registryBase = facts.registryUrl().replace("/apis/registry/v2", "");
    HttpResponse<String> schema =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(registryBase + "/apis/ccompat/v7/schemas/ids/" + schemaId))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(schema.statusCode()).isEqualTo(200);
    assertThat(schema.body()).contains("SaleEvent");
    // Either of the two orders posted above, whichever partition the poll read first.
    assertThat(sale.key()).matches(".*:shopify:(" + ORDER_ID + "|" + UNTAXED_ORDER_ID + ")");
  }

  @Test
  @Order(20)
  void oneWebhookIsOneTraceFromTheGatewayThroughTheOutboxToTheInvoiceInsert() throws Exception {
    // The platform's caller starts the trace, so the test knows its id; the gateway continues it.
    String traceId = randomHex(32);
    String callerSpan = randomHex(16);
    HttpResponse<String> accepted =
        post(
            tenant(1),
            "orders/paid",
            UUID.randomUUID().toString(),
            sign(tenant(1), order),
            order,
            "00-" + traceId + "-" + callerSpan + "-01");
    assertThat(accepted.statusCode()).isEqualTo(202);
    awaitInvoices(tenant(1), 1);
    OtlpTraceReceiver traces = platform.traces().orElseThrow();

    List<ReceivedSpan> trace =
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> traces.trace(traceId), TracingHops::complete);

    ReceivedSpan insert = TracingHops.invoiceInsert(trace).orElseThrow();
    List<ReceivedSpan> path = TracingHops.ancestors(insert, trace);
    assertThat(path)
        .as("the invoice insert's ancestors, newest first")
        .extracting(span -> span.service() + " " + span.kind())
        .containsSubsequence(
            "invoice-service CONSUMER",
            "sync-worker PRODUCER",
            "sync-worker CONSUMER",
            "webhook-ingest-service PRODUCER",
            "webhook-ingest-service SERVER",
            "gateway-service SERVER");
    assertThat(path.get(path.size() - 1).parentSpanId()).isEqualTo(callerSpan);
    assertThat(runDir.resolve("traces").resolve(traceId + ".txt"))
        .content()
        .contains("gateway-service", "webhook-ingest-service", "sync-worker", "invoice-service");
    assertThat(runDir.resolve("logs/invoice-service.log"))
        .as("log lines carry the trace id")
        .content()
        .contains(traceId);
  }

  @Test
  @Order(21)
  void everyServiceShowsItsMetersToPrometheus() throws Exception {
    Map<String, Integer> services =
        Map.of(
            "gateway-service", ports.gateway(),
            "apikey-service", ports.apikey(),
            "connector-service", ports.connector(),
            "webhook-ingest-service", ports.ingest(),
            "sync-worker", ports.sync(),
            "invoice-service", ports.invoice());
    Map<String, String> scraped = new java.util.HashMap<>();
    for (Map.Entry<String, Integer> service : services.entrySet()) {
      HttpResponse<String> metrics =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create("http://localhost:" + service.getValue() + "/actuator/prometheus"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(metrics.statusCode()).as(service.getKey()).isEqualTo(200);
      assertThat(metrics.body())
          .as(service.getKey())
          .contains("jvm_memory_used_bytes", "application=\"" + service.getKey() + "\"");
      scraped.put(service.getKey(), metrics.body());
    }

    assertThat(scraped.get("gateway-service")).contains("http_server_requests_seconds_bucket");
    assertThat(scraped.get("webhook-ingest-service"))
        .contains(
            "ledgerline_webhooks_total{",
            "outcome=\"accepted\"",
            "outcome=\"rejected\"",
            "ledgerline_outbox_published_total{",
            "ledgerline_outbox_backlog_bytes{");
    assertThat(scraped.get("sync-worker"))
        .contains("kafka_consumer_fetch_manager_records_lag_max", "ledgerline_outbox_published");
    // An earlier scenario's invoice may still be on its way: the counter and the lists agree
    // once it has arrived (each read again until then), and never count one twice.
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              long invoices =
                  getJson(tenant(0), "/api/v1/invoices", 200).get("items").size()
                      + getJson(tenant(1), "/api/v1/invoices", 200).get("items").size();
              String invoiceMetrics =
                  HTTP.send(
                          HttpRequest.newBuilder(
                                  URI.create(
                                      "http://localhost:"
                                          + ports.invoice()
                                          + "/actuator/prometheus"))
                              .build(),
                          HttpResponse.BodyHandlers.ofString())
                      .body();
              assertThat(counter(invoiceMetrics, "ledgerline_invoices_issued_total"))
                  .as("every invoice the tenants see, counted once")
                  .isEqualTo((double) invoices);
            });
    assertThat(counter(scraped.get("invoice-service"), "ledgerline_invoices_credited_total"))
        .as("the partial refund's credit note")
        .isEqualTo((double) getJson(tenant(0), "/api/v1/credit-notes", 200).get("items").size());
  }

  /** The value of an untagged counter (only the application tag) in a Prometheus scrape. */
  private static double counter(String scrape, String name) {
    return scrape
        .lines()
        .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  private static String randomHex(int length) {
    return UUID.randomUUID().toString().replace("-", "").repeat(2).substring(0, length);
  }

  private static String oauthToken;

  @Test
  @Order(9)
  void aTenantsAppGetsAnOAuthTokenAtTheGatewayAndReadsItsInvoices() throws Exception {
    JsonNode client =
        send(
            tenant(0),
            "POST",
            "/api/v1/oauth-clients",
            "{\"name\":\"accounting app\",\"scopes\":[\"invoices:read\"]}",
            201);

    oauthToken =
        clientCredentialsToken(
            client.get("clientId").asString(), client.get("clientSecret").asString());
    HttpResponse<String> invoices = bearer("/api/v1/invoices", oauthToken);

    assertThat(invoices.statusCode()).as(invoices.body()).isEqualTo(200);
    // The same invoices as the tenant's API key sees, however many the other scenarios made.
    assertThat(JSON.readTree(invoices.body()).get("items"))
        .isNotEmpty()
        .isEqualTo(getJson(tenant(0), "/api/v1/invoices", 200).get("items"));
    assertThat(bearer("/api/v1/connections", oauthToken).statusCode())
        .as("the client holds invoices:read only")
        .isEqualTo(403);
  }

  @Test
  @Order(10)
  void tokensAndKeysStillWorkAfterApikeyServiceRestarts() throws Exception {
    platform.restart("apikey-service");

    assertThat(bearer("/api/v1/invoices", oauthToken).statusCode()).isEqualTo(200);
    // a fresh exchange, signed after the restart, and the service that validates it
    assertThat(getJson(tenant(0), "/api/v1/api-keys", 200).get("items")).isNotEmpty();
    HttpResponse<String> jwks =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(facts.gatewayUrl() + "/oauth2/jwks")).build(),
            HttpResponse.BodyHandlers.ofString());
    String kid =
        JSON.readTree(Base64.getUrlDecoder().decode(oauthToken.split("\\.")[0]))
            .get("kid")
            .asString();
    assertThat(jwks.body()).contains(kid);
  }

  @Test
  @Order(11)
  void aRevokedKeyIsRefusedAtTheGatewayWithinTwoSeconds() throws Exception {
    JsonNode key = send(tenant(1), "POST", "/api/v1/api-keys", "{\"name\":\"to revoke\"}", 201);
    String apiKey = key.get("key").asString();
    assertThat(withKey("/api/v1/invoices", apiKey).statusCode()).isEqualTo(200);

    send(tenant(1), "DELETE", "/api/v1/api-keys/" + key.get("id").asString(), null, 204);
    long revoked = System.nanoTime();

    await()
        .atMost(Duration.ofSeconds(2))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> withKey("/api/v1/invoices", apiKey).statusCode() == 401);
    System.out.printf(
        "Revoked key refused at the gateway after %d ms%n",
        (System.nanoTime() - revoked) / 1_000_000);
  }

  @Test
  @Order(12)
  void aRotatedKeysOldSecretWorksUntilTheOverlapEnds() throws Exception {
    JsonNode key = send(tenant(1), "POST", "/api/v1/api-keys", "{\"name\":\"to rotate\"}", 201);
    String oldKey = key.get("key").asString();
    assertThat(withKey("/api/v1/invoices", oldKey).statusCode()).isEqualTo(200);

    JsonNode rotated =
        send(
            tenant(1),
            "POST",
            "/api/v1/api-keys/" + key.get("id").asString() + "/rotations",
            "{\"overlap\":\"PT4S\"}",
            201);
    String newKey = rotated.get("key").asString();

    assertThat(withKey("/api/v1/invoices", oldKey).statusCode())
        .as("within the overlap")
        .isEqualTo(200);
    assertThat(withKey("/api/v1/invoices", newKey).statusCode()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> withKey("/api/v1/invoices", oldKey).statusCode() == 401);
    assertThat(withKey("/api/v1/invoices", newKey).statusCode()).isEqualTo(200);
  }

  @Test
  @Order(13)
  void pastItsLimitAKeyGets429WithRetryAfterWhileAnotherTenantIsNotAffected() throws Exception {
    JsonNode key = send(tenant(1), "POST", "/api/v1/api-keys", "{\"name\":\"busy\"}", 201);
    String busy = key.get("key").asString();
    withKey("/api/v1/invoices", busy);

    List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> calls =
        new java.util.ArrayList<>();
    for (int i = 0; i < 120; i++) {
      calls.add(
          HTTP.sendAsync(
              HttpRequest.newBuilder(URI.create(facts.gatewayUrl() + "/api/v1/invoices"))
                  .header("X-API-Key", busy)
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    List<HttpResponse<String>> answers =
        calls.stream().map(java.util.concurrent.CompletableFuture::join).toList();
    HttpResponse<String> otherTenant = withKey("/api/v1/invoices", tenant(0).apiKey());

    HttpResponse<String> refused =
        answers.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(refused.headers().firstValue("RateLimit-Remaining")).contains("0");
    assertThat(JSON.readTree(refused.body()).get("type").asString())
        .isEqualTo("https://ledgerline.io/problems/rate-limited");
    assertThat(otherTenant.statusCode()).isEqualTo(200);
  }

  @Test
  @Order(14)
  void aTwentyMegabyteBodyIsRefusedWith413AtTheGateway() throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(facts.gatewayUrl() + "/api/v1/connections"))
                .header("X-API-Key", tenant(0).apiKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[20 * 1024 * 1024]))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(JSON.readTree(response.body()).get("type").asString())
        .isEqualTo("https://ledgerline.io/problems/payload-too-large");
  }

  /**
   * Issue 9, as a new user of demo-order sees it: demo tenant 1 has FIRS enabled against the
   * sandbox's FIRS stub, so the order's invoice gets an IRN of the documented form and goes to
   * CONFIRMED; its QR payload opens with the demo taxpayer's private key (what FIRS holds) to the
   * IRN with the signing time and the certificate; it downloads as UBL that phive's EN 16931 rules
   * accept and as a PDF with the seller, the buyer, every line and the totals; the refund's credit
   * note downloads as a valid UBL CreditNote referencing the invoice and went to FIRS with the
   * invoice's IRN as its billing reference.
   */
  @Test
  @Order(15)
  void theOrdersInvoiceIsConfirmedByFirsAndDownloadsAsValidUblAndPdf() throws Exception {
    Properties taxpayer = new Properties();
    try (var in = Files.newBufferedReader(runDir.resolve("firs-sandbox.properties"))) {
      taxpayer.load(in);
    }
    JsonNode invoice =
        getJson(tenant(0), "/api/v1/invoices?sourceExternalId=" + ORDER_ID, 200)
            .get("items")
            .get(0);
    String id = invoice.get("id").asString();
    JsonNode firs = awaitFirsConfirmed("/api/v1/invoices/" + id + "/firs");
    String irn = firs.get("irn").asString();
    assertThat(irn)
        .matches("^[A-Za-z0-9]+-[A-Za-z0-9]{8}-\\d{8}$")
        .isEqualTo(
            "INV000001-"
                + taxpayer.getProperty("service.id")
                + "-"
                + invoice.get("issueDate").asString().replace("-", ""));
    assertThat(firs.get("history").valueStream().map(s -> s.get("status").asString()).toList())
        .containsExactly("PENDING", "VALIDATED", "SIGNED", "TRANSMITTED", "CONFIRMED");
    javax.crypto.Cipher rsa = javax.crypto.Cipher.getInstance("RSA/ECB/PKCS1Padding");
    rsa.init(javax.crypto.Cipher.DECRYPT_MODE, firsPrivateKey());
    String certificate =
        JSON.readTree(runDir.resolve("firs-sandbox/crypto_keys.json").toFile())
            .get("certificate")
            .asString();
    assertThat(
            new String(
                rsa.doFinal(Base64.getDecoder().decode(firs.get("qrPayload").asString())),
                StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"irn\":\""
                + irn
                + "."
                + java.time.Instant.parse(firs.get("signedAt").asString()).getEpochSecond()
                + "\",\"certificate\":\""
                + certificate
                + "\"}");

    byte[] ubl = download("/api/v1/invoices/" + id + "/ubl");
    assertThat(new String(ubl, StandardCharsets.UTF_8)).contains("<cbc:ID>INV-000001</cbc:ID>");
    assertThat(Phive.en16931Errors(Phive.INVOICE, ubl)).isEmpty();

    byte[] pdf = download("/api/v1/invoices/" + id + "/pdf");
    String text;
    try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
    }
    assertThat(text)
        .contains("Demo Coffee Ltd", "Ada Lovelace", "INV-000001", irn)
        .contains("Espresso beans 1 kg", "Ceramic mug", "Shipping")
        .contains("61.50", "4.62", "66.12");

    String noteId = invoice.get("creditNoteIds").get(0).asString();
    byte[] note = download("/api/v1/credit-notes/" + noteId + "/ubl");
    String noteXml = new String(note, StandardCharsets.UTF_8);
    assertThat(noteXml).contains("<CreditNote").contains("<cbc:ID>CN-000001</cbc:ID>");
    assertThat(noteXml)
        .containsPattern(
            "(?s)<cac:BillingReference>\\s*<cac:InvoiceDocumentReference>\\s*"
                + "<cbc:ID>INV-000001</cbc:ID>");
    assertThat(Phive.en16931Errors(Phive.CREDIT_NOTE, note)).isEmpty();
    JsonNode noteFirs = awaitFirsConfirmed("/api/v1/credit-notes/" + noteId + "/firs");
    assertThat(noteFirs.get("irn").asString()).startsWith("CN000001-");
    // What the stub received (its request journal): the credit note's sign names the invoice.
    HttpResponse<String> signs =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + ports.sandbox() + "/__admin/requests/find"))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"method\":\"POST\",\"url\":\"/firs/api/v1/invoice/sign\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    List<JsonNode> signed =
        JSON.readTree(signs.body())
            .get("requests")
            .valueStream()
            .map(r -> JSON.readTree(r.get("body").asString()))
            .toList();
    assertThat(signed.stream().filter(b -> b.get("irn").asString().equals(irn))).hasSize(1);
    JsonNode noteSign =
        signed.stream()
            .filter(b -> b.get("irn").asString().equals(noteFirs.get("irn").asString()))
            .findFirst()
            .orElseThrow();
    assertThat(noteSign.get("billing_reference").get(0).get("irn").asString()).isEqualTo(irn);
    assertThat(noteSign.get("business_id").asString())
        .isEqualTo(taxpayer.getProperty("business.id"));
  }

  /** A document's FIRS record once FIRS confirmed it (the worker polls every 5 s). */
  private static JsonNode awaitFirsConfirmed(String path) {
    return await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> withKey(path, tenant(0).apiKey()),
            r ->
                r.statusCode() == 200
                    && JSON.readTree(r.body()).get("status").asString().equals("CONFIRMED"))
        .body()
        .transform(JSON::readTree);
  }

  private static java.security.PrivateKey firsPrivateKey() throws Exception {
    String pem = Files.readString(runDir.resolve("firs-sandbox/private-key.pem"));
    byte[] der =
        Base64.getMimeDecoder()
            .decode(pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").strip());
    return java.security.KeyFactory.getInstance("RSA")
        .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(der));
  }

  private static byte[] download(String path) throws Exception {
    HttpResponse<byte[]> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(facts.gatewayUrl() + path))
                .header("X-API-Key", tenant(0).apiKey())
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode())
        .as(path + " answered " + new String(response.body(), StandardCharsets.UTF_8))
        .isEqualTo(200);
    return response.body();
  }

  private static String clientCredentialsToken(String clientId, String secret) throws Exception {
    HttpResponse<String> token =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(facts.gatewayUrl() + "/oauth2/token"))
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(
                                (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
    return JSON.readTree(token.body()).get("access_token").asString();
  }

  private static HttpResponse<String> bearer(String path, String token) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(facts.gatewayUrl() + path))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> withKey(String path, String apiKey) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(facts.gatewayUrl() + path))
            .header("X-API-Key", apiKey)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode send(
      PlatformFacts.Tenant tenant, String method, String path, String body, int expectedStatus)
      throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(facts.gatewayUrl() + path))
                .header("X-API-Key", tenant.apiKey())
                .header("Content-Type", "application/json")
                .method(
                    method,
                    body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as(method + " " + path + ": " + response.body())
        .isEqualTo(expectedStatus);
    return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
  }

  /**
   * Issue 6's scenario: a HubSpot connection by OAuth against the sandbox playing HubSpot's
   * documented endpoints (the services get them through LEDGERLINE_HUBSPOT_* variables), then an
   * app-level v3-signed webhook for that portal at the gateway's /webhooks/hubspot.
   */
  @Test
  @Order(20)
  void aHubSpotAccountConnectedByOAuthReceivesItsPortalsAppWebhooks() throws Exception {
    JsonNode created =
        sendJson(
            tenant(0),
            "POST",
            "/api/v1/connections",
            "{\"platform\":\"hubspot\",\"name\":\"CRM\",\"auth\":\"oauth2\"}",
            201);
    assertThat(created.get("status").asString()).isEqualTo("PENDING_AUTHORIZATION");
    URI authorize = URI.create(created.get("authorizationUrl").asString());
    HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    HttpResponse<String> consent =
        browser.send(
            HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(consent.statusCode()).isEqualTo(302);
    URI redirect = URI.create(consent.headers().firstValue("Location").orElseThrow());
    assertThat(redirect.toString())
        .startsWith(facts.gatewayUrl() + "/oauth/hubspot/callback?code=");

    HttpResponse<String> callback =
        browser.send(
            HttpRequest.newBuilder(redirect).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(callback.statusCode()).as(callback.body()).isEqualTo(200);
    String id = created.get("id").asString();
    JsonNode active = getJson(tenant(0), "/api/v1/connections/" + id, 200);
    assertThat(active.get("status").asString()).isEqualTo("ACTIVE");
    String portal = active.get("account").get("id").asString();
    assertThat(portal).isEqualTo("62515");
    // The token endpoint got a correct authorization-code request (the sandbox's request journal).
    String sandbox = authorize.getScheme() + "://" + authorize.getAuthority();
    sandboxUrl = sandbox;
    HttpResponse<String> journal =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(sandbox + "/__admin/requests/find"))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"method\":\"POST\",\"url\":\"/hubspot/token\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String tokenRequest =
        JSON.readTree(journal.body()).get("requests").get(0).get("body").asString();
    assertThat(tokenRequest)
        .contains("grant_type=authorization_code")
        .contains("code=sandbox-hubspot-code")
        .contains("client_id=sandbox-hubspot-client")
        .contains("client_secret=sandbox-hubspot-secret")
        .contains(
            "redirect_uri="
                + java.net.URLEncoder.encode(
                    facts.gatewayUrl() + "/oauth/hubspot/callback", StandardCharsets.UTF_8));

    String body =
        "[{\"eventId\":901,\"subscriptionId\":12,\"portalId\":"
            + portal
            + ",\"occurredAt\":1764583200000,\"subscriptionType\":\"deal.propertyChange\","
            + "\"attemptNumber\":0,\"objectId\":512,\"propertyName\":\"dealstage\",\"propertyValue\":\"closedwon\"}]";
    String url = facts.gatewayUrl() + "/webhooks/hubspot";
    long now = System.currentTimeMillis();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec("sandbox-hubspot-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String signature =
        Base64.getEncoder()
            .encodeToString(
                mac.doFinal(("POST" + url + body + now).getBytes(StandardCharsets.UTF_8)));
    HttpResponse<String> webhook =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("X-HubSpot-Signature-V3", signature)
                .header("X-HubSpot-Request-Timestamp", Long.toString(now))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(webhook.statusCode()).as(webhook.body()).isEqualTo(202);
    String webhookId = JSON.readTree(webhook.body()).get("id").asString();
    JsonNode logged = getJson(tenant(0), "/api/v1/webhooks/" + webhookId, 200);
    assertThat(logged.toString()).contains(id);
  }

  /**
   * Issue 7's scenario on the connection of issue 6's: a thin HubSpot webhook naming a deal that
   * moved to closedwon is fetched by connector-service from the sandbox (the deal with its line
   * items, company and contact) and becomes exactly one invoice with the deal's lines, its buyer
   * from the company and exact amounts; the same webhook again makes none more.
   */
  @Test
  @Order(21)
  void aThinHubSpotWebhookNamingAWonDealBecomesOneInvoiceFromTheFetchedDeal() throws Exception {
    String body =
        "[{\"eventId\":902,\"subscriptionId\":12,\"portalId\":62515,"
            + "\"occurredAt\":"
            + System.currentTimeMillis()
            + ",\"subscriptionType\":\"deal.propertyChange\","
            + "\"attemptNumber\":0,\"objectId\":1007,\"propertyName\":\"dealstage\","
            + "\"propertyValue\":\"closedwon\"}]";

    assertThat(postHubSpot(body).statusCode()).isEqualTo(202);

    String query = "/api/v1/invoices?platform=hubspot&sourceExternalId=1007";
    JsonNode invoice =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> getJson(tenant(0), query, 200).get("items"), items -> items.size() == 1)
            .get(0);
    assertThat(invoice.get("currency").asString()).isEqualTo("NGN");
    assertThat(new java.math.BigDecimal(invoice.get("subtotal").asString()))
        .isEqualByComparingTo("240.00");
    assertThat(invoice.get("client").get("name").asString()).isEqualTo("Acme Nigeria Ltd");
    assertThat(invoice.get("lines"))
        .extracting(l -> l.get("description").asString())
        .containsExactly("Starter pack");
    assertThat(invoice.get("source").get("externalId").asString()).isEqualTo("1007");
    // Deal 1007 is in no search page of the sandbox: only connector-service's fetch of what the
    // webhook named (GET by id) can have invoiced it.
    assertThat(
            sandboxRequests(
                "{\"method\":\"GET\",\"urlPath\":\"/hubspot/api/crm/v3/objects/deals/1007\"}"))
        .isNotEmpty();

    // The same change delivered again (HubSpot retries): no second invoice.
    assertThat(postHubSpot(body.replace("\"eventId\":902", "\"eventId\":903")).statusCode())
        .isIn(200, 202);
    awaitStillOneInvoice(tenant(0), query);
  }

  /**
   * Issue 7's drill: a historical sync of the sandbox's large Pipedrive account (600 deals, 300 of
   * them won, over 15 slow pages) is mid-way when connector-service is killed with kill -9; started
   * again, the replica takes its lease back under its own name and resumes the RUNNING sync from
   * the cursor of the last page it committed (never from the first page again), and every won deal
   * ends with exactly one invoice.
   */
  @Test
  @Order(22)
  void aSyncKilledWithKillNineMidWayAndRestartedMakesEveryInvoiceOnce() throws Exception {
    String id = connectByOAuth(tenant(1), "pipedrive", "&sandbox_account=large");
    String since = "2026-10-01T00:00:00Z";
    JsonNode started =
        sendJson(
            tenant(1),
            "POST",
            "/api/v1/connections/" + id + "/syncs",
            "{\"since\": \"" + since + "\"}",
            202);
    String syncPath = "/api/v1/connections/" + id + "/syncs/" + started.get("id").asString();

    JsonNode midWay =
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> getJson(tenant(1), syncPath, 200),
                s -> s.get("counts").get("fetched").asInt() >= 120);
    platform.kill("connector-service");
    long killed = System.nanoTime();
    assertThat(midWay.get("status").asString()).isEqualTo("RUNNING");
    assertThat(midWay.get("counts").get("fetched").asInt())
        .as("killed mid-way through the 600 deals")
        .isLessThan(600);
    Duration restart = platform.start("connector-service");

    JsonNode done =
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> getJson(tenant(1), syncPath, 200),
                s -> !s.get("status").asString().matches("QUEUED|RUNNING"));
    assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
    // The first page of the historical pull was asked for once: the restarted service went on
    // from its cursor.
    assertThat(
            sandboxRequests(
                "{\"method\":\"GET\",\"urlPath\":\"/pipedrive/api/api/v2/deals\","
                    + "\"queryParameters\":{\"updated_since\":{\"equalTo\":\""
                    + since
                    + "\"},\"cursor\":{\"absent\":true}}}"))
        .hasSize(1);

    java.util.Set<String> won = new java.util.TreeSet<>();
    for (int n = 2; n <= 600; n += 2) {
      won.add(Long.toString(880_000 + n));
    }
    List<String> invoiced =
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> invoicedDeals(tenant(1), id), deals -> deals.size() >= won.size());
    // Nothing more arrives (a page published twice would make a second invoice here).
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> invoicedDeals(tenant(1), id).size() == won.size());
    assertThat(invoiced).as("one invoice per won deal").doesNotHaveDuplicates();
    assertThat(new java.util.TreeSet<>(invoiced)).isEqualTo(won);
    System.out.printf(
        "kill -9 drill: killed at %d of 600 deals fetched, connector-service ready again in %.1f s,"
            + " sync %s %s after the kill, %d invoices%n",
        midWay.get("counts").get("fetched").asInt(),
        restart.toMillis() / 1000.0,
        done.get("status").asString(),
        Duration.ofNanos(System.nanoTime() - killed),
        invoiced.size());
  }

  /**
   * Issue 7: a Standard Webhooks connection with a JSONata mapping template; a payload signed as
   * the Standard Webhooks spec signs it ({@code webhook-id}, {@code webhook-timestamp}, {@code
   * webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>} with the {@code whsec_} key)
   * becomes one invoice with the amounts the template mapped; delivered again, none more.
   */
  @Test
  @Order(23)
  void aStandardWebhooksPayloadWithAMappingTemplateBecomesOneInvoice() throws Exception {
    JsonNode created =
        sendJson(
            tenant(1),
            "POST",
            "/api/v1/connections",
            "{\"platform\":\"standard-webhooks\",\"name\":\"Shop backend\"}",
            201);
    String id = created.get("id").asString();
    String template =
        "{\"externalId\": data.id, \"currency\": data.currency, \"occurredAt\": timestamp,"
            + " \"customer\": {\"email\": data.customer.email, \"name\": data.customer.name},"
            + " \"lines\": data.items.{\"name\": title, \"unitPrice\": price, \"quantity\":"
            + " qty}}";
    sendJson(
        tenant(1),
        "PUT",
        "/api/v1/connections/" + id + "/mapping",
        JSON.writeValueAsString(Map.of("template", template, "templateEvent", "sale")),
        200);
    String orderId = "SW-" + UUID.randomUUID();
    String body =
        "{\"type\":\"order.paid\",\"timestamp\":\"2026-11-20T15:30:00Z\",\"data\":{\"id\":\""
            + orderId
            + "\",\"currency\":\"EUR\",\"customer\":{\"email\":\"katherine.johnson@example.com\","
            + "\"name\":\"Katherine Johnson\"},\"items\":[{\"title\":\"Rice 5 kg\",\"price\":"
            + "\"12.35\",\"qty\":3},{\"title\":\"Olive oil\",\"price\":\"8.10\",\"qty\":1}]}}";
    String messageId = "msg_" + UUID.randomUUID().toString().replace("-", "");

    HttpResponse<String> accepted =
        postStandardWebhook(created, messageId, body, created.get("webhookSecret").asString());

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String query = "/api/v1/invoices?connectionId=" + id;
    JsonNode invoice =
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> getJson(tenant(1), query, 200).get("items"), items -> items.size() == 1)
            .get(0);
    assertThat(invoice.get("source").get("externalId").asString()).isEqualTo(orderId);
    assertThat(invoice.get("currency").asString()).isEqualTo("EUR");
    // 3 x 12.35 + 8.10 = 45.15, untaxed lines as mapped
    assertThat(new java.math.BigDecimal(invoice.get("subtotal").asString()))
        .isEqualByComparingTo("45.15");
    assertThat(invoice.get("lines"))
        .extracting(l -> l.get("description").asString())
        .containsExactlyInAnyOrder("Rice 5 kg", "Olive oil");
    assertThat(invoice.toString()).contains("katherine.johnson@example.com");

    // The sender retries the same message: acknowledged, no second invoice.
    HttpResponse<String> again =
        postStandardWebhook(created, messageId, body, created.get("webhookSecret").asString());
    assertThat(again.statusCode()).isIn(200, 202);
    awaitStillOneInvoice(tenant(1), query);
  }

  /**
   * Issue 7: a Pipedrive v2 deal webhook carries the deal only (its person and organization as ids,
   * no products). On a connection connected by OAuth2 it asks connector-service to fetch the deal,
   * which reads its products, person and organization from the sandbox playing Pipedrive's v2 API:
   * the invoice's client is the organization, with the person's e-mail, and its lines are the
   * deal's products, not a nameless client with the deal's value.
   */
  @Test
  @Order(24)
  void aPipedriveDealWebhookInvoicesTheDealsOrganizationPersonAndProducts() throws Exception {
    String id = connectByOAuth(tenant(0), "pipedrive", "");
    // What the connection registered at Pipedrive: the URL and the Basic credentials Pipedrive
    // sends with each webhook (the sandbox's request journal has the registration).
    JsonNode registration =
        JSON.readTree(
            sandboxRequests(
                    "{\"method\":\"POST\",\"urlPath\":\"/pipedrive/api/api/v1/webhooks\","
                        + "\"bodyPatterns\":[{\"contains\":\""
                        + id
                        + "\"}]}")
                .get(0)
                .get("body")
                .asString());
    String url = registration.get("subscription_url").asString();
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (registration.get("http_auth_user").asString()
                            + ":"
                            + registration.get("http_auth_password").asString())
                        .getBytes(StandardCharsets.UTF_8));
    String body =
        "{\"meta\":{\"action\":\"change\",\"entity\":\"deal\",\"version\":\"2.0\","
            + "\"company_id\":7431,\"id\":\""
            + UUID.randomUUID()
            + "\",\"entity_id\":4242,\"timestamp\":\""
            + java.time.Instant.now()
            + "\"},\"data\":{\"id\":4242,\"title\":\"Annual support contract\",\"value\":1344.5,"
            + "\"currency\":\"EUR\",\"status\":\"won\",\"stage_id\":5,\"person_id\":31,"
            + "\"org_id\":12,\"update_time\":\"2026-10-04T16:00:00Z\"},"
            + "\"previous\":{\"status\":\"open\"}}";

    HttpResponse<String> accepted =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Authorization", basic)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String query = "/api/v1/invoices?connectionId=" + id + "&sourceExternalId=4242";
    JsonNode listed =
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> getJson(tenant(0), query, 200).get("items"), items -> items.size() == 1)
            .get(0);
    JsonNode invoice = getJson(tenant(0), "/api/v1/invoices/" + listed.get("id").asString(), 200);
    assertThat(invoice.get("client").get("name").asString()).isEqualTo("Acme GmbH");
    assertThat(invoice.toString()).contains("grace@acme.example");
    assertThat(invoice.get("lines"))
        .extracting(l -> l.get("description").asString())
        .containsExactlyInAnyOrder("Support plan (annual)", "Onboarding hours");
    assertThat(invoice.get("currency").asString()).isEqualTo("EUR");
    // 1000 less 10 % = 900.00; 4 x 111.50 less 1.50 = 444.50
    assertThat(new java.math.BigDecimal(invoice.get("subtotal").asString()))
        .isEqualByComparingTo("1344.50");
  }

  /** The requests the sandbox received that match a WireMock request pattern (its journal). */
  private static JsonNode sandboxRequests(String pattern) throws Exception {
    HttpResponse<String> found =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(sandboxUrl + "/__admin/requests/find"))
                .POST(HttpRequest.BodyPublishers.ofString(pattern))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(found.body()).get("requests");
  }

  /** The query's one invoice stays the only one (a redelivery made none more). */
  private static void awaitStillOneInvoice(PlatformFacts.Tenant tenant, String query) {
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(() -> getJson(tenant, query, 200).get("items").size() == 1);
  }

  /** Signs and posts a Standard Webhooks message to the connection's webhook URL. */
  private static HttpResponse<String> postStandardWebhook(
      JsonNode connection, String messageId, String body, String secret) throws Exception {
    long timestamp = System.currentTimeMillis() / 1000;
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    String signature =
        Base64.getEncoder()
            .encodeToString(
                mac.doFinal(
                    (messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(connection.get("webhookUrl").asString()))
            .header("Content-Type", "application/json")
            .header("webhook-id", messageId)
            .header("webhook-timestamp", Long.toString(timestamp))
            .header("webhook-signature", "v1," + signature)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Connects a platform account by OAuth against the sandbox, as a browser follows the consent. */
  private static String connectByOAuth(PlatformFacts.Tenant tenant, String platform, String extra)
      throws Exception {
    JsonNode created =
        sendJson(
            tenant,
            "POST",
            "/api/v1/connections",
            "{\"platform\":\"" + platform + "\",\"name\":\"CRM\",\"auth\":\"oauth2\"}",
            201);
    HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    HttpResponse<String> consent =
        browser.send(
            HttpRequest.newBuilder(URI.create(created.get("authorizationUrl").asString() + extra))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(consent.statusCode()).isEqualTo(302);
    HttpResponse<String> callback =
        browser.send(
            HttpRequest.newBuilder(
                    URI.create(consent.headers().firstValue("Location").orElseThrow()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(callback.statusCode()).as(callback.body()).isEqualTo(200);
    String id = created.get("id").asString();
    assertThat(getJson(tenant, "/api/v1/connections/" + id, 200).get("status").asString())
        .isEqualTo("ACTIVE");
    return id;
  }

  /** The source external id of every invoice of a connection, every page of the list. */
  private static List<String> invoicedDeals(PlatformFacts.Tenant tenant, String connectionId)
      throws Exception {
    List<String> ids = new java.util.ArrayList<>();
    String cursor = null;
    do {
      JsonNode page =
          getJson(
              tenant,
              "/api/v1/invoices?limit=100&connectionId="
                  + connectionId
                  + (cursor == null ? "" : "&cursor=" + cursor),
              200);
      page.get("items").forEach(i -> ids.add(i.get("source").get("externalId").asString()));
      JsonNode next = page.get("nextCursor");
      cursor = next == null || next.isNull() ? null : next.asString();
    } while (cursor != null);
    return ids;
  }

  private static HttpResponse<String> postHubSpot(String body) throws Exception {
    String url = facts.gatewayUrl() + "/webhooks/hubspot";
    long now = System.currentTimeMillis();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec("sandbox-hubspot-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String signature =
        Base64.getEncoder()
            .encodeToString(
                mac.doFinal(("POST" + url + body + now).getBytes(StandardCharsets.UTF_8)));
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .header("X-HubSpot-Signature-V3", signature)
            .header("X-HubSpot-Request-Timestamp", Long.toString(now))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The fault suite's short version (the whole suite: {@code -Pfaults}, {@link PlatformFaultsIT}):
   * {@code kill -9} of sync-worker under a stream of unique signed orders; every order answered 2xx
   * has exactly one invoice, numbers have no gap, no dead letter, and the work resumes within 15 s
   * of sync-worker being ready again.
   */
  @Test
  @Order(90)
  void aStreamOfOrdersSurvivesAKillMinus9OfSyncWorker() throws Exception {
    OrderLedger ledger = new OrderLedger(facts, 1, order, 8_200_000_000_000L);
    long deadLettersBefore = ledger.deadLetters();
    Optional<Duration> resumed;
    try (OrderLedger.Stream stream = ledger.stream(Duration.ofMillis(300))) {
      await().atMost(Duration.ofSeconds(30)).until(() -> !ledger.accepted().isEmpty());
      platform.kill("sync-worker");
      long mark = ledger.mark();
      Duration startUp = platform.start("sync-worker");
      long ready = System.nanoTime();
      resumed = ledger.resumedSince(mark, ready, Duration.ofSeconds(60));
      Optional<Duration> caughtUp = ledger.caughtUpAfter(ready, Duration.ofSeconds(90));
      System.out.printf(
          "[faults] kill -9 sync-worker: ready again in %.1f s, work resumed %s after ready,"
              + " caught up %s after ready%n",
          startUp.toMillis() / 1000.0,
          resumed.map(Duration::toString).orElse("never"),
          caughtUp.map(Duration::toString).orElse("never"));
    }
    OrderLedger.Counts counts = ledger.awaitAllInvoiced(Duration.ofMinutes(2));
    System.out.println("[faults] " + counts.summary());

    assertThat(counts.accepted()).isGreaterThan(0);
    assertThat(counts.lost()).as("accepted orders without an invoice").isEmpty();
    assertThat(counts.duplicated()).as("orders with more than one invoice").isEmpty();
    assertThat(counts.gaps()).as("invoice numbers missing").isEmpty();
    assertThat(ledger.deadLetters()).isEqualTo(deadLettersBefore);
    assertThat(resumed).hasValueSatisfying(d -> assertThat(d).isLessThan(Duration.ofSeconds(15)));
  }

  /**
   * Issue 12: a Salesforce connection's secret is the token in its webhook URL, and its IP
   * allow-list sees the client's address through the gateway, never a forged one. The client calls
   * from this host's non-loopback address, so the gateway (and a direct caller) are told apart from
   * the gateway's own loopback calls, which are the only ones webhook-ingest takes X-Forwarded-For
   * from.
   */
  @Test
  @Order(95)
  void aSalesforceMessageNeedsItsUrlTokenAndTheAllowListSeesTheRealClient() throws Exception {
    String hostAddress = nonLoopbackAddress();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        hostAddress != null, "this host has no non-loopback IPv4 address");
    JsonNode allowsThisHost =
        sendJson(
            tenant(1),
            "POST",
            "/api/v1/connections",
            """
            {"platform": "salesforce", "name": "E2E org",
             "settings": {"organizationId": "00D5e000000E2E1AAA", "allowedSourceIps": "%s/32"}}
            """
                .formatted(hostAddress),
            201);
    JsonNode allowsLoopback =
        sendJson(
            tenant(1),
            "POST",
            "/api/v1/connections",
            """
            {"platform": "salesforce", "name": "E2E org 2",
             "settings": {"organizationId": "00D5e000000E2E2AAA", "allowedSourceIps": "127.0.0.1/32"}}
            """,
            201);
    String url = allowsThisHost.get("webhookUrl").asString();
    String token = allowsThisHost.get("webhookSecret").asString();
    assertThat(url).endsWith("?token=" + token);
    String bare = url.substring(0, url.indexOf('?'));
    byte[] message =
        new String(sample("salesforce-opportunity-won.xml"), StandardCharsets.UTF_8)
            .replace("ORG_ID_PLACEHOLDER", "00D5e000000E2E1AAA")
            .replace("DEAL_ID_PLACEHOLDER", "0065e00000E2E1AAA")
            .getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> noToken = postXml(viaHost(bare, hostAddress), message, null);
    HttpResponse<String> wrongToken =
        postXml(viaHost(bare + "?token=not-the-token", hostAddress), message, null);
    HttpResponse<String> fromLoopback = postXml(url, message, null);
    HttpResponse<String> fromThisHost = postXml(viaHost(url, hostAddress), message, null);

    assertThat(noToken.statusCode()).isEqualTo(401);
    assertThat(noToken.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(wrongToken.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(wrongToken.body()).get("type").asString())
        .endsWith("/invalid-credential");
    // through the gateway the allow-list judges the client's address, not the gateway's
    assertThat(fromLoopback.statusCode()).as(fromLoopback.body()).isEqualTo(401);
    assertThat(fromThisHost.statusCode()).as(fromThisHost.body()).isEqualTo(200);
    assertThat(fromThisHost.body()).contains("<Ack>true</Ack>");

    // straight to webhook-ingest from an address that is not the gateway: X-Forwarded-For ignored
    String loopbackUrl = allowsLoopback.get("webhookUrl").asString();
    String direct =
        viaHost(
            facts.serviceUrls().get("webhook-ingest-service")
                + loopbackUrl.substring(loopbackUrl.indexOf("/webhooks/")),
            hostAddress);
    HttpResponse<String> forged =
        postXml(
            direct,
            new String(message, StandardCharsets.UTF_8)
                .replace("00D5e000000E2E1AAA", "00D5e000000E2E2AAA")
                .getBytes(StandardCharsets.UTF_8),
            "127.0.0.1");
    assertThat(forged.statusCode()).as(forged.body()).isEqualTo(401);
  }

  private static HttpResponse<String> postXml(String url, byte[] body, String forwardedFor)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "text/xml; charset=utf-8")
            .header("SOAPAction", "\"\"");
    if (forwardedFor != null) {
      request.header("X-Forwarded-For", forwardedFor);
    }
    return HTTP.send(
        request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String viaHost(String url, String hostAddress) {
    return url.replace("://localhost:", "://" + hostAddress + ":");
  }

  private static String nonLoopbackAddress() throws Exception {
    for (var nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (var address : java.util.Collections.list(nic.getInetAddresses())) {
        if (address instanceof java.net.Inet4Address && !address.isLoopbackAddress()) {
          return address.getHostAddress();
        }
      }
    }
    return null;
  }

  private static void assertLine(JsonNode line, String net, String tax, String gross) {
    assertThat(line.get("net").asString()).isEqualTo(net);
    assertThat(line.get("tax").asString()).isEqualTo(tax);
    assertThat(line.get("gross").asString()).isEqualTo(gross);
  }

  private static PlatformFacts.Tenant tenant(int index) {
    return facts.tenants().get(index);
  }

  private static String sign(PlatformFacts.Tenant tenant, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            tenant.connections().get(0).webhookSecret().getBytes(StandardCharsets.UTF_8),
            "HmacSHA256"));
    return Base64.getEncoder().encodeToString(mac.doFinal(body));
  }

  private static HttpResponse<String> postOrder(
      PlatformFacts.Tenant tenant, String deliveryId, String signature) throws Exception {
    return post(tenant, "orders/paid", deliveryId, signature, order);
  }

  private static HttpResponse<String> post(
      PlatformFacts.Tenant tenant, String topic, String deliveryId, byte[] body) throws Exception {
    return post(tenant, topic, deliveryId, sign(tenant, body), body);
  }

  private static HttpResponse<String> post(
      PlatformFacts.Tenant tenant, String topic, String deliveryId, String signature, byte[] body)
      throws Exception {
    return post(tenant, topic, deliveryId, signature, body, null);
  }

  private static HttpResponse<String> post(
      PlatformFacts.Tenant tenant,
      String topic,
      String deliveryId,
      String signature,
      byte[] body,
      String traceparent)
      throws Exception {
    PlatformFacts.Connection shop = tenant.connections().get(0);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(shop.webhookUrl()));
    if (traceparent != null) {
      request.header("traceparent", traceparent);
    }
    return HTTP.send(
        request
            .header("Content-Type", "application/json")
            .header("X-Shopify-Topic", topic)
            .header("X-Shopify-Shop-Domain", shop.shopDomain())
            .header("X-Shopify-Webhook-Id", deliveryId)
            .header("X-Shopify-Hmac-Sha256", signature)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static byte[] sample(String name) throws Exception {
    return Files.readAllBytes(
        Path.of("")
            .toAbsolutePath()
            .getParent()
            .getParent()
            .resolve("deploy/local/samples/" + name));
  }

  private static JsonNode sendJson(
      PlatformFacts.Tenant tenant, String method, String path, String body, int expectedStatus)
      throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(facts.gatewayUrl() + path))
                .header("X-API-Key", tenant.apiKey())
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as(path + " answered " + response.body())
        .isEqualTo(expectedStatus);
    return JSON.readTree(response.body());
  }

  private static JsonNode getJson(PlatformFacts.Tenant tenant, String path, int expectedStatus)
      throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(facts.gatewayUrl() + path))
                .header("X-API-Key", tenant.apiKey())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as(path + " answered " + response.body())
        .isEqualTo(expectedStatus);
    return JSON.readTree(response.body());
  }

  private static List<JsonNode> awaitInvoices(PlatformFacts.Tenant tenant, int count) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> getJson(tenant, "/api/v1/invoices", 200).get("items").valueStream().toList(),
            items -> items.size() >= count);
  }

  /** Waits until invoice-service has consumed every invoice command written so far. */
  private static void awaitInvoiceServiceCaughtUp(long commands) {
    Properties props = new Properties();
    props.put("bootstrap.servers", facts.kafkaBootstrapServers());
    try (Admin admin = Admin.create(props)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () ->
                  commandsWritten(admin) >= commands
                      && consumedByInvoiceService(admin) >= commandsWritten(admin));
    }
  }

  private static long commandsWritten(Admin admin) throws Exception {
    var partitions =
        admin
            .describeTopics(List.of("billing.invoice-commands.v1"))
            .allTopicNames()
            .get()
            .get("billing.invoice-commands.v1")
            .partitions()
            .stream()
            .map(p -> new TopicPartition("billing.invoice-commands.v1", p.partition()))
            .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
    return admin.listOffsets(partitions).all().get().values().stream()
        .mapToLong(info -> info.offset())
        .sum();
  }

  private static long consumedByInvoiceService(Admin admin) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        admin.listConsumerGroupOffsets("invoice-service").partitionsToOffsetAndMetadata().get();
    return offsets.entrySet().stream()
        .filter(e -> e.getKey().topic().equals("billing.invoice-commands.v1"))
        .filter(e -> e.getValue() != null)
        .mapToLong(e -> e.getValue().offset())
        .sum();
  }

  private static ConsumerRecord<String, byte[]> firstRecord(String topic) {
    Properties props = new Properties();
    props.put("bootstrap.servers", facts.kafkaBootstrapServers());
    props.put("group.id", "e2e-" + UUID.randomUUID());
    props.put("auto.offset.reset", "earliest");
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      return await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                var records = consumer.poll(Duration.ofMillis(500));
                return records.isEmpty() ? null : records.iterator().next();
              },
              record -> record != null);
    }
  }
}
