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
import javax.crypto.Cipher;
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
 * documented form and a QR payload that FIRS's private key opens, shown by the API and printed on
 * the PDF.
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
  void issuedDocumentsGetOneIrnAndAQrPayloadThatDecryptsToIt() throws Exception {
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
    Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
    cipher.init(Cipher.DECRYPT_MODE, firs.getPrivate());
    String plaintext =
        new String(
            cipher.doFinal(Base64.getDecoder().decode(record.get("qrPayload").asString())),
            StandardCharsets.UTF_8);
    assertThat(plaintext)
        .matches(
            "\\{\"irn\":\"INV000001-94ND90NR-20261120\\.\\d{10}\",\"certificate\":\"Y2VydGlmaWNhdGU=\"}");

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

    // The PDF prints the QR with its IRN.
    HttpResponse<byte[]> pdf =
        http.send(
            request("/api/v1/invoices/" + id + "/pdf").GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
      var stripper = new org.apache.pdfbox.text.PDFTextStripper();
      assertThat(stripper.getText(document)).contains("INV000001-94ND90NR-20261120");
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

  private InvoiceCommand command(String externalId) {
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
    return HttpRequest.newBuilder(
            URI.create(
                "http://localhost:"
                    + environment.getRequiredProperty("local.server.port", Integer.class)
                    + path))
        .header("Authorization", "Bearer " + TestJwts.token(tenant, ALL));
  }

  private HttpResponse<String> send(String method, String path, String body, Integer status) {
    try {
      HttpRequest.Builder request =
          request(path)
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
