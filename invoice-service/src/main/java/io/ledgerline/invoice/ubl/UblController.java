package io.ledgerline.invoice.ubl;

import io.ledgerline.invoice.invoice.CreditNote;
import io.ledgerline.invoice.invoice.CreditNotes;
import io.ledgerline.invoice.invoice.Invoice;
import io.ledgerline.invoice.invoice.Invoices;
import io.ledgerline.platform.service.problem.ProblemException;
import io.ledgerline.platform.service.tenant.TenantId;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Invoices and credit notes as UBL 2.1: the documents' own paths with {@code Accept:
 * application/xml}, or their {@code /ubl} paths. Another tenant's document does not exist (404);
 * one that lacks what EN 16931 requires is a 422 naming the business terms.
 */
@RestController
class UblController {

  private final Invoices invoices;
  private final CreditNotes creditNotes;

  UblController(Invoices invoices, CreditNotes creditNotes) {
    this.invoices = invoices;
    this.creditNotes = creditNotes;
  }

  @GetMapping(path = "/api/v1/invoices/{id}", produces = MediaType.APPLICATION_XML_VALUE)
  ResponseEntity<byte[]> invoice(TenantId tenant, @PathVariable String id) {
    Invoice invoice = invoiceOf(tenant, id);
    return xml(invoice.number() + ".xml", () -> UblXml.invoice(invoice));
  }

  @GetMapping(path = "/api/v1/invoices/{id}/ubl", produces = MediaType.APPLICATION_XML_VALUE)
  ResponseEntity<byte[]> invoiceUbl(TenantId tenant, @PathVariable String id) {
    return invoice(tenant, id);
  }

  @GetMapping(path = "/api/v1/credit-notes/{id}", produces = MediaType.APPLICATION_XML_VALUE)
  ResponseEntity<byte[]> creditNote(TenantId tenant, @PathVariable String id) {
    CreditNote note =
        creditNotes
            .findById(tenant.value(), uuid(id, "credit-note"))
            .orElseThrow(() -> notFound("credit-note"));
    // The note's invoice always exists for its tenant (a foreign key); it gives seller and buyer.
    Invoice invoice =
        invoices.findById(tenant.value(), note.invoiceId()).orElseThrow(() -> notFound("invoice"));
    return xml(note.number() + ".xml", () -> UblXml.creditNote(note, invoice));
  }

  @GetMapping(path = "/api/v1/credit-notes/{id}/ubl", produces = MediaType.APPLICATION_XML_VALUE)
  ResponseEntity<byte[]> creditNoteUbl(TenantId tenant, @PathVariable String id) {
    return creditNote(tenant, id);
  }

  private Invoice invoiceOf(TenantId tenant, String id) {
    return invoices
        .findById(tenant.value(), uuid(id, "invoice"))
        .orElseThrow(() -> notFound("invoice"));
  }

  private static ResponseEntity<byte[]> xml(String filename, Supplier<byte[]> document) {
    byte[] body;
    try {
      body = document.get();
    } catch (MissingBusinessTerms e) {
      throw new IncompleteEInvoice(e);
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_XML)
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + filename + "\"")
        .body(body);
  }

  private static UUID uuid(String id, String kind) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw notFound(kind);
    }
  }

  static ProblemException notFound(String kind) {
    String title = kind.equals("invoice") ? "Invoice not found" : "Credit note not found";
    String detail = kind.equals("invoice") ? "No such invoice." : "No such credit note.";
    return new ProblemException(HttpStatus.NOT_FOUND, kind + "-not-found", title, detail);
  }
}
