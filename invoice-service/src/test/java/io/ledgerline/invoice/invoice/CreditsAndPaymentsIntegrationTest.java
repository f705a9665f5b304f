package io.ledgerline.invoice.invoice;

import static io.ledgerline.invoice.invoice.InvoicingIntegrationTest.command;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.events.Amounts;
import io.ledgerline.events.InvoiceAction;
import io.ledgerline.events.InvoiceCommand;
import io.ledgerline.events.InvoiceEvent;
import io.ledgerline.events.InvoiceEventKind;
import io.ledgerline.events.LineItem;
import io.ledgerline.events.Payment;
import io.ledgerline.events.Refund;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Settings, payments and credit notes on the real infrastructure: commands through Kafka, the API
 * over HTTP with real tokens, the tables and the outbox. Each test has tenants of its own.
 */
@LedgerlineIntegrationTest
class CreditsAndPaymentsIntegrationTest {

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
  @Autowired JdbcClient jdbc;
  @Autowired Environment environment;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private final String tenant = "c-" + UUID.randomUUID().toString().substring(0, 8);
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
  void theSellerIsSetThroughTheApiAndSnapshotOnEveryNewInvoice() {
    JsonNode saved =
        send(
            "PUT",
            "/api/v1/settings/invoicing",
            """
            {"legalName": "Demo Coffee Ltd", "taxId": "12345678-0001",
             "address": {"line1": "1 Marina", "city": "Lagos", "country": "ng"},
             "email": "billing@demo.example", "timeZone": "Africa/Lagos",
             "invoicePrefix": "DC-", "creditNotePrefix": "DCN-", "paymentTermsDays": 14,
             "defaultTaxRate": "0.075", "untaxedLines": "NOT_TAXED",
             "bank": {"bankName": "Demo Bank", "accountNumber": "0123456789"}}
            """,
            200);
    assertThat(saved.get("address").get("country").asString()).isEqualTo("NG");
    assertThat(get("/api/v1/settings/invoicing", 200).get("invoicePrefix").asString())
        .isEqualTo("DC-");

    InvoiceCommand command = command(tenant, "order-1").setShipping(null).build();
    command.getLines().get(0).setTaxRate(null);
    // 00:30 in Lagos on the 21st is 23:30 UTC on the 20th.
    command.setIssuedAt(Instant.parse("2026-11-20T23:30:00Z"));
    send(command);

    JsonNode invoice = awaitInvoice("order-1");
    assertThat(invoice.get("number").asString()).isEqualTo("DC-000001");
    assertThat(invoice.get("seller").get("legalName").asString()).isEqualTo("Demo Coffee Ltd");
    assertThat(invoice.get("seller").get("bank").get("accountNumber").asString())
        .isEqualTo("0123456789");
    assertThat(invoice.get("issueDate").asString()).isEqualTo("2026-11-21");
    assertThat(invoice.get("dueDate").asString()).isEqualTo("2026-12-05");
    // NOT_TAXED: a line whose tax the source does not state carries none.
    assertThat(invoice.get("taxTotal").asString()).isEqualTo("0.00");
    assertThat(invoice.get("lines").get(0).get("taxCategory").asString()).isEqualTo("OUT_OF_SCOPE");
  }

  @Test
  void invalidSettingsAreAProblemNamingEveryField() {
    JsonNode problem =
        send(
            "PUT",
            "/api/v1/settings/invoicing",
            """
            {"legalName": " ", "address": {"country": "Nigeria"}, "timeZone": "Lagos",
             "invoicePrefix": "IN V", "defaultTaxRate": "1.5", "untaxedLines": "SOMETIMES",
             "electronicAddress": {"scheme": "XX", "id": "1"}}
            """,
            400);

    assertThat(problem.get("type").asString())
        .isEqualTo("https://ledgerline.io/problems/invalid-settings");
    assertThat(problem.get("errors").propertyNames())
        .contains(
            "legalName",
            "address.country",
            "timeZone",
            "invoicePrefix",
            "defaultTaxRate",
            "untaxedLines",
            "electronicAddress.scheme");
    assertThat(get("/api/v1/settings/invoicing", 200).get("invoicePrefix").asString())
        .isEqualTo("INV-");

    // Prefixes equal in their letters and digits would give an invoice and a credit note one
    // FIRS IRN (which keeps only those): refused.
    JsonNode clash =
        send(
            "PUT",
            "/api/v1/settings/invoicing",
            """
            {"legalName": "Demo Coffee Ltd", "invoicePrefix": "DC-", "creditNotePrefix": "DC/"}
            """,
            400);
    assertThat(clash.get("errors").get("creditNotePrefix").asString())
        .isEqualTo("must differ from invoicePrefix in its letters or digits");
  }

