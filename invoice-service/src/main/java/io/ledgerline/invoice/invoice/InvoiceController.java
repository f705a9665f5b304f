package io.ledgerline.invoice.invoice;

import io.ledgerline.platform.service.problem.ProblemException;
import io.ledgerline.platform.service.tenant.TenantId;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The invoice API: a tenant reads its own invoices (scope in {@link
 * io.ledgerline.invoice.InvoiceScopes}); another tenant's invoice does not exist for it (404, never
 * 403, so ids cannot be probed).
 */
@RestController
@RequestMapping("/api/v1/invoices")
class InvoiceController {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  private final Invoices invoices;

  InvoiceController(Invoices invoices) {
    this.invoices = invoices;
  }

  @GetMapping
  InvoicePage list(
      TenantId tenant,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) String sourceExternalId) {
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (size < 1 || size > MAX_LIMIT) {
      throw invalid("limit must be between 1 and " + MAX_LIMIT + ".");
    }
    Long before = cursor == null ? null : cursor(cursor);
    // One more than asked: whether it exists says if there is a next page.
    List<Invoice> found = invoices.list(tenant.value(), before, size + 1, sourceExternalId);
    List<Invoice> page = found.size() > size ? found.subList(0, size) : found;
    String next =
        found.size() > size ? String.valueOf(page.get(page.size() - 1).number().sequence()) : null;
    return new InvoicePage(page.stream().map(InvoiceView::of).toList(), next);
  }

  @GetMapping("/{id}")
  InvoiceView get(TenantId tenant, @PathVariable String id) {
    UUID invoiceId;
    try {
      invoiceId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw notFound();
    }
    return invoices
        .findById(tenant.value(), invoiceId)
        .map(InvoiceView::of)
        .orElseThrow(InvoiceController::notFound);
  }

  private static long cursor(String cursor) {
    try {
      long value = Long.parseLong(cursor);
      if (value < 1) {
        throw invalid("cursor is not valid.");
      }
      return value;
    } catch (NumberFormatException e) {
      throw invalid("cursor is not valid.");
    }
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(
        HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
  }

  private static ProblemException notFound() {
    return new ProblemException(
        HttpStatus.NOT_FOUND, "invoice-not-found", "Invoice not found", "No such invoice.");
  }
}
