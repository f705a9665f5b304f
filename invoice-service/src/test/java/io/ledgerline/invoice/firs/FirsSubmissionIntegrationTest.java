package io.ledgerline.invoice.firs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
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
 * The submission to FIRS, against WireMock playing the MBS endpoints from their documented shapes
 * ({@code shared/reference/firs-mbs.md}): the steps in order with the API key headers, retries
 * through an outage without a second IRN or sign, and a rejection that the tenant fixes and
 * resubmits.
 */
@LedgerlineIntegrationTest
class FirsSubmissionIntegrationTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String ALL = "invoices:read invoices:write settings:read settings:write";
  private static final String OK = "{\"code\":200,\"data\":{\"ok\":true}}";
  private static final String CREATED = "{\"code\":201,\"data\":{\"ok\":true}}";

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

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private final String tenant = "s-" + UUID.randomUUID().toString().substring(0, 8);
  private final String businessId = UUID.randomUUID().toString();
  // IRNs are unique across tenants (service ids are per taxpayer): each test has its own.
  private final String serviceId =
      UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
  private final String irn = "INV000001-" + serviceId + "-20261120";
  private final WireMockServer firs =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());
  private TestTopics topics;
  // FIRS's key pair in the tenant's crypto_keys file: the private key opens the QR payload.
  private KeyPair firsKeys;

  @BeforeEach
  void start() {
    firs.start();
    topics =
        new TestTopics(
            String.join(",", kafka.getBootstrapServers()), codec::serialize, codec::deserialize);
    FirsLists.stub(firs);
    firs.stubFor(post(urlEqualTo("/api/v1/invoice/irn/validate")).willReturn(json(200, OK)));
    firs.stubFor(post(urlPathMatching("/api/v1/invoice/transmit/.*")).willReturn(json(200, OK)));
    firs.stubFor(
        get(urlPathMatching("/api/v1/invoice/confirm/.*"))
            .willReturn(
                json(200, "{\"code\":200,\"data\":{\"transmitted\":true,\"delivered\":false}}")));
  }

  @AfterEach
  void stop() {
    topics.close();
    firs.stop();
  }

  @Test
  void aDocumentGoesToConfirmedWithTheStepsInOrder() throws Exception {
    firs.stubFor(post(urlEqualTo("/api/v1/invoice/validate")).willReturn(json(201, CREATED)));
    firs.stubFor(post(urlEqualTo("/api/v1/invoice/sign")).willReturn(json(201, CREATED)));
    configure(businessId);
    String id = issue();

    JsonNode record = awaitStatus("/api/v1/invoices/" + id + "/firs", "CONFIRMED");
    assertThat(record.get("irn").asString()).isEqualTo(irn);
    assertThat(statuses(record))
        .containsExactly("PENDING", "VALIDATED", "SIGNED", "TRANSMITTED", "CONFIRMED");
    // The QR payload opens with FIRS's private key to "<IRN>.<Unix seconds at signing>" and the
    // certificate (FIRS "IRN Signing"); the time is the SIGNED step's.
    Instant signedAt = Instant.parse(record.get("signedAt").asString());
    assertThat(decrypt(record.get("qrPayload").asString()))
        .isEqualTo(
            "{\"irn\":\""
                + irn
                + "."
                + signedAt.getEpochSecond()
                + "\",\"certificate\":\"Y2VydGlmaWNhdGU=\"}");
    assertThat(signedAt.getEpochSecond()).isEqualTo(stepAt(record, "SIGNED").getEpochSecond());
    assertThat(signedAt).isAfter(stepAt(record, "VALIDATED").minusMillis(1));
    // The PDF prints the QR code with the IRN as its caption.
    HttpResponse<byte[]> pdf =
        http.send(
            authorized("/api/v1/invoices/" + id + "/pdf").GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    java.nio.file.Path printed = java.nio.file.Path.of("target/pdf/firs-invoice.pdf");
    java.nio.file.Files.createDirectories(printed.getParent());
    java.nio.file.Files.write(printed, pdf.body());
    try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains(irn);
      assertThat(document.getPage(0).getResources().getXObjectNames().iterator().hasNext())
          .as("the QR image")
          .isTrue();
    }

    var headers =
        List.of("/api/v1/invoice/irn/validate", "/api/v1/invoice/validate", "/api/v1/invoice/sign");
    for (String path : headers) {
      firs.verify(
          1,
          postRequestedFor(urlEqualTo(path))
              .withHeader("x-api-key", equalTo("key-1"))
              .withHeader("x-api-secret", equalTo("secret-1"))
              .withHeader("Content-Type", equalTo("application/json")));
    }
    firs.verify(
        1,
        postRequestedFor(urlEqualTo("/api/v1/invoice/irn/validate"))
            .withRequestBody(
                equalToJson(
                    "{\"business_id\":\""
                        + businessId
                        + "\",\"invoice_reference\":\"INV000001\",\"irn\":\""
                        + irn
                        + "\"}")));
    for (String path : List.of("/api/v1/invoice/validate", "/api/v1/invoice/sign")) {
      firs.verify(
          1,
          postRequestedFor(urlEqualTo(path))
              .withRequestBody(matchingJsonPath("$.business_id", equalTo(businessId)))
              .withRequestBody(matchingJsonPath("$.irn", equalTo(irn)))
              .withRequestBody(matchingJsonPath("$.issue_date", equalTo("2026-11-20")))
              .withRequestBody(matchingJsonPath("$.invoice_type_code", equalTo("381")))
              .withRequestBody(matchingJsonPath("$.document_currency_code", equalTo("NGN")))
              .withRequestBody(matchingJsonPath("$.tax_currency_code", equalTo("NGN")))
              .withRequestBody(
                  matchingJsonPath("$.accounting_supplier_party.tin", equalTo("12345678-0001")))
              .withRequestBody(
                  matchingJsonPath(
                      "$.accounting_supplier_party.email", equalTo("billing@demo.example")))
              .withRequestBody(
                  matchingJsonPath("$.accounting_customer_party.tin", equalTo("87654321-0001")))
              .withRequestBody(
                  matchingJsonPath("$.accounting_customer_party.email", equalTo("ada@example.com")))
              .withRequestBody(
                  matchingJsonPath(
                      "$.tax_total[0].tax_subtotal[0].tax_category.id", equalTo("STANDARD_VAT")))
              .withRequestBody(
                  matchingJsonPath(
                      "$.tax_total[0].tax_subtotal[0].tax_category.percent", equalTo("7.5")))
              .withRequestBody(matchingJsonPath("$.tax_total[0].tax_amount", equalTo("750.0")))
              .withRequestBody(
                  matchingJsonPath("$.legal_monetary_total.payable_amount", equalTo("10750.0")))
              .withRequestBody(
                  matchingJsonPath(
                      "$.legal_monetary_total.line_extension_amount", equalTo("10000.0")))
              .withRequestBody(matchingJsonPath("$.invoice_line[0].item.name", equalTo("Widget")))
              .withRequestBody(
                  matchingJsonPath("$.invoice_line[0].invoiced_quantity", equalTo("2")))
              // FIRS's code for a credit transfer, by meaning from its payment-means list.
              .withRequestBody(
                  matchingJsonPath("$.payment_means[0].payment_means_code", equalTo("30")))
              .withRequestBody(
                  matchingJsonPath("$.payment_means[0].payment_due_date", equalTo("2026-12-20"))));
    }
    firs.verify(1, postRequestedFor(urlEqualTo("/api/v1/invoice/transmit/" + irn)));
    firs.verify(
        1,
        getRequestedFor(urlEqualTo("/api/v1/invoice/confirm/" + irn))
            .withHeader("x-api-key", equalTo("key-1")));

    // A credit note: FIRS's credit note type, and the billing reference to the invoice's IRN.
    String note =
        json.readTree(
                send(
                        "POST",
                        "/api/v1/invoices/" + id + "/credit-notes",
                        "{\"amount\": \"1075.00\"}",
                        201)
                    .body())
            .get("id")
            .asString();
    JsonNode credit = awaitStatus("/api/v1/credit-notes/" + note + "/firs", "CONFIRMED");
    firs.verify(
        1,
        postRequestedFor(urlEqualTo("/api/v1/invoice/sign"))
            .withRequestBody(matchingJsonPath("$.irn", equalTo(credit.get("irn").asString())))
            .withRequestBody(matchingJsonPath("$.invoice_type_code", equalTo("380")))
            .withRequestBody(matchingJsonPath("$.billing_reference[0].irn", equalTo(irn)))
            .withRequestBody(
                matchingJsonPath("$.billing_reference[0].issue_date", equalTo("2026-11-20"))));
    // Each code list was read once for both documents (cached).
    for (String list : FirsLists.NAMES) {
      // No line is exempt: the vat-exemptions list was not needed.
      firs.verify(
          list.equals("vat-exemptions") ? 0 : 1,
          getRequestedFor(urlEqualTo("/api/v1/invoice/resources/" + list)));
    }
  }

  @Test
  void aCodeFirsDoesNotListIsRefusedBeforeFirsSeesTheDocument() throws Exception {
    // This FIRS lists no naira: the invoice's currency is refused here, with the reason.
    firs.stubFor(
        get(urlEqualTo("/api/v1/invoice/resources/currencies"))
            .atPriority(1)
            .willReturn(
                json(
                    200,
                    "{\"code\":200,\"data\":[{\"symbol\":\"$\",\"name\":\"US Dollar\","
                        + "\"code\":\"USD\",\"decimal_digits\":2}]}")));
    firs.stubFor(post(urlEqualTo("/api/v1/invoice/validate")).willReturn(json(201, CREATED)));
    configure(businessId);
    String id = issue();

    JsonNode rejected = awaitStatus("/api/v1/invoices/" + id + "/firs", "REJECTED");
    assertThat(rejected.get("reasons").asString())
        .isEqualTo(
            "the document currency NGN is not in FIRS's currencies list; the tax currency NGN is"
                + " not in FIRS's currencies list");
    firs.verify(0, postRequestedFor(urlEqualTo("/api/v1/invoice/irn/validate")));
    firs.verify(0, postRequestedFor(urlEqualTo("/api/v1/invoice/validate")));
  }

  @Test
  void anOutageEndsConfirmedWithOneIrnAndOneSign() throws Exception {
    firs.stubFor(post(urlEqualTo("/api/v1/invoice/validate")).willReturn(json(201, CREATED)));
    // Sign fails twice with 503, then succeeds; until FIRS has signed, confirm knows no such IRN.
    firs.stubFor(
        post(urlEqualTo("/api/v1/invoice/sign"))
            .inScenario("sign")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("failed once"));
    firs.stubFor(
        post(urlEqualTo("/api/v1/invoice/sign"))
            .inScenario("sign")
            .whenScenarioStateIs("failed once")
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("failed twice"));
    firs.stubFor(
        post(urlEqualTo("/api/v1/invoice/sign"))
            .inScenario("sign")
            .whenScenarioStateIs("failed twice")
            .willReturn(json(201, CREATED))
            .willSetStateTo("signed"));
    firs.stubFor(
        get(urlPathMatching("/api/v1/invoice/confirm/.*"))
            .inScenario("sign")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(json(404, notFound())));
    firs.stubFor(
        get(urlPathMatching("/api/v1/invoice/confirm/.*"))
            .inScenario("sign")
            .whenScenarioStateIs("failed once")
            .willReturn(json(404, notFound())));
    firs.stubFor(
        get(urlPathMatching("/api/v1/invoice/confirm/.*"))
            .inScenario("sign")
            .whenScenarioStateIs("failed twice")
            .willReturn(json(404, notFound())));
    // Transmit fails once with 503.
    firs.stubFor(
        post(urlPathMatching("/api/v1/invoice/transmit/.*"))
            .inScenario("transmit")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("up"));
    firs.stubFor(
        post(urlPathMatching("/api/v1/invoice/transmit/.*"))
            .inScenario("transmit")
            .whenScenarioStateIs("up")
            .willReturn(json(200, OK)));
    configure(businessId);
    String id = issue();

    JsonNode record = awaitStatus("/api/v1/invoices/" + id + "/firs", "CONFIRMED");
    assertThat(record.get("irn").asString()).isEqualTo(irn);
    // The history has each status once: the failures changed no status.
    assertThat(statuses(record))
        .containsExactly("PENDING", "VALIDATED", "SIGNED", "TRANSMITTED", "CONFIRMED");
    // Two failed signs and one that succeeded; one failed transmit and one that succeeded.
    firs.verify(3, postRequestedFor(urlEqualTo("/api/v1/invoice/sign")));
    firs.verify(2, postRequestedFor(urlEqualTo("/api/v1/invoice/transmit/" + irn)));
    firs.verify(1, postRequestedFor(urlEqualTo("/api/v1/invoice/validate")));
    assertThat(
            jdbc.sql("SELECT count(*) FROM firs_documents WHERE tenant_id = :t")
                .param("t", tenant)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aSignWhoseAnswerWasLostIsNotSentAgainAndEndsConfirmed() throws Exception {
    // FIRS is down when the worker first calls it; then sign reaches FIRS but its answer is lost
    // (the connection is reset): FIRS has the invoice, the worker does not know it.
    firs.stubFor(
        post(urlEqualTo("/api/v1/invoice/irn/validate"))
            .atPriority(1)
            .inScenario("down")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(502))
            .willSetStateTo("up"));
    firs.stubFor(post(urlEqualTo("/api/v1/invoice/validate")).willReturn(json(201, CREATED)));
    firs.stubFor(
        post(urlEqualTo("/api/v1/invoice/sign"))
            .inScenario("sign")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
            .willSetStateTo("signed"));
    firs.stubFor(
        post(urlEqualTo("/api/v1/invoice/sign"))
            .inScenario("sign")
            .whenScenarioStateIs("signed")
            .willReturn(json(400, duplicate())));
    firs.stubFor(
        get(urlPathMatching("/api/v1/invoice/confirm/.*"))
            .atPriority(1)
            .inScenario("sign")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(json(404, notFound())));
    configure(businessId);
    String id = issue();

    JsonNode record = awaitStatus("/api/v1/invoices/" + id + "/firs", "CONFIRMED");
    assertThat(record.get("irn").asString()).isEqualTo(irn);
    assertThat(statuses(record))
        .containsExactly("PENDING", "VALIDATED", "SIGNED", "TRANSMITTED", "CONFIRMED");
    assertThat(record.get("history").get(2).get("detail").asString())
        .isEqualTo("FIRS already had the signed invoice");
    assertThat(decrypt(record.get("qrPayload").asString())).startsWith("{\"irn\":\"" + irn + ".");
    // One submission: the retry asked confirm/{IRN} and did not sign again.
    firs.verify(1, postRequestedFor(urlEqualTo("/api/v1/invoice/sign")));
    firs.verify(2, postRequestedFor(urlEqualTo("/api/v1/invoice/irn/validate")));
    assertThat(
            jdbc.sql("SELECT count(*) FROM firs_documents WHERE tenant_id = :t")
                .param("t", tenant)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aRejectedDocumentIsResubmittedAfterTheTenantFixesIt() throws Exception {
    String wrong = UUID.randomUUID().toString();
    firs.stubFor(
        post(urlEqualTo("/api/v1/invoice/validate"))
            .atPriority(1)
            .withRequestBody(matchingJsonPath("$.business_id", equalTo(businessId)))
            .willReturn(json(201, CREATED)));
    firs.stubFor(
        post(urlEqualTo("/api/v1/invoice/validate"))
            .atPriority(5)
            .willReturn(
                json(
                    400,
                    "{\"code\":400,\"data\":null,\"message\":\"error has occurred\","
                        + "\"error\":{\"id\":\"0b5d9a40-1c43-4b8f-9d3c-0f6b7e0d9a11\","
                        + "\"handler\":\"invoice_validation\","
                        + "\"details\":\"business_id: business not found\","
                        + "\"public_message\":\"validation failed\"}}")));
    firs.stubFor(post(urlEqualTo("/api/v1/invoice/sign")).willReturn(json(201, CREATED)));
    configure(wrong);
    String id = issue();

    JsonNode rejected = awaitStatus("/api/v1/invoices/" + id + "/firs", "REJECTED");
    assertThat(rejected.get("reasons").asString())
        .isEqualTo("validation failed: business_id: business not found");
    assertThat(statuses(rejected)).containsExactly("PENDING", "REJECTED");
    firs.verify(0, postRequestedFor(urlEqualTo("/api/v1/invoice/sign")));

    // The tenant fixes its business id (the secrets are kept) and resubmits.
    send(
        "PUT",
        "/api/v1/settings/firs",
        "{\"enabled\": true, \"environment\": \"SANDBOX\", \"baseUrl\": \""
            + firs.baseUrl()
            + "\", \"businessId\": \""
            + businessId
            + "\", \"serviceId\": \""
            + serviceId
            + "\"}",
        200);
    JsonNode resubmitted =
        json.readTree(
            send("POST", "/api/v1/invoices/" + id + "/firs/submissions", null, 202).body());
    assertThat(resubmitted.get("irn").asString()).isEqualTo(irn);
    JsonNode confirmed = awaitStatus("/api/v1/invoices/" + id + "/firs", "CONFIRMED");
    assertThat(confirmed.get("irn").asString()).isEqualTo(irn);
    assertThat(confirmed.get("reasons").isNull()).isTrue();
    assertThat(statuses(confirmed))
        .containsExactly(
            "PENDING", "REJECTED", "PENDING", "VALIDATED", "SIGNED", "TRANSMITTED", "CONFIRMED");
    firs.verify(1, postRequestedFor(urlEqualTo("/api/v1/invoice/sign")));
    // Only a rejected document can be resubmitted.
    HttpResponse<String> again =
        send("POST", "/api/v1/invoices/" + id + "/firs/submissions", null, 409);
    assertThat(json.readTree(again.body()).get("type").asString()).endsWith("firs-not-rejected");
  }

  private void configure(String business) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    firsKeys = generator.generateKeyPair();
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(firsKeys.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    String cryptoKeys =
        "{\"public_key\":\""
            + Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII))
            + "\",\"certificate\":\"Y2VydGlmaWNhdGU=\"}";
    send(
        "PUT",
        "/api/v1/settings/invoicing",
        "{\"legalName\": \"Demo Coffee Ltd\", \"taxId\": \"12345678-0001\","
            + " \"email\": \"billing@demo.example\","
            + " \"bank\": {\"bankName\": \"Zenith Bank\", \"accountName\": \"Demo Coffee Ltd\","
            + " \"accountNumber\": \"0123456789\"},"
            + " \"address\": {\"line1\": \"1 Broad St\", \"city\": \"Lagos\", \"country\": \"NG\"}}",
        200);
    send(
        "PUT",
        "/api/v1/settings/firs",
        "{\"enabled\": true, \"environment\": \"SANDBOX\", \"baseUrl\": \""
            + firs.baseUrl()
            + "\", \"businessId\": \""
            + business
            + "\", \"serviceId\": \""
            + serviceId
            + "\","
            + " \"apiKey\": \"key-1\", \"apiSecret\": \"secret-1\", \"cryptoKeys\": "
            + json.writeValueAsString(cryptoKeys)
            + "}",
        200);
  }

  private String issue() {
    topics.send(
        Topics.INVOICE_COMMANDS, Topics.sourceKey(tenant, Platform.SHOPIFY, "order-1"), command());
    return Awaitility.await()
        .atMost(WAIT)
        .until(
            () ->
                json.readTree(
                        send("GET", "/api/v1/invoices?sourceExternalId=order-1", null, 200).body())
                    .get("items"),
            items -> items.size() == 1)
        .get(0)
        .get("id")
        .asString();
  }

  private JsonNode awaitStatus(String path, String status) {
    return Awaitility.await()
        .atMost(WAIT)
        .until(
            () -> {
              HttpResponse<String> r = send("GET", path, null, null);
              return r.statusCode() == 200 ? json.readTree(r.body()) : null;
            },
            r -> r != null && r.get("status").asString().equals(status));
  }

  private String decrypt(String qrPayload) throws Exception {
    Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
    cipher.init(Cipher.DECRYPT_MODE, firsKeys.getPrivate());
    return new String(
        cipher.doFinal(Base64.getDecoder().decode(qrPayload)), StandardCharsets.UTF_8);
  }

  private static Instant stepAt(JsonNode record, String status) {
    for (JsonNode step : record.get("history")) {
      if (step.get("status").asString().equals(status)) {
        return Instant.parse(step.get("at").asString());
      }
    }
    throw new AssertionError("no " + status + " step in " + record);
  }

  private static List<String> statuses(JsonNode record) {
    List<String> statuses = new ArrayList<>();
    record.get("history").forEach(step -> statuses.add(step.get("status").asString()));
    return statuses;
  }

  private static String duplicate() {
    return "{\"code\":400,\"data\":null,\"message\":\"error has occurred\",\"error\":{\"id\":"
        + "\"6f1c2e1a-0d7e-4f6e-9a51-2b1f0c9d8e77\",\"handler\":\"invoice_sign\","
        + "\"public_message\":\"validation failed: we are unable to process your request. also"
        + " confirm this is not a duplicate request\"}}";
  }

  private static String notFound() {
    return "{\"code\":404,\"data\":null,\"message\":\"no route found for this path. kindly check"
        + " your request and try again\"}";
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
      int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  private InvoiceCommand command() {
    return InvoiceCommand.newBuilder()
        .setCommandId(UUID.randomUUID().toString())
        .setTenantId(tenant)
        .setAction(InvoiceAction.ISSUE)
        .setSource(
            SourceRef.newBuilder()
                .setPlatform(Platform.SHOPIFY)
                .setConnectionId("conn-1")
                .setExternalId("order-1")
                .setReference("#1001")
                .setEventId(UUID.randomUUID().toString())
                .build())
        .setClientId("client-1")
        .setClient(
            Party.newBuilder()
                .setName("Ada Lovelace Ltd")
                .setEmail("ada@example.com")
                .setTaxId("87654321-0001")
                .setAddress(
                    io.ledgerline.events.Address.newBuilder()
                        .setCity("Lagos")
                        .setCountry("NG")
                        .build())
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

  private HttpRequest.Builder authorized(String path) {
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
          authorized(path)
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(body));
      if (body != null) {
        request
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", UUID.randomUUID().toString());
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