  @Test
  void aRefundThatArrivesBeforeItsInvoiceWaitsAndIsAppliedOnceWhenTheInvoiceIsIssued() {
    try (TestTopics.Reader events = topics.reader(Topics.INVOICES)) {
      InvoiceCommand refund = refund(tenant, "order-1", "refund-1", "1");
      send(refund);
      Awaitility.await()
          .atMost(WAIT)
          .until(
              () ->
                  jdbc.sql("select count(*) from pending_credits where tenant_id = ?")
                          .param(tenant)
                          .query(Long.class)
                          .single()
                      == 1);

      send(paid(tenant, "order-1"));
      send(refund);
      send(refund(tenant, "order-1", "refund-2", "1"));

      JsonNode invoice =
          Awaitility.await()
              .atMost(WAIT)
              .until(() -> awaitInvoice("order-1"), i -> i.get("creditNoteIds").size() == 2);
      // 2 × 50.00 − 5.00 = 95.00 + 7.13, shipping 10.00 + 0.75: 112.88; refunded one widget
      // twice: pro rata round(95.00 / 2) = 47.50 + round(7.13 / 2) = 3.57, then what is left,
      // 47.50 + 3.56.
      assertThat(invoice.get("total").asString()).isEqualTo("112.88");
      assertThat(invoice.get("creditedTotal").asString()).isEqualTo("102.13");
      assertThat(invoice.get("status").asString()).isEqualTo("PAID");
      JsonNode notes = get("/api/v1/credit-notes?invoiceId=" + invoice.get("id").asString(), 200);
      assertThat(notes.get("items")).hasSize(2);
      assertThat(notes.get("items").get(1).get("number").asString()).isEqualTo("CN-000001");
      assertThat(notes.get("items").get(1).get("total").asString()).isEqualTo("51.07");
      assertThat(notes.get("items").get(0).get("number").asString()).isEqualTo("CN-000002");
      assertThat(notes.get("items").get(0).get("total").asString()).isEqualTo("51.06");
      assertThat(
              jdbc.sql("select count(*) from pending_credits where tenant_id = ?")
                  .param(tenant)
                  .query(Long.class)
                  .single())
          .isZero();

      var kinds =
          events
              .await(
                  records ->
                      records.stream().filter(r -> r.key().startsWith(tenant + ":")).count() >= 4,
                  WAIT)
              .stream()
              .filter(r -> r.key().startsWith(tenant + ":"))
              .map(r -> ((InvoiceEvent) topics.decode(Topics.INVOICES, r.value())).getKind())
              .toList();
      assertThat(kinds)
          .containsExactly(
              InvoiceEventKind.ISSUED,
              InvoiceEventKind.PAYMENT_RECORDED,
              InvoiceEventKind.CREDIT_NOTE_ISSUED,
              InvoiceEventKind.CREDIT_NOTE_ISSUED);
    }
  }

  @Test
  void aVoidCreditsWhatIsLeftAndMakesTheInvoiceCredited() {
    send(paid(tenant, "order-1"));
    send(refund(tenant, "order-1", "refund-1", "1"));
    InvoiceCommand voided = refund(tenant, "order-1", "void:order-1", null);
    voided.getCredit().setFull(true);
    voided.setLines(List.of());
    send(voided);

    JsonNode invoice =
        Awaitility.await()
            .atMost(WAIT)
            .until(() -> awaitInvoice("order-1"), i -> i.get("creditNoteIds").size() == 2);
    assertThat(invoice.get("status").asString()).isEqualTo("CREDITED");
    assertThat(invoice.get("creditedTotal").asString()).isEqualTo("112.88");
  }

