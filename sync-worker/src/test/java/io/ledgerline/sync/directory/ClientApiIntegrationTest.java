package io.ledgerline.sync.directory;

import static io.ledgerline.sync.invoicing.Sales.completedSale;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.events.Amounts;
import io.ledgerline.events.CreditNoteIssued;
import io.ledgerline.events.InvoiceEvent;
import io.ledgerline.events.InvoiceEventKind;
import io.ledgerline.events.Platform;
import io.ledgerline.events.SaleEvent;
import io.ledgerline.events.SourceRef;
import io.ledgerline.events.Topics;
import io.ledgerline.platform.service.kafka.AvroCodec;
import io.ledgerline.platform.test.LedgerlineIntegrationTest;
import io.ledgerline.platform.test.TestJwts;
import io.ledgerline.platform.test.TestTopics;
import io.ledgerline.sync.TestTokens;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client API on the real infrastructure: clients made from sales through Kafka, read and merged
 * over HTTP with real tokens, invoice totals from {@code billing.invoices.v1}.
 */
@LedgerlineIntegrationTest
@Import(TestTokens.class)
class ClientApiIntegrationTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Autowired AvroCodec codec;
  @Autowired KafkaProperties kafka;
  @Autowired Environment environment;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private final String tenant = "k-" + UUID.randomUUID().toString().substring(0, 8);
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
  void listsSearchesShowsAndMergesClientsWithTheirInvoiceTotals() {
    SaleEvent ada = completedSale().setTenantId(tenant).build();
    SaleEvent grace = completedSale().setTenantId(tenant).build();
    grace.getCustomer().setName("Grace Hopper");
    grace.getCustomer().setEmail("grace@example.com");
    grace.getCustomer().setExternalId("cust-grace");
    send(ada);
    send(grace);

    JsonNode all =
        Awaitility.await()
            .atMost(WAIT)
            .until(
                () -> get("/api/v1/clients", "clients:read", 200), p -> p.get("items").size() == 2);
    JsonNode found = get("/api/v1/clients?q=GRACE", "clients:read", 200).get("items");
    assertThat(found).hasSize(1);
    String graceId = found.get(0).get("id").asString();
    String adaId =
        all.get("items")
            .valueStream()
            .filter(c -> !c.get("id").asString().equals(graceId))
            .findFirst()
            .orElseThrow()
            .get("id")
            .asString();

    invoiced(adaId, "112.50", InvoiceEventKind.ISSUED);
    invoiced(adaId, "20.00", InvoiceEventKind.CREDIT_NOTE_ISSUED);
    invoiced(graceId, "50.00", InvoiceEventKind.ISSUED);
    JsonNode one =
        Awaitility.await()
            .atMost(WAIT)
            .until(
                () -> get("/api/v1/clients/" + adaId, "clients:read", 200),
                c ->
                    c.get("totals").size() == 1
                        && c.get("totals").get(0).get("credited").asString().equals("20.00"));
    assertThat(one.get("invoiceCount").asLong()).isEqualTo(1);
    assertThat(one.get("totals").get(0).get("invoiced").asString()).isEqualTo("112.50");
    assertThat(one.get("emails").get(0).asString()).isEqualTo("ada@example.com");
    assertThat(one.get("identities").get(0).get("platform").asString()).isEqualTo("SHOPIFY");

    send(
        "/api/v1/clients/" + graceId + "/merge",
        "{\"into\": \"" + adaId + "\"}",
        "clients:read",
        403);
    JsonNode survivor =
        send(
            "/api/v1/clients/" + graceId + "/merge",
            "{\"into\": \"" + adaId + "\"}",
            "clients:write",
            200);
    JsonNode again =
        send(
            "/api/v1/clients/" + graceId + "/merge",
            "{\"into\": \"" + adaId + "\"}",
            "clients:write",
            409);

    assertThat(survivor.get("emails").valueStream().map(JsonNode::asString))
        .containsExactly("ada@example.com", "grace@example.com");
    assertThat(survivor.get("invoiceCount").asLong()).isEqualTo(2);
    assertThat(survivor.get("merges")).hasSize(1);
    assertThat(again.get("type").asString())
        .isEqualTo("https://ledgerline.io/problems/client-merge-refused");
    assertThat(get("/api/v1/clients", "clients:read", 200).get("items")).hasSize(1);
    assertThat(get("/api/v1/clients/" + graceId, "clients:read", 200).get("mergedInto").asString())
        .isEqualTo(adaId);
    getAs("other-tenant", "/api/v1/clients/" + adaId, 404);
  }

  private void invoiced(String clientId, String amount, InvoiceEventKind kind) {
    String invoiceId = UUID.randomUUID().toString();
    InvoiceEvent.Builder event =
        InvoiceEvent.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setTenantId(tenant)
            .setKind(kind)
            .setInvoiceId(invoiceId)
            .setNumber("INV-000001")
            .setClientId(clientId)
            .setSource(
                SourceRef.newBuilder()
                    .setPlatform(Platform.SHOPIFY)
                    .setConnectionId("conn-1")
                    .setExternalId("order-1")
                    .setEventId("e-1")
                    .build())
            .setCurrency("USD")
            .setSubtotal(Amounts.money(new BigDecimal(amount), "USD"))
            .setTaxTotal(Amounts.money(BigDecimal.ZERO, "USD"))
            .setTotal(Amounts.money(new BigDecimal(amount), "USD"))
            .setIssuedAt(Instant.parse("2026-11-20T10:00:00Z"));
    if (kind == InvoiceEventKind.CREDIT_NOTE_ISSUED) {
      event.setCreditNote(
          CreditNoteIssued.newBuilder()
              .setCreditNoteId(UUID.randomUUID().toString())
              .setNumber("CN-000001")
              .setSubtotal(Amounts.money(new BigDecimal(amount), "USD"))
              .setTaxTotal(Amounts.money(BigDecimal.ZERO, "USD"))
              .setTotal(Amounts.money(new BigDecimal(amount), "USD"))
              .setIssuedAt(Instant.parse("2026-11-21T10:00:00Z"))
              .build());
    }
    topics.send(Topics.INVOICES, tenant + ":" + invoiceId, event.build());
  }

  private void send(SaleEvent sale) {
    topics.send(
        Topics.POS_SALES,
        Topics.sourceKey(sale.getTenantId(), sale.getPlatform(), sale.getExternalId()),
        sale);
  }

  private JsonNode get(String path, String scope, int status) {
    return call(tenant, path, null, scope, status);
  }

  private JsonNode getAs(String tenantId, String path, int status) {
    return call(tenantId, path, null, "clients:read", status);
  }

  private JsonNode send(String path, String body, String scope, int status) {
    return call(tenant, path, body, scope, status);
  }

  private JsonNode call(String tenantId, String path, String body, String scope, int status) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path))
              .header("Authorization", "Bearer " + TestJwts.token(tenantId, scope));
      if (body != null) {
        request.header("Content-Type", "application/json");
        request.POST(HttpRequest.BodyPublishers.ofString(body));
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
