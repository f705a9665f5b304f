package io.ledgerline.invoice.firs;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.events.Amounts;
import io.ledgerline.events.InvoiceAction;
import io.ledgerline.events.InvoiceCommand;
import io.ledgerline.events.LineItem;
import io.ledgerline.events.Party;
import io.ledgerline.events.Platform;
import io.ledgerline.events.SourceRef;
import io.ledgerline.events.Topics;
import io.ledgerline.platform.service.kafka.AvroCodec;
import io.ledgerline.platform.test.LedgerlineIntegrationTest;
import io.ledgerline.platform.test.TestJwts;
import io.ledgerline.platform.test.TestTopics;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With FIRS enabled, every invoice and credit note the service issues gets one IRN of the
 * documented form, shown by the API (its QR payload comes with signing: {@link
 * FirsSubmissionIntegrationTest}); IRNs are unique per tenant, so tenants never block each other.
 */
@LedgerlineIntegrationTest
class FirsIrnIntegrationTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String ALL = "invoices:read invoices:write settings:read settings:write";

  @TestConfiguration
  static class Tokens {
    @Bean
    JwtDecoder jwtDecoder() {
      return TestJwts.decoder();
    }
  }

  @Autowired AvroCodec codec;
  @Autowired KafkaProperties kafka;
  @Autowired Environment environment;
  @Autowired JdbcClient jdbc;
  @Autowired AssignIrn assignIrn;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private final String tenant = "i-" + UUID.randomUUID().toString().substring(0, 8);
  private TestTopics topics;
  private KeyPair firs;

  @BeforeEach
  void connect() throws Exception {
    topics =
        new TestTopics(
            String.join(",", kafka.getBootstrapServers()), codec::serialize, codec::deserialize);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    firs = generator.generateKeyPair();
  }

  @AfterEach
  void disconnect() {
    topics.close();
  }

  @Test
  void issuedDocumentsGetOneIrnEach() throws Exception {
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(firs.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    String cryptoKeys =
        "{\"public_key\":\""
            + Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII))
            + "\",\"certificate\":\"Y2VydGlmaWNhdGU=\"}";
    send(
        "PUT",
        "/api/v1/settings/invoicing",
        "{\"legalName\": \"Demo Coffee Ltd\", \"taxId\": \"12345678-0001\","
            + " \"address\": {\"city\": \"Lagos\", \"country\": \"NG\"}}",
        200);
    send(
        "PUT",
        "/api/v1/settings/firs",
        "{\"enabled\": true, \"environment\": \"SANDBOX\", \"baseUrl\": \"http://localhost:9\","
            + " \"businessId\": \""
            + UUID.randomUUID()
            + "\", \"serviceId\": \"94ND90NR\","
            + " \"apiKey\": \"k\", \"apiSecret\": \"s\", \"cryptoKeys\": "
            + json.writeValueAsString(cryptoKeys)
            + "}",
        200);
    topics.send(
        Topics.INVOICE_COMMANDS,
        Topics.sourceKey(tenant, Platform.SHOPIFY, "order-1"),
        command("order-1"));
    String id =
        Awaitility.await()
            .atMost(WAIT)
            .until(
                () ->
                    json.readTree(
                            send("GET", "/api/v1/invoices?sourceExternalId=order-1", null, 200)
                                .body())
                        .get("items"),
                items -> items.size() == 1)
            .get(0)
            .get("id")
            .asString();

    JsonNode record =
        Awaitility.await()
            .atMost(WAIT)
            .until(
                () -> send("GET", "/api/v1/invoices/" + id + "/firs", null, null),
                r -> r.statusCode() == 200)
            .body()
            .transform(json::readTree);
    assertThat(record.get("irn").asString()).isEqualTo("INV000001-94ND90NR-20261120");
    assertThat(record.get("status").asString()).isEqualTo("PENDING");
    assertThat(record.get("history")).hasSize(1);
    // The QR payload carries the signing time: none before FIRS signs (FIRS is unreachable here).
    assertThat(record.get("qrPayload").isNull()).isTrue();

    // Never two IRNs: a second assignment (a redelivered event, another replica) changes nothing.
    assertThat(
            assignIrn.assign(
                new AssignIrn.Document(
                    tenant,
                    UUID.fromString(id),
                    "INVOICE",
                    "INV-000001",
                    LocalDate.of(2026, 11, 20))))
        .isFalse();
    assertThat(
            jdbc.sql("SELECT count(*) FROM firs_documents WHERE tenant_id = :t")
                .param("t", tenant)
                .query(Long.class)
                .single())
        .isEqualTo(1);

    // Without a QR payload the PDF prints no QR (FirsSubmissionIntegrationTest: once signed).
    HttpResponse<byte[]> pdf =
        http.send(
            request("/api/v1/invoices/" + id + "/pdf").GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
      var stripper = new org.apache.pdfbox.text.PDFTextStripper();
      assertThat(stripper.getText(document)).doesNotContain("INV000001-94ND90NR-20261120");
    }

    // A credit note gets its own.
    String note =
        json.readTree(
                send(
                        "POST",
                        "/api/v1/invoices/" + id + "/credit-notes",
                        "{\"amount\": \"100.00\"}",
                        201)
                    .body())
            .get("id")
            .asString();
    JsonNode credit =
        Awaitility.await()
            .atMost(WAIT)
            .until(
                () -> send("GET", "/api/v1/credit-notes/" + note + "/firs", null, null),
                r -> r.statusCode() == 200)
            .body()
            .transform(json::readTree);
    assertThat(credit.get("irn").asString()).startsWith("CN000001-94ND90NR-");
  }

  @Test
  void twoTenantsWithOneServiceIdBothGetTheirIrnAndNeitherBlocksTheOther() throws Exception {
    // Two tenants configured with one service id (one taxpayer twice, or a typo): their first
    // invoices, issued the same day, have the same IRN. Each tenant has it; FIRS judges the rest.
    String other = "i-" + UUID.randomUUID().toString().substring(0, 8);
    String serviceId = "C0LL1DE5";
    for (String t : List.of(tenant, other)) {
      enableFirs(t, serviceId);
      topics.send(
          Topics.INVOICE_COMMANDS,
          Topics.sourceKey(t, Platform.SHOPIFY, "order-1"),
          command(t, "order-1"));
    }
    String irn = "INV000001-" + serviceId + "-20261120";
    for (String t : List.of(tenant, other)) {
      assertThat(awaitIrn(t, "order-1")).isEqualTo(irn);
    }
    // The listener goes on: the next invoice of each tenant gets its IRN too.
    for (String t : List.of(other, tenant)) {
      topics.send(
          Topics.INVOICE_COMMANDS,
          Topics.sourceKey(t, Platform.SHOPIFY, "order-2"),
          command(t, "order-2"));
    }
    for (String t : List.of(tenant, other)) {
      assertThat(awaitIrn(t, "order-2")).isEqualTo("INV000002-" + serviceId + "-20261120");
    }
    assertThat(
            jdbc.sql("SELECT count(*) FROM firs_documents WHERE irn = :irn")
                .param("irn", irn)
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  private void enableFirs(String asTenant, String serviceId) throws Exception {
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(firs.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    String cryptoKeys =
        "{\"public_key\":\""
            + Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII))
            + "\",\"certificate\":\"Y2VydGlmaWNhdGU=\"}";
    send(
        asTenant,
        "PUT",
        "/api/v1/settings/firs",
        "{\"enabled\": true, \"environment\": \"SANDBOX\", \"baseUrl\": \"http://localhost:9\","
            + " \"businessId\": \""
            + UUID.randomUUID()
            + "\", \"serviceId\": \""
            + serviceId
            + "\", \"apiKey\": \"k\", \"apiSecret\": \"s\", \"cryptoKeys\": "
            + json.writeValueAsString(cryptoKeys)
            + "}",
        200);
  }

  private String awaitIrn(String asTenant, String externalId) {
    String id =
        Awaitility.await()
            .atMost(WAIT)
            .until(
                () ->
                    json.readTree(
                            send(
                                    asTenant,
                                    "GET",
                                    "/api/v1/invoices?sourceExternalId=" + externalId,
                                    null,
                                    200)
                                .body())
                        .get("items"),
                items -> items.size() == 1)
            .get(0)
            .get("id")
            .asString();
    return Awaitility.await()
        .atMost(WAIT)
        .until(
            () -> send(asTenant, "GET", "/api/v1/invoices/" + id + "/firs", null, null),
            r -> r.statusCode() == 200)
        .body()
        .transform(json::readTree)
        .get("irn")
        .asString();
  }

  private InvoiceCommand command(String externalId) {
    return command(tenant, externalId);
  }

  private InvoiceCommand command(String tenant, String externalId) {
    return InvoiceCommand.newBuilder()
        .setCommandId(UUID.randomUUID().toString())
        .setTenantId(tenant)
        .setAction(InvoiceAction.ISSUE)
        .setSource(
            SourceRef.newBuilder()
                .setPlatform(Platform.SHOPIFY)
                .setConnectionId("conn-1")
                .setExternalId(externalId)
                .setReference("#1001")
                .setEventId(UUID.randomUUID().toString())
                .build())
        .setClientId("client-1")
        .setClient(
            Party.newBuilder()
                .setName("Ada Lovelace Ltd")
                .setAddress(io.ledgerline.events.Address.newBuilder().setCountry("NG").build())
                .build())
        .setCurrency("NGN")
        .setTaxesIncluded(false)
        .setLines(
            List.of(
                LineItem.newBuilder()
                    .setName("Widget")
                    .setQuantity(Amounts.quantity(new BigDecimal("2")))
                    .setUnitPrice(Amounts.money(new BigDecimal("5000.00"), "NGN"))
                    .setTaxRate(Amounts.rate(new BigDecimal("0.075")))
                    .build()))
        .setIssuedAt(Instant.parse("2026-11-20T10:15:30Z"))
        .build();
  }

  private HttpRequest.Builder request(String path) {
    return request(tenant, path);
  }

  private HttpRequest.Builder request(String tenant, String path) {
    return HttpRequest.newBuilder(
            URI.create(
                "http://localhost:"
                    + environment.getRequiredProperty("local.server.port", Integer.class)
                    + path))
        .header("Authorization", "Bearer " + TestJwts.token(tenant, ALL));
  }

  private HttpResponse<String> send(String method, String path, String body, Integer status) {
    return send(tenant, method, path, body, status);
  }

  private HttpResponse<String> send(
      String tenant, String method, String path, String body, Integer status) {
    try {
      HttpRequest.Builder request =
          request(tenant, path)
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(body));
      if (body != null) {
        request.header("Content-Type", "application/json").header("Idempotency-Key", "k-1");
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (status != null) {
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(status);
      }
      return response;
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
