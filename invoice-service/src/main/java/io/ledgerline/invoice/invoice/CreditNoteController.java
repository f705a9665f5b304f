package io.ledgerline.invoice.invoice;

import io.ledgerline.platform.service.problem.ProblemException;
import io.ledgerline.platform.service.tenant.TenantId;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading credit notes: a tenant's own, newest first, by invoice and issue date. */
@RestController
@RequestMapping("/api/v1/credit-notes")
class CreditNoteController {

  private final CreditNotes creditNotes;

  CreditNoteController(CreditNotes creditNotes) {
    this.creditNotes = creditNotes;
  }

  @GetMapping
  InvoicePage<CreditNoteView> list(
      TenantId tenant,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) String invoiceId,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    int size = ApiParams.limit(limit);
    LocalDate fromDate = ApiParams.date(from, "from");
    LocalDate toDate = ApiParams.date(to, "to");
    List<CreditNote> found =
        creditNotes.list(
            tenant.value(),
            ApiParams.uuid(invoiceId, "invoiceId"),
            fromDate,
            toDate,
            ApiParams.cursor(cursor),
            size + 1);
    List<CreditNote> page = found.size() > size ? found.subList(0, size) : found;
    String next =
        found.size() > size ? String.valueOf(page.get(page.size() - 1).number().sequence()) : null;
    return new InvoicePage<>(page.stream().map(CreditNoteView::of).toList(), next);
  }

  @GetMapping("/{id}")
  CreditNoteView get(TenantId tenant, @PathVariable String id) {
    java.util.UUID noteId;
    try {
      noteId = java.util.UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw notFound();
    }
    return creditNotes
        .findById(tenant.value(), noteId)
        .map(CreditNoteView::of)
        .orElseThrow(CreditNoteController::notFound);
  }

  private static ProblemException notFound() {
    return new ProblemException(
        HttpStatus.NOT_FOUND,
        "credit-note-not-found",
        "Credit note not found",
        "No such credit note.");
  }
}