  @Test
  void aSquareOrderPaidWithTwoTendersIsOneInvoicePaidWithBothPayments() {
    // What sync-worker makes of a fetched Square order: 112.88 = 60.00 by card + 52.88 in cash.
    // Each tender's payment webhook has the order fetched; the second fetch (a later version of
    // the order) is another command for the same order with the same tenders.
    InvoiceCommand first = squareOrder("sq-order-1");
    InvoiceCommand second =
        InvoiceCommand.newBuilder(squareOrder("sq-order-1"))
            .setCommandId(UUID.randomUUID().toString())
            .build();
    second.getSource().setEventId(UUID.randomUUID().toString());

    send(first);
    send(second);

    JsonNode invoice =
        Awaitility.await()
            .atMost(WAIT)
            .until(
                () -> awaitInvoice("sq-order-1"), i -> "PAID".equals(i.get("status").asString()));
    assertThat(invoice.get("total").asString()).isEqualTo("112.88");
    assertThat(invoice.get("paidTotal").asString()).isEqualTo("112.88");
    assertThat(invoice.get("balanceDue").asString()).isEqualTo("0.00");
    JsonNode payments = get("/api/v1/invoices/" + invoice.get("id").asString() + "/payments", 200);
    assertThat(payments).hasSize(2);
    assertThat(payments.findValuesAsString("reference"))
        .containsExactlyInAnyOrder("TENDER-CARD-1", "TENDER-CASH-1");
    assertThat(payments.findValuesAsString("amount")).containsExactlyInAnyOrder("60.00", "52.88");
    assertThat(
            jdbc.sql("select count(*) from invoices where tenant_id = ?")
                .param(tenant)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aVoidOfAnInvoicedSaleIsOneFullCreditNoteAndARepeatedVoidMakesNone() {
    // Invoice 112.88 (95.00 + 7.13 tax, shipping 10.00 + 0.75 tax), paid.
    send(paid(tenant, "order-v"));
    InvoiceCommand voided = refund(tenant, "order-v", "void:order-v", null);
    voided.getCredit().setFull(true);
    voided.setLines(List.of());
    InvoiceCommand again = InvoiceCommand.newBuilder(voided).setCommandId("again").build();
    // A refund after the void: nothing is left to credit, so it is refused (dead-lettered), and
    // being last on the source's partition it also says the void before it was handled.
    InvoiceCommand refundAfter = refund(tenant, "order-v", "refund-late", "1");

    send(voided);
    send(again);
    send(refundAfter);

    Awaitility.await().atMost(WAIT).until(() -> deadLettersOf(tenant) == 1);
    JsonNode invoice = awaitInvoice("order-v");
    assertThat(invoice.get("status").asString()).isEqualTo("CREDITED");
    assertThat(invoice.get("creditNoteIds")).hasSize(1);
    assertThat(invoice.get("creditedTotal").asString())
        .isEqualTo(invoice.get("total").asString())
        .isEqualTo("112.88");
    JsonNode note =
        get("/api/v1/credit-notes/" + invoice.get("creditNoteIds").get(0).asString(), 200);
    assertThat(note.get("total").asString()).isEqualTo("112.88");
    assertThat(note.get("taxTotal").asString()).isEqualTo("7.88");
    assertThat(note.get("source").get("creditId").asString()).isEqualTo("void:order-v");
    assertThat(
            jdbc.sql("select count(*) from credit_notes where tenant_id = ?")
                .param(tenant)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  private InvoiceCommand squareOrder(String orderId) {
    InvoiceCommand command = command(tenant, orderId).build();
    command.getSource().setPlatform(io.ledgerline.events.Platform.SQUARE);
    command.setPayments(
        List.of(
            tender("TENDER-CARD-1", "60.00", "card", "2026-11-20T10:15:10Z"),
            tender("TENDER-CASH-1", "52.88", "cash", "2026-11-20T10:15:30Z")));
    return command;
  }

  private static Payment tender(String id, String amount, String method, String at) {
    return Payment.newBuilder()
        .setReference(id)
        .setAmount(Amounts.money(new BigDecimal(amount), "USD"))
        .setMethod(method)
        .setPaidAt(Instant.parse(at))
        .build();
  }

  private long deadLettersOf(String tenantId) {
    return jdbc.sql("select count(*) from dead_letters where tenant_id = ?")
        .param(tenantId)
        .query(Long.class)
        .single();
  }

  @Test
  void paymentsByApiAreIdempotentOnTheReferenceAndMoveTheStatus() {
    send(command(tenant, "deal-1").build());
    String id = awaitInvoice("deal-1").get("id").asString();

    JsonNode first =
        send(
            "POST",
            "/api/v1/invoices/" + id + "/payments",
            "{\"amount\": \"50.00\", \"date\": \"2026-11-25\", \"method\": \"bank_transfer\","
                + " \"reference\": \"TRX-1\"}",
            201);
    JsonNode again =
        send(
            "POST",
            "/api/v1/invoices/" + id + "/payments",
            "{\"amount\": \"50.00\", \"reference\": \"TRX-1\"}",
            200);
    send(
        "POST",
        "/api/v1/invoices/" + id + "/payments",
        "{\"amount\": \"49.00\", \"reference\": \"TRX-1\"}",
        409);
    JsonNode tooMuch =
        send(
            "POST",
            "/api/v1/invoices/" + id + "/payments",
            "{\"amount\": \"62.89\", \"reference\": \"TRX-2\"}",
            422);

    assertThat(again.get("id").asString()).isEqualTo(first.get("id").asString());
    assertThat(tooMuch.get("detail").asString()).contains("exceeds the balance due of 62.88");
    JsonNode invoice = get("/api/v1/invoices/" + id, 200);
    assertThat(invoice.get("status").asString()).isEqualTo("PARTIALLY_PAID");
    assertThat(invoice.get("balanceDue").asString()).isEqualTo("62.88");
    assertThat(get("/api/v1/invoices?status=PARTIALLY_PAID", 200).get("items")).hasSize(1);
    assertThat(get("/api/v1/invoices/" + id + "/payments", 200)).hasSize(1);
  }

  @Test
  void aCreditNoteByApiIsIdempotentOnItsKeyAndNeverExceedsTheInvoice() {
    send(command(tenant, "order-1").build());
    String id = awaitInvoice("order-1").get("id").asString();

    JsonNode note =
        send(
            "POST",
            "/api/v1/invoices/" + id + "/credit-notes",
            "{\"reason\": \"Goodwill\", \"lines\": [{\"line\": 2}]}",
            201,
            "credit-1");
    JsonNode again =
        send(
            "POST",
            "/api/v1/invoices/" + id + "/credit-notes",
            "{\"reason\": \"Goodwill\", \"lines\": [{\"line\": 2}]}",
            200,
            "credit-1");
    JsonNode tooMuch =
        send(
            "POST",
            "/api/v1/invoices/" + id + "/credit-notes",
            "{\"amount\": \"102.14\"}",
            422,
            "credit-2");

    assertThat(note.get("number").asString()).isEqualTo("CN-000001");
    assertThat(note.get("total").asString()).isEqualTo("10.75");
    assertThat(note.get("invoiceId").asString()).isEqualTo(id);
    assertThat(again.get("id").asString()).isEqualTo(note.get("id").asString());
    assertThat(tooMuch.get("type").asString())
        .isEqualTo("https://ledgerline.io/problems/invalid-credit");
    assertThat(
            get("/api/v1/credit-notes/" + note.get("id").asString(), 200).get("reason").asString())
        .isEqualTo("Goodwill");
  }

  private InvoiceCommand paid(String tenantId, String externalId) {
    return command(tenantId, externalId)
        .setPayments(
            List.of(
                Payment.newBuilder()
                    .setReference("shopify:" + externalId + ":paid")
                    .setAmount(Amounts.money(new BigDecimal("112.88"), "USD"))
                    .setMethod("card")
                    .setPaidAt(Instant.parse("2026-11-20T10:15:30Z"))
                    .build()))
        .build();
  }

  private static InvoiceCommand refund(
      String tenantId, String externalId, String refundId, String quantity) {
    InvoiceCommand.Builder builder = command(tenantId, externalId);
    builder.setCommandId(UUID.randomUUID().toString());
    builder.setAction(InvoiceAction.CREDIT);
    builder.setShipping(null);
    builder.setIssuedAt(Instant.parse("2026-11-21T09:00:00Z"));
    builder.setCredit(Refund.newBuilder().setRefundId(refundId).setReason("returned").build());
    if (quantity != null) {
      builder.setLines(
          List.of(
              LineItem.newBuilder()
                  .setSku("W-1")
                  .setName("Widget")
                  .setQuantity(Amounts.quantity(new BigDecimal(quantity)))
                  .setUnitPrice(Amounts.money(new BigDecimal("50.00"), "USD"))
                  .build()));
    }
    return builder.build();
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
            () -> get("/api/v1/invoices?sourceExternalId=" + externalId, 200).get("items"),
            items -> items.size() == 1)
        .get(0);
  }

  private JsonNode get(String path, int status) {
    return send("GET", path, null, status);
  }

  private JsonNode send(String method, String path, String body, int status) {
    return send(method, path, body, status, null);
  }

  private JsonNode send(String method, String path, String body, int status, String key) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path))
              .header("Authorization", "Bearer " + TestJwts.token(tenant, ALL))
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(body));
      if (body != null) {
        request.header("Content-Type", "application/json");
      }
      if (key != null) {
        request.header("Idempotency-Key", key);
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(status);
      return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private int port() {
    return environment.getRequiredProperty("local.server.port", Integer.class);
  }
}
