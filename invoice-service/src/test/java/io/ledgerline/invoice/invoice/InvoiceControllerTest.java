package io.ledgerline.invoice.invoice;

import static io.ledgerline.invoice.invoice.Invoicing.line;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.ledgerline.invoice.InvoiceScopes;
import io.ledgerline.platform.service.problem.ProblemSupportAutoConfiguration;
import io.ledgerline.platform.service.security.SecuritySupportAutoConfiguration;
import io.ledgerline.platform.service.tenant.TenantSupportAutoConfiguration;
import io.ledgerline.platform.test.TestJwts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The invoice API with the platform's real security (RS256 tokens checked by a real decoder), the
 * tenant resolver and problem details; invoices from an in-memory store.
 */
@WebMvcTest(
    controllers = InvoiceController.class,
    properties = {
      // A web slice needs no configuration: application.yml (and its config server import) is not
      // read.
      "spring.config.name=web-slice-without-config-files",
      "spring.cloud.config.enabled=false",
      "ledgerline.test.shared-infrastructure=false",
      "ledgerline.kafka.enabled=false"
    })
@ImportAutoConfiguration({
  SecurityAutoConfiguration.class,
  ServletWebSecurityAutoConfiguration.class,
  SecurityFilterAutoConfiguration.class,
  SecuritySupportAutoConfiguration.class,
  TenantSupportAutoConfiguration.class,
  ProblemSupportAutoConfiguration.class
})
@Import(InvoiceScopes.class)
class InvoiceControllerTest {

  @TestConfiguration
  static class Beans {
    @Bean
    JwtDecoder jwtDecoder() {
      return TestJwts.decoder();
    }

    @Bean
    InMemoryInvoices invoices() {
      return new InMemoryInvoices();
    }

    @Bean
    InvoicingProfiles profiles() {
      return (tenant, connection) -> Invoicing.terms();
    }
  }

  @MockitoBean Payments payments;
  @MockitoBean RecordPayment recordPayment;
  @MockitoBean CreditInvoice creditInvoice;

  @Autowired MockMvc mvc;
  @Autowired InMemoryInvoices invoices;

  private Invoice mine;

  @BeforeEach
  void issueSome() {
    invoices.rows.clear();
    mine = invoice("acme", 1, "order-1");
    invoices.add(mine);
    invoices.add(invoice("acme", 2, "order-2"));
    invoices.add(invoice("acme", 3, "order-3"));
    invoices.add(invoice("globex", 1, "order-9"));
  }

