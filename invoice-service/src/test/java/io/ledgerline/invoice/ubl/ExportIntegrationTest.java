package io.ledgerline.invoice.ubl;

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
import java.time.Duration;
import java.time.Instant;
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
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Invoices and credit notes made the way the service makes them (commands through Kafka, credit
 * notes through the API), downloaded as PDF (read back with PDFBox) and as UBL over HTTP, the UBL
 * validated by phive: zero errors under the EN 16931 UBL rules, and for a B2B invoice (electronic
 * addresses on both parties) under the Peppol BIS Billing 3.0 rules too. Each test has a tenant of
 * its own.
 */
@LedgerlineIntegrationTest
class ExportIntegrationTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String ALL = "invoices:read invoices:write settings:read settings:write";
  private static final String SELLER =
      """
      {"legalName": "Demo Coffee Ltd", "tradingName": "Demo Coffee", "taxId": "12345678-0001",
       "address": {"line1": "1 Marina", "city": "Lagos", "postalCode": "101001", "country": "NG"},
       "email": "billing@demo.example", "phone": "+2348000000000",
       "bank": {"bankName": "Demo Bank", "accountName": "Demo Coffee Ltd",
                "accountNumber": "0123456789"}%s}
      """;

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

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private final String tenant = "u-" + UUID.randomUUID().toString().substring(0, 8);
  private TestTopics topics;

  @BeforeEach
  void connect() {
    topics =
        new TestTopics(
            String.join(",", kafka.getBootstrapServers()), codec::serialize, codec::deserialize);
  }

  @AfterEach
  void disconnect() {
    topics.close();
  }

  @Test
  void anInvoiceAndItsCreditNotesDownloadAsUblThatEn16931Accepts() {
    put("/api/v1/settings/invoicing", SELLER.formatted(""));
    send(command("order-1", "NG", "98765432-0001").build());
    String id = awaitInvoice("order-1").get("id").asString();

    HttpResponse<String> xml = get("/api/v1/invoices/" + id, "application/xml");
    assertThat(xml.statusCode()).as(xml.body()).isEqualTo(200);
    assertThat(xml.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/xml");
    byte[] invoice = xml.body().getBytes(StandardCharsets.UTF_8);
    assertThat(Phive.en16931InvoiceErrors(invoice)).isEmpty();
    assertThat(xml.body())
        .contains("<cbc:ID>INV-000001</cbc:ID>")
        .contains("<cbc:CompanyID>NG12345678-0001</cbc:CompanyID>")
        .contains("<cbc:CompanyID>NG98765432-0001</cbc:CompanyID>")
        .contains("<cbc:PayableAmount currencyID=\"NGN\">11287.50</cbc:PayableAmount>");
    // The /ubl path is the same document; JSON stays the default.
    assertThat(get("/api/v1/invoices/" + id + "/ubl", "*/*").body()).isEqualTo(xml.body());
    assertThat(get("/api/v1/invoices/" + id, "application/json").body()).startsWith("{");
    assertThat(get("/api/v1/invoices/" + id, "*/*").body()).startsWith("{");

    String byLine =
        post(
            "/api/v1/invoices/" + id + "/credit-notes",
            "{\"reason\": \"Returned\", \"lines\": [{\"line\": 1, \"quantity\": \"1\"}]}",
            "cn-1");
    String byAmount =
        post("/api/v1/invoices/" + id + "/credit-notes", "{\"amount\": \"1000.00\"}", "cn-2");
    String rest = post("/api/v1/invoices/" + id + "/credit-notes", "{\"full\": true}", "cn-3");
    for (String note : List.of(byLine, byAmount, rest)) {
      HttpResponse<String> credit = get("/api/v1/credit-notes/" + note, "application/xml");
      assertThat(credit.statusCode()).as(credit.body()).isEqualTo(200);
      assertThat(Phive.en16931CreditNoteErrors(credit.body().getBytes(StandardCharsets.UTF_8)))
          .as(credit.body())
          .isEmpty();
      assertThat(credit.body())
          .contains("<CreditNote ")
          .contains("<cac:InvoiceDocumentReference>")
          .contains("<cbc:ID>INV-000001</cbc:ID>");
      assertThat(get("/api/v1/credit-notes/" + note + "/ubl", "*/*").body())
          .isEqualTo(credit.body());
    }
  }

  @Test
  void anInvoiceAndItsCreditNoteDownloadAsPdfWithTheirText() throws Exception {
    put("/api/v1/settings/invoicing", SELLER.formatted(""));
    send(command("order-4", "NG", "98765432-0001").build());
    String id = awaitInvoice("order-4").get("id").asString();
    String note =
        post(
            "/api/v1/invoices/" + id + "/credit-notes",
            "{\"reason\": \"Damaged\", \"amount\": \"1075.00\"}",
            "cn-1");

    HttpResponse<byte[]> pdf = getBytes("/api/v1/invoices/" + id, "application/pdf");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
    assertThat(pdfText(pdf.body()))
        .contains(
            "Invoice", "INV-000001", "Demo Coffee Ltd", "Ada Lovelace Ltd", "Widget", "Shipping")
        .contains("9,500.00", "NGN 11,287.50")
        .contains("Eleven thousand two hundred eighty-seven naira and fifty kobo only")
        .contains("0123456789");
    assertThat(getBytes("/api/v1/invoices/" + id + "/pdf", "*/*").statusCode()).isEqualTo(200);

    HttpResponse<byte[]> credit = getBytes("/api/v1/credit-notes/" + note + "/pdf", "*/*");
    assertThat(credit.statusCode()).isEqualTo(200);
    assertThat(pdfText(credit.body()))
        .contains("Credit note", "CN-000001", "INV-000001", "Damaged", "NGN 1,075.00");
    assertThat(
            getBytes("/api/v1/credit-notes/" + UUID.randomUUID(), "application/pdf").statusCode())
        .isEqualTo(404);
  }

  private static String pdfText(byte[] pdf) throws java.io.IOException {
    try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      var stripper = new org.apache.pdfbox.text.PDFTextStripper();
      stripper.setSortByPosition(true);
      return stripper.getText(document).replaceAll("\\s+", " ");
    }
  }

  private HttpResponse<byte[]> getBytes(String path, String accept) {
    try {
      return http.send(
          HttpRequest.newBuilder(uri(path))
              .header("Accept", accept)
              .header("Authorization", "Bearer " + TestJwts.token(tenant, ALL))
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aB2bInvoiceWithBothElectronicAddressesIsAlsoValidPeppolBisBilling3() {
    put(
        "/api/v1/settings/invoicing",
        SELLER.formatted(
            ", \"electronicAddress\": {\"scheme\": \"0088\", \"id\": \"5901234123457\"}"));
    put(
        "/api/v1/settings/invoicing/clients/client-1",
        "{\"electronicAddress\": {\"scheme\": \"0088\", \"id\": \"7312345000014\"}}");
    send(command("order-2", "NG", "98765432-0001").build());
    JsonNode summary = awaitInvoice("order-2");
    assertThat(summary.get("client").get("electronicAddress").get("id").asString())
        .isEqualTo("7312345000014");
    String id = summary.get("id").asString();

    byte[] invoice =
        get("/api/v1/invoices/" + id + "/ubl", "*/*").body().getBytes(StandardCharsets.UTF_8);
    assertThat(Phive.en16931InvoiceErrors(invoice)).isEmpty();
    assertThat(Phive.peppolInvoiceErrors(invoice)).isEmpty();

    String note =
        post("/api/v1/invoices/" + id + "/credit-notes", "{\"amount\": \"500.00\"}", "cn-1");
    byte[] credit =
        get("/api/v1/credit-notes/" + note + "/ubl", "*/*").body().getBytes(StandardCharsets.UTF_8);
    assertThat(Phive.en16931CreditNoteErrors(credit)).isEmpty();
    assertThat(Phive.peppolCreditNoteErrors(credit)).isEmpty();
  }

  @Test
  void anInvoiceLackingWhatEn16931RequiresIsA422NamingTheBusinessTerms() {
    // No settings: no seller at all; and a buyer without a country.
    send(command("order-3", null, null).build());
    String id = awaitInvoice("order-3").get("id").asString();

    HttpResponse<String> response = get("/api/v1/invoices/" + id, "application/xml");

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("type").asString())
        .isEqualTo("https://ledgerline.io/problems/incomplete-e-invoice");
    assertThat(problem.get("missingTerms").valueStream().map(JsonNode::asString).toList())
        .contains("BT-27", "BT-40", "BT-31", "BT-55");
    assertThat(get("/api/v1/invoices/" + UUID.randomUUID() + "/ubl", "*/*").statusCode())
        .isEqualTo(404);
  }

  private InvoiceCommand.Builder command(String externalId, String country, String taxId) {
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
                .setEmail("ada@example.com")
                .setTaxId(taxId)
                .setAddress(
                    io.ledgerline.events.Address.newBuilder()
                        .setLine1("2 Broad St")
                        .setCity("Lagos")
                        .setCountry(country)
                        .build())
                .build())
        .setCurrency("NGN")
        .setTaxesIncluded(false)
        .setLines(
            List.of(
                LineItem.newBuilder()
                    .setSku("W-1")
                    .setName("Widget")
                    .setQuantity(Amounts.quantity(new BigDecimal("2")))
                    .setUnitPrice(Amounts.money(new BigDecimal("5000.00"), "NGN"))
                    .setDiscount(Amounts.money(new BigDecimal("500.00"), "NGN"))
                    .setTaxRate(Amounts.rate(new BigDecimal("0.075")))
                    .build()))
        .setShipping(Amounts.money(new BigDecimal("1000.00"), "NGN"))
        .setIssuedAt(Instant.parse("2026-11-20T10:15:30Z"));
  }

  private void send(InvoiceCommand command) {
    topics.send(
        Topics.INVOICE_COMMANDS,
        Topics.sourceKey(
            command.getTenantId(),
            command.getSource().getPlatform(),
            command.getSource().getExternalId()),
        command);
  }

  private JsonNode awaitInvoice(String externalId) {
    return Awaitility.await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                json.readTree(
                        get("/api/v1/invoices?sourceExternalId=" + externalId, "application/json")
                            .body())
                    .get("items"),
            items -> items != null && items.size() == 1)
        .get(0);
  }

  private HttpResponse<String> get(String path, String accept) {
    return exchange(HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET());
  }

  private void put(String path, String body) {
    HttpResponse<String> response =
        exchange(
            HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  /** Issues a credit note by API; its id. */
  private String post(String path, String body, String key) {
    HttpResponse<String> response =
        exchange(
            HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json.readTree(response.body()).get("id").asString();
  }

  private HttpResponse<String> exchange(HttpRequest.Builder request) {
    try {
      return http.send(
          request.header("Authorization", "Bearer " + TestJwts.token(tenant, ALL)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create(
        "http://localhost:"
            + environment.getRequiredProperty("local.server.port", Integer.class)
            + path);
  }
}
