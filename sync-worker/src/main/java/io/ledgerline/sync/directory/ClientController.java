package io.ledgerline.sync.directory;

import io.ledgerline.platform.service.problem.ProblemException;
import io.ledgerline.platform.service.tenant.TenantId;
import io.ledgerline.sync.client.Client;
import io.ledgerline.sync.client.ClientAddress;
import io.ledgerline.sync.client.ClientDetails;
import io.ledgerline.sync.client.ClientRegistry;
import io.ledgerline.sync.client.Clients;
import io.ledgerline.sync.client.JdbcClientDirectory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The client API: a tenant's clients with search and a cursor, one client with its platform
 * identities, e-mails, merges and invoice totals, and merging (scopes in {@link ClientScopes}).
 * Another tenant's client does not exist for it (404).
 */
@RestController
@RequestMapping("/api/v1/clients")
class ClientController {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  private final JdbcClientDirectory directory;
  private final Clients clients;
  private final MergeClients mergeClients;

  ClientController(JdbcClientDirectory directory, Clients clients, MergeClients mergeClients) {
    this.directory = directory;
    this.clients = clients;
    this.mergeClients = mergeClients;
  }

  record ClientSummary(
      String id, String name, String email, String phone, String taxId, boolean walkIn) {
    static ClientSummary of(Client c) {
      ClientDetails d = c.details();
      return new ClientSummary(
          c.id().toString(), d.name(), d.email(), d.phone(), d.taxId(), c.walkIn());
    }
  }

  record Page(List<ClientSummary> items, String nextCursor) {}

  record ClientView(
      String id,
      String name,
      String email,
      String phone,
      String taxId,
      ClientAddress address,
      boolean walkIn,
      String mergedInto,
      List<String> emails,
      List<Clients.Identity> identities,
      long invoiceCount,
      List<TotalsView> totals,
      List<MergeView> merges) {}

  record TotalsView(String currency, long invoiceCount, String invoiced, String credited) {}

  record MergeView(String mergedId, String intoId, String reason, String mergedAt) {}

  record MergeBody(String into) {}

  @GetMapping
  Page list(
      TenantId tenant,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) String q) {
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (size < 1 || size > MAX_LIMIT) {
      throw invalid("limit must be between 1 and " + MAX_LIMIT + ".");
    }
    if (q != null && (q.strip().length() < 2 || q.length() > 100)) {
      throw invalid("q must be 2 to 100 characters.");
    }
    Long before = null;
    if (cursor != null) {
      try {
        before = Long.parseLong(cursor);
      } catch (NumberFormatException e) {
        throw invalid("cursor is not valid.");
      }
    }
    List<JdbcClientDirectory.Listed> found =
        directory.list(tenant.value(), q == null ? null : q.strip(), before, size + 1);
    List<JdbcClientDirectory.Listed> page = found.size() > size ? found.subList(0, size) : found;
    String next = found.size() > size ? String.valueOf(page.get(page.size() - 1).seq()) : null;
    return new Page(page.stream().map(l -> ClientSummary.of(l.client())).toList(), next);
  }

  @GetMapping("/{id}")
  ClientView get(TenantId tenant, @PathVariable String id) {
    UUID clientId = pathId(id);
    Client c = directory.find(tenant.value(), clientId).orElseThrow(ClientController::notFound);
    Clients.Keys keys = clients.keysOf(tenant.value(), clientId);
    List<JdbcClientDirectory.Totals> totals = directory.totals(tenant.value(), clientId);
    ClientDetails d = c.details();
    return new ClientView(
        c.id().toString(),
        d.name(),
        d.email(),
        d.phone(),
        d.taxId(),
        d.address(),
        c.walkIn(),
        c.mergedInto() == null ? null : c.mergedInto().toString(),
        keys.emails(),
        keys.identities(),
        totals.stream().mapToLong(JdbcClientDirectory.Totals::invoiceCount).sum(),
        totals.stream()
            .map(
                t ->
                    new TotalsView(
                        t.currency(),
                        t.invoiceCount(),
                        amount(t.invoiced(), t.currency()),
                        amount(t.credited(), t.currency())))
            .toList(),
        directory.merges(tenant.value(), clientId).stream()
            .map(
                m ->
                    new MergeView(
                        m.mergedId().toString(),
                        m.intoId().toString(),
                        m.reason(),
                        m.mergedAt().toString()))
            .toList());
  }

  @PostMapping("/{id}/merge")
  ClientView merge(TenantId tenant, @PathVariable String id, @RequestBody MergeBody body) {
    UUID mergedId = pathId(id);
    if (body == null || body.into() == null) {
      throw invalid("into is required: the id of the client that survives.");
    }
    UUID intoId;
    try {
      intoId = UUID.fromString(body.into());
    } catch (IllegalArgumentException e) {
      throw invalid("into is not a client id.");
    }
    try {
      mergeClients.merge(tenant.value(), mergedId, intoId);
    } catch (ClientRegistry.ClientNotFound e) {
      throw notFound();
    } catch (ClientRegistry.ClientRule e) {
      throw new ProblemException(
          HttpStatus.CONFLICT, "client-merge-refused", "Merge refused", e.getMessage());
    }
    return get(tenant, intoId.toString());
  }

  private static String amount(BigDecimal value, String currency) {
    int digits = Currency.getInstance(currency).getDefaultFractionDigits();
    return value.setScale(Math.max(digits, 0), RoundingMode.HALF_UP).toPlainString();
  }

  private static UUID pathId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw notFound();
    }
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(
        HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
  }

  private static ProblemException notFound() {
    return new ProblemException(
        HttpStatus.NOT_FOUND, "client-not-found", "Client not found", "No such client.");
  }
}
