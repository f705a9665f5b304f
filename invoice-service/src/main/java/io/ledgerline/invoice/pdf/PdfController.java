package io.ledgerline.invoice.pdf;

import io.ledgerline.invoice.firs.FirsDocuments;
import io.ledgerline.invoice.invoice.CreditNote;
import io.ledgerline.invoice.invoice.CreditNotes;
import io.ledgerline.invoice.invoice.Invoice;
import io.ledgerline.invoice.invoice.Invoices;
import io.ledgerline.platform.service.problem.ProblemException;
import io.ledgerline.platform.service.tenant.TenantId;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Invoices and credit notes as PDF: the documents' own paths with {@code Accept: application/pdf},
 * or their {@code /pdf} paths. Another tenant's document does not exist (404).
 */
@RestController
class PdfController {

  private final Invoices invoices;
  private final CreditNotes creditNotes;
  private final FirsDocuments firs;

  PdfController(Invoices invoices, CreditNotes creditNotes, FirsDocuments firs) {
    this.invoices = invoices;
    this.creditNotes = creditNotes;
    this.firs = firs;
  }

  /** The FIRS QR code once FIRS has signed the document (the payload carries the signing time). */
  private PrintedDocument.Qr qr(TenantId tenant, UUID documentId) {
    return firs.find(tenant.value(), documentId)
        .filter(d -> d.qrPayload() != null)
        .map(d -> new PrintedDocument.Qr(QrCodes.png(d.qrPayload()), d.irn()))
        .orElse(null);
  }

  @GetMapping(path = "/api/v1/invoices/{id}", produces = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<byte[]> invoice(TenantId tenant, @PathVariable String id) {
    Invoice invoice =
        invoices
            .findById(tenant.value(), uuid(id, "invoice"))
            .orElseThrow(() -> notFound("invoice"));
    return pdf(
        invoice.number() + ".pdf", PrintedDocument.invoice(invoice, qr(tenant, invoice.id())));
  }

  @GetMapping(path = "/api/v1/invoices/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<byte[]> invoicePdf(TenantId tenant, @PathVariable String id) {
    return invoice(tenant, id);
  }

  @GetMapping(path = "/api/v1/credit-notes/{id}", produces = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<byte[]> creditNote(TenantId tenant, @PathVariable String id) {
    CreditNote note =
        creditNotes
            .findById(tenant.value(), uuid(id, "credit-note"))
            .orElseThrow(() -> notFound("credit-note"));
    Invoice invoice =
        invoices.findById(tenant.value(), note.invoiceId()).orElseThrow(() -> notFound("invoice"));
    return pdf(
        note.number() + ".pdf", PrintedDocument.creditNote(note, invoice, qr(tenant, note.id())));
  }

  @GetMapping(path = "/api/v1/credit-notes/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<byte[]> creditNotePdf(TenantId tenant, @PathVariable String id) {
    return creditNote(tenant, id);
  }

  private static ResponseEntity<byte[]> pdf(String filename, String html) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + filename + "\"")
        .body(PdfRenderer.render(html));
  }

  private static UUID uuid(String id, String kind) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw notFound(kind);
    }
  }

  private static ProblemException notFound(String kind) {
    String title = kind.equals("invoice") ? "Invoice not found" : "Credit note not found";
    String detail = kind.equals("invoice") ? "No such invoice." : "No such credit note.";
    return new ProblemException(HttpStatus.NOT_FOUND, kind + "-not-found", title, detail);
  }
}
