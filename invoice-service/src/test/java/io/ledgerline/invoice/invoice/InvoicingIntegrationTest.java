package io.ledgerline.invoice.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.events.Amounts;
import io.ledgerline.events.InvoiceAction;
import io.ledgerline.events.InvoiceCommand;
import io.ledgerline.events.InvoiceEvent;
import io.ledgerline.events.InvoiceEventKind;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * invoice-service end to end on real Kafka, PostgreSQL, registry and config server: commands in,
 * invoices out through the API (tokens checked by a real RS256 decoder) and the outbox. Each test
 * uses tenants of its own, so the shared infrastructure needs no cleaning.
 */
@LedgerlineIntegrationTest
class InvoicingIntegrationTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @TestConfiguration
  static class Tokens {
    /** The test key instead of apikey-service's JWKS; everything else about the token is real. */
    @Bean
    JwtDecoder jwtDecoder() {
      return TestJwts.decoder();
    }
  }

  @Autowired AvroCodec codec;
  @Autowired KafkaProperties kafka;
  @Autowired JdbcClient jdbc;
  @Autowired IssueInvoice issueInvoice;
  @Autowired Environment environment;
  @Autowired io.micrometer.core.instrument.MeterRegistry meters;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
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
  void issuesAnInvoiceForACommandAndServesItToItsTenant() {
    try (TestTopics.Reader invoiceEvents = topics.reader(Topics.INVOICES)) {
      InvoiceCommand command = command(tenant, "order-1").build();

      send(command);

      JsonNode summary = awaitInvoiceOf(tenant, "order-1");
      JsonNode invoice =
          getJson("/api/v1/invoices/" + summary.get("id").asString(), token(tenant), 200);
      assertThat(invoice.get("number").asString()).isEqualTo("INV-000001");
      assertThat(invoice.get("currency").asString()).isEqualTo("USD");
      assertThat(invoice.get("issueDate").asString()).isEqualTo("2026-11-20");
      // 2 × 50.00 − 5.00 = 95.00 + 7.13 tax; shipping 10.00 + 0.75 tax at the default 7.5 %
      assertThat(invoice.get("subtotal").asString()).isEqualTo("105.00");
      assertThat(invoice.get("taxTotal").asString()).isEqualTo("7.88");
      assertThat(invoice.get("total").asString()).isEqualTo("112.88");
      JsonNode widget = invoice.get("lines").get(0);
      assertThat(widget.get("description").asString()).isEqualTo("Widget");
      assertThat(widget.get("sku").asString()).isEqualTo("W-1");
      assertThat(widget.get("quantity").asString()).isEqualTo("2");
      assertThat(widget.get("unitPrice").asString()).isEqualTo("50.00");
      assertThat(widget.get("discount").asString()).isEqualTo("5.00");
      assertThat(widget.get("taxRate").asString()).isEqualTo("0.075");
      assertThat(widget.get("net").asString()).isEqualTo("95.00");
      assertThat(widget.get("tax").asString()).isEqualTo("7.13");
      assertThat(widget.get("gross").asString()).isEqualTo("102.13");
      assertThat(invoice.get("lines").get(1).get("description").asString()).isEqualTo("Shipping");
      assertThat(invoice.get("client").get("id").asString()).isEqualTo("client-1");
      assertThat(invoice.get("client").get("name").asString()).isEqualTo("Ada Lovelace");
      assertThat(invoice.get("client").get("address").get("country").asString()).isEqualTo("US");
      assertThat(invoice.get("source").get("platform").asString()).isEqualTo("SHOPIFY");
      assertThat(invoice.get("source").get("externalId").asString()).isEqualTo("order-1");
      assertThat(invoice.get("source").get("reference").asString()).isEqualTo("#1001");

      var published =
          invoiceEvents.await(
              records -> records.stream().anyMatch(r -> r.key().startsWith(tenant + ":")), WAIT);
      InvoiceEvent event =
          published.stream()
              .filter(r -> r.key().startsWith(tenant + ":"))
              .map(r -> (InvoiceEvent) topics.decode(Topics.INVOICES, r.value()))
              .findFirst()
              .orElseThrow();
      assertThat(event.getKind()).isEqualTo(InvoiceEventKind.ISSUED);
      assertThat(event.getInvoiceId()).isEqualTo(invoice.get("id").asString());
      assertThat(event.getNumber()).isEqualTo("INV-000001");
      assertThat(event.getTotal().getAmount()).isEqualByComparingTo("112.88");
      assertThat(event.getSource().getExternalId()).isEqualTo("order-1");
    }
  }

  @Test
  void anotherTenantsInvoiceDoesNotExistForIt() {
    send(command(tenant, "order-1").build());
    String id = awaitInvoiceOf(tenant, "order-1").get("id").asString();
    String other = "o-" + UUID.randomUUID().toString().substring(0, 8);

    JsonNode problem = getJson("/api/v1/invoices/" + id, token(other), 404);
    JsonNode list = getJson("/api/v1/invoices", token(other), 200);

    assertThat(problem.get("type").asString())
        .isEqualTo("https://ledgerline.io/problems/invoice-not-found");
    assertThat(list.get("items")).isEmpty();
  }

  @Test
  void refusesTokensWithoutTheScopeOrWithAForeignSignature() {
    getJson("/api/v1/invoices", TestJwts.token(tenant, "connections:read"), 403);
    getJson("/api/v1/invoices", TestJwts.forgedToken(tenant, "invoices:read"), 401);
    getJson("/api/v1/invoices", null, 401);
  }

  @Test
  void issuesOneInvoicePerSourceHoweverOftenItIsAskedFor() {
    InvoiceCommand command = command(tenant, "order-1").build();
    InvoiceCommand replay =
        command(tenant, "order-1").setCommandId(UUID.randomUUID().toString()).build();
    // Same key as the others, so same partition: once it is issued, the ones before were handled.
    InvoiceCommand marker = command(tenant, "order-2").build();

    send(command);
    send(command);
    send(replay);
    topics.send(Topics.INVOICE_COMMANDS, key(command), marker);

    awaitInvoiceOf(tenant, "order-2");
    assertThat(
            jdbc.sql("select number from invoices where tenant_id = ? order by sequence")
                .param(tenant)
                .query(String.class)
                .list())
        .containsExactly("INV-000001", "INV-000002");
  }

  /**
   * Issue 12: invoices key on the platform account, not the connection. The same shop's order
   * through a second connection (or the shop connected again) is the same invoice; an invoice made
   * before events named their account is still found by its connection.
   */
  @Test
  void oneAccountsSaleIsOneInvoiceWhicheverConnectionItComesThrough() {
    IssueRequest first = IssueRequests.of(onAccount(command(tenant, "order-7"), "conn-1").build());
    IssueRequest second = IssueRequests.of(onAccount(command(tenant, "order-7"), "conn-2").build());

    IssueInvoice.Issued issued = issueInvoice.issue(first);
    IssueInvoice.Issued again = issueInvoice.issue(second);

    assertThat(issued.isNew()).isTrue();
    assertThat(again.isNew()).isFalse();
    assertThat(again.invoice().id()).isEqualTo(issued.invoice().id());
    assertThat(
            jdbc.sql("select source_key from invoices where id = ?")
                .param(issued.invoice().id())
                .query(String.class)
                .single())
        .isEqualTo("SHOPIFY:account:acme.myshopify.com:order-7");

    IssueInvoice.Issued legacy =
        issueInvoice.issue(IssueRequests.of(command(tenant, "order-8").build()));
    IssueInvoice.Issued named =
        issueInvoice.issue(
            IssueRequests.of(onAccount(command(tenant, "order-8"), "conn-1").build()));
    assertThat(named.isNew()).isFalse();
    assertThat(named.invoice().id()).isEqualTo(legacy.invoice().id());
    assertThat(
            jdbc.sql("select count(*) from invoices where tenant_id = ?")
                .param(tenant)
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  private static InvoiceCommand.Builder onAccount(
      InvoiceCommand.Builder command, String connection) {
    command.setSource(
        SourceRef.newBuilder(command.getSource())
            .setConnectionId(connection)
            .setAccountId("acme.myshopify.com")
            .build());
    return command;
  }

  /**
   * Issue 12's short fault suite (one fault, in every {@code verify}): the invoice database refuses
   * connections (new ones refused, the service's open ones terminated) while orders arrive, with a
   * duplicate storm among them; once it is back, every order is invoiced exactly once, the numbers
   * are gapless, and nothing reached a dead-letter topic. The consumer's retries prove the fault
   * was felt. The mechanism does not depend on the outage's length (ADR 0008): the 20 minutes of
   * the long suite take the same path as these seconds.
   */
  @Test
  void ordersConsumedWhileTheDatabaseRefusesConnectionsAreInvoicedExactlyOnceAfterwards()
      throws Exception {
    String faulty = "t-" + UUID.randomUUID().toString().substring(0, 8);
    send(command(faulty, "order-0").build());
    awaitInvoiceOf(faulty, "order-0");
    String url = environment.getRequiredProperty("spring.datasource.url");
    String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
    String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
    double retriesBefore = transientRetries();
    int orders = 8;

    try (java.sql.Connection server =
            java.sql.DriverManager.getConnection(
                admin,
                environment.getRequiredProperty("spring.datasource.username"),
                environment.getRequiredProperty("spring.datasource.password"));
        java.sql.Statement sql = server.createStatement()) {
      sql.execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS false");
      try {
        sql.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                + database
                + "' AND backend_type = 'client backend' AND pid <> pg_backend_pid()");
        for (int i = 1; i <= orders; i++) {
          InvoiceCommand order = command(faulty, "order-" + i).build();
          send(order);
          if (i % 3 == 0) {
            // The duplicate storm: the same command again, and the same order under a new id.
            send(order);
            send(command(faulty, "order-" + i).setCommandId(UUID.randomUUID().toString()).build());
          }
        }
        // The consumer met the refusing database and is retrying, not dead-lettering.
        Awaitility.await()
            .atMost(WAIT)
            .pollInterval(Duration.ofMillis(200))
            .until(() -> transientRetries() >= retriesBefore + 2);
      } finally {
        sql.execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS true");
      }
    }

    Awaitility.await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> invoicesOf(faulty).size() == orders + 1);
    // One more command after all of them, on the same partition: once it is invoiced, every
    // duplicate before it was handled too, so the counts below are final.
    send(command(faulty, "order-" + (orders + 1)).build());
    awaitInvoiceOf(faulty, "order-" + (orders + 1));

    List<String> sources = invoicesOf(faulty);
    System.out.printf(
        "Fault suite (invoice database refusing connections): sent %d orders (%d with duplicates),"
            + " invoices %d, lost %d, duplicated %d, transient retries %.0f%n",
        orders + 2,
        orders / 3,
        sources.size(),
        (orders + 2) - new java.util.HashSet<>(sources).size(),
        sources.size() - new java.util.HashSet<>(sources).size(),
        transientRetries() - retriesBefore);
    assertThat(sources).doesNotHaveDuplicates().hasSize(orders + 2);
    for (int i = 0; i <= orders + 1; i++) {
      assertThat(sources).contains("order-" + i);
    }
    assertThat(
            jdbc.sql("select sequence from invoices where tenant_id = ? order by sequence")
                .param(faulty)
                .query(Long.class)
                .list())
        .isEqualTo(java.util.stream.LongStream.rangeClosed(1, orders + 2).boxed().toList());
    assertThat(deadLettersOf(faulty)).isZero();
  }

  private List<String> invoicesOf(String tenantId) {
    return jdbc.sql("select source_external_id from invoices where tenant_id = ?")
        .param(tenantId)
        .query(String.class)
        .list();
  }

  private double transientRetries() {
    return meters.find("ledgerline.consumer.retries").tag("kind", "transient").counters().stream()
        .mapToDouble(c -> c.count())
        .sum();
  }

  private long deadLettersOf(String tenantId) {
    return jdbc.sql("select count(*) from dead_letters where tenant_id = ?")
        .param(tenantId)
        .query(Long.class)
        .single();
  }

  @Test
  void concurrentIssuesForOneTenantGetGaplessNumbers() throws Exception {
    int count = 12;
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<IssueInvoice.Issued>> issued = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        IssueRequest request = IssueRequests.of(command(tenant, "order-" + i).build());
        issued.add(pool.submit(() -> issueInvoice.issue(request)));
      }
      Set<Long> numbers = new TreeSet<>();
      for (Future<IssueInvoice.Issued> result : issued) {
        numbers.add(result.get().invoice().number().sequence());
      }
      assertThat(numbers).hasSize(count).first().isEqualTo(1L);
      assertThat(numbers).last().isEqualTo((long) count);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void pagesThroughInvoicesNewestFirst() {
    for (int i = 1; i <= 3; i++) {
      issueInvoice.issue(IssueRequests.of(command(tenant, "order-" + i).build()));
    }

    JsonNode first = getJson("/api/v1/invoices?limit=2", token(tenant), 200);
    JsonNode second =
        getJson(
            "/api/v1/invoices?limit=2&cursor=" + first.get("nextCursor").asString(),
            token(tenant),
            200);

    assertThat(first.get("items").get(0).get("number").asString()).isEqualTo("INV-000003");
    assertThat(first.get("items").get(1).get("number").asString()).isEqualTo("INV-000002");
    assertThat(second.get("items")).hasSize(1);
    assertThat(second.get("items").get(0).get("number").asString()).isEqualTo("INV-000001");
    assertThat(second.get("nextCursor").isNull()).isTrue();
  }

  @Test
  void usesTheTenantsOwnDefaultTaxRate() {
    jdbc.sql("insert into tenant_settings (tenant_id, default_tax_rate) values (?, 0.2)")
        .param(tenant)
        .update();
    InvoiceCommand command = command(tenant, "order-1").setShipping(null).build();
    command.getLines().get(0).setTaxRate(null);

    Invoice invoice = issueInvoice.issue(IssueRequests.of(command)).invoice();

    assertThat(invoice.lines().get(0).taxRate()).isEqualByComparingTo("0.2");
    assertThat(invoice.taxTotal()).isEqualByComparingTo("19.00");
  }

  private JsonNode awaitInvoiceOf(String tenantId, String externalId) {
    return Awaitility.await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                getJson("/api/v1/invoices?sourceExternalId=" + externalId, token(tenantId), 200)
                    .get("items"),
            items -> items.size() == 1)
        .get(0);
  }

  private JsonNode getJson(String path, String token, int status) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path)).GET();
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
      return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private int port() {
    return environment.getRequiredProperty("local.server.port", Integer.class);
  }

  private static String token(String tenantId) {
    return TestJwts.token(tenantId, "invoices:read");
  }

  private void send(InvoiceCommand command) {
    topics.send(Topics.INVOICE_COMMANDS, key(command), command);
  }

  private static String key(InvoiceCommand command) {
    return Topics.sourceKey(
        command.getTenantId(),
        command.getSource().getPlatform(),
        command.getSource().getExternalId());
  }

  static InvoiceCommand.Builder command(String tenantId, String externalId) {
    return InvoiceCommand.newBuilder()
        .setCommandId(UUID.randomUUID().toString())
        .setTenantId(tenantId)
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
                .setName("Ada Lovelace")
                .setEmail("ada@example.com")
                .setAddress(
                    io.ledgerline.events.Address.newBuilder()
                        .setCity("Springfield")
                        .setCountry("US")
                        .build())
                .build())
        .setCurrency("USD")
        .setTaxesIncluded(false)
        .setLines(
            List.of(
                LineItem.newBuilder()
                    .setSku("W-1")
                    .setName("Widget")
                    .setQuantity(Amounts.quantity(new BigDecimal("2")))
                    .setUnitPrice(Amounts.money(new BigDecimal("50.00"), "USD"))
                    .setDiscount(Amounts.money(new BigDecimal("5.00"), "USD"))
                    .setTaxRate(Amounts.rate(new BigDecimal("0.075")))
                    .build()))
        .setShipping(Amounts.money(new BigDecimal("10.00"), "USD"))
        .setIssuedAt(Instant.parse("2026-11-20T10:15:30Z"));
  }

  @Test
  void theCheckedInOpenApiDocumentMatchesTheCode() {
    io.ledgerline.platform.test.OpenApiDocuments.assertUpToDate("invoice-service", port());
  }
}