  @Test
  void servesAnInvoiceWithAmountsAsDecimalStrings() throws Exception {
    mvc.perform(get("/api/v1/invoices/" + mine.id()).header("Authorization", bearer("acme")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.number").value("INV-000001"))
        .andExpect(jsonPath("$.total").value("107.50"))
        .andExpect(jsonPath("$.taxTotal").value("7.50"))
        .andExpect(jsonPath("$.lines[0].unitPrice").value("100.00"))
        .andExpect(jsonPath("$.client.name").value("Ada Lovelace"))
        .andExpect(jsonPath("$.source.externalId").value("order-1"));
  }

  @Test
  void anotherTenantsInvoiceIsNotFound() throws Exception {
    mvc.perform(get("/api/v1/invoices/" + mine.id()).header("Authorization", bearer("globex")))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.type").value("https://ledgerline.io/problems/invoice-not-found"));
  }

  @Test
  void listsOnlyTheTenantsInvoicesNewestFirstAPageAtATime() throws Exception {
    mvc.perform(get("/api/v1/invoices?limit=2").header("Authorization", bearer("acme")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items.length()").value(2))
        .andExpect(jsonPath("$.items[0].number").value("INV-000003"))
        .andExpect(jsonPath("$.items[1].number").value("INV-000002"))
        .andExpect(jsonPath("$.nextCursor").value("2"));
    mvc.perform(get("/api/v1/invoices?limit=2&cursor=2").header("Authorization", bearer("acme")))
        .andExpect(jsonPath("$.items.length()").value(1))
        .andExpect(jsonPath("$.items[0].number").value("INV-000001"))
        .andExpect(jsonPath("$.nextCursor").doesNotExist());
  }

  @Test
  void filtersBySourceExternalId() throws Exception {
    mvc.perform(
            get("/api/v1/invoices?sourceExternalId=order-2")
                .header("Authorization", bearer("acme")))
        .andExpect(jsonPath("$.items.length()").value(1))
        .andExpect(jsonPath("$.items[0].source.externalId").value("order-2"));
  }

  @Test
  void showsTheStatusDueDateAndSeller() throws Exception {
    mvc.perform(get("/api/v1/invoices/" + mine.id()).header("Authorization", bearer("acme")))
        .andExpect(jsonPath("$.status").value("ISSUED"))
        .andExpect(jsonPath("$.dueDate").value("2026-12-20"))
        .andExpect(jsonPath("$.balanceDue").value("107.50"))
        .andExpect(jsonPath("$.seller.legalName").value("Ledgerline Demo Ltd"))
        .andExpect(jsonPath("$.seller.address.country").value("NG"));
  }

  @Test
  void filtersByStatusAndRejectsAnUnknownStatusOrBadDates() throws Exception {
    mvc.perform(get("/api/v1/invoices?status=paid").header("Authorization", bearer("acme")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items.length()").value(0));
    mvc.perform(get("/api/v1/invoices?status=issued").header("Authorization", bearer("acme")))
        .andExpect(jsonPath("$.items.length()").value(3));
    mvc.perform(get("/api/v1/invoices?status=lost").header("Authorization", bearer("acme")))
        .andExpect(status().isBadRequest());
    mvc.perform(
            get("/api/v1/invoices?from=2026-12-01&to=2026-11-01")
                .header("Authorization", bearer("acme")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("from must not be after to."));
    mvc.perform(get("/api/v1/invoices?q=a").header("Authorization", bearer("acme")))
        .andExpect(status().isBadRequest());
  }

  @Test
  void writingNeedsTheWriteScope() throws Exception {
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                    "/api/v1/invoices/" + mine.id() + "/payments")
                .contentType("application/json")
                .content("{\"amount\":\"1.00\",\"reference\":\"r\"}")
                .header("Authorization", bearer("acme")))
        .andExpect(status().isForbidden());
  }

  @Test
  void rejectsABadLimitOrCursorAsAProblem() throws Exception {
    mvc.perform(get("/api/v1/invoices?limit=0").header("Authorization", bearer("acme")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("https://ledgerline.io/problems/invalid-request"));
    mvc.perform(get("/api/v1/invoices?cursor=abc").header("Authorization", bearer("acme")))
        .andExpect(status().isBadRequest());
  }

  @Test
  void refusesTokensWithoutTheScopeForgedTokensAndNoToken() throws Exception {
    mvc.perform(
            get("/api/v1/invoices")
                .header("Authorization", "Bearer " + TestJwts.token("acme", "connections:read")))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.type").value("https://ledgerline.io/problems/forbidden"));
    mvc.perform(
            get("/api/v1/invoices")
                .header("Authorization", "Bearer " + TestJwts.forgedToken("acme", "invoices:read")))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/api/v1/invoices")).andExpect(status().isUnauthorized());
  }

  private static String bearer(String tenant) {
    return "Bearer " + TestJwts.token(tenant, "invoices:read");
  }

  private static Invoice invoice(String tenant, long number, String externalId) {
    IssueRequest request =
        new IssueRequest(
            tenant,
            new SourceReference(
                "SHOPIFY", "conn-1", externalId, "#100" + number, "event-" + number),
            SourceKind.SALE,
            new ClientSnapshot("client-1", "Ada Lovelace", "ada@example.com", null, null, null),
            Currency.getInstance("USD"),
            false,
            List.of(line("1", "100.00", null, null)),
            null,
            Instant.parse("2026-11-20T10:00:00Z"),
            null,
            List.of());
    return Invoice.issue(
        UUID.randomUUID(), new DocumentNumber("INV-", number), request, Invoicing.terms());
  }

  /** Behaves like the table: per tenant, newest (highest number) first. */
  static final class InMemoryInvoices implements Invoices {
    final List<Invoice> rows = new ArrayList<>();

    @Override
    public void add(Invoice invoice) {
      rows.add(invoice);
    }

    @Override
    public Optional<Invoice> findById(String tenantId, UUID id) {
      return rows.stream()
          .filter(i -> i.tenantId().equals(tenantId) && i.id().equals(id))
          .findFirst();
    }

    @Override
    public Optional<Invoice> lockById(String tenantId, UUID id) {
      return findById(tenantId, id);
    }

    @Override
    public Optional<Invoice> lockBySource(String tenantId, String sourceKey) {
      return rows.stream()
          .filter(i -> i.tenantId().equals(tenantId) && i.source().key().equals(sourceKey))
          .findFirst();
    }

    @Override
    public void updateStanding(Invoice invoice) {
      rows.replaceAll(i -> i.id().equals(invoice.id()) ? invoice : i);
    }

    @Override
    public List<Invoice> list(String tenantId, InvoiceFilter filter, int limit) {
      return rows.stream()
          .filter(i -> i.tenantId().equals(tenantId))
          .filter(i -> filter.before() == null || i.number().sequence() < filter.before())
          .filter(
              i ->
                  filter.sourceExternalId() == null
                      || i.source().externalId().equals(filter.sourceExternalId()))
          .filter(i -> filter.status() == null || i.status() == filter.status())
          .sorted(Comparator.comparing(Invoice::number).reversed())
          .limit(limit)
          .toList();
    }
  }
}
