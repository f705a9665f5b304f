package io.ledgerline.invoice.firs;

import io.ledgerline.platform.service.problem.ProblemException;
import io.ledgerline.platform.service.tenant.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/invoices/{id}/firs} (and credit notes'): the IRN, the QR payload, the FIRS
 * status and its history; 404 while the document has no IRN (FIRS not enabled, or not yet).
 */
@RestController
class FirsDocumentController {

  private final FirsDocuments documents;

  FirsDocumentController(FirsDocuments documents) {
    this.documents = documents;
  }

  @GetMapping("/api/v1/invoices/{id}/firs")
  FirsDocuments.FirsDocument invoice(TenantId tenant, @PathVariable String id) {
    return find(tenant, id);
  }

  @GetMapping("/api/v1/credit-notes/{id}/firs")
  FirsDocuments.FirsDocument creditNote(TenantId tenant, @PathVariable String id) {
    return find(tenant, id);
  }

  /**
   * Resubmits a rejected document (after the tenant fixed what FIRS refused): 202 with the record,
   * back at the status it had reached, same IRN; 409 {@code firs-not-rejected} otherwise.
   */
  @PostMapping("/api/v1/invoices/{id}/firs/submissions")
  @ResponseStatus(HttpStatus.ACCEPTED)
  FirsDocuments.FirsDocument resubmitInvoice(TenantId tenant, @PathVariable String id) {
    return resubmit(tenant, id);
  }

  @PostMapping("/api/v1/credit-notes/{id}/firs/submissions")
  @ResponseStatus(HttpStatus.ACCEPTED)
  FirsDocuments.FirsDocument resubmitCreditNote(TenantId tenant, @PathVariable String id) {
    return resubmit(tenant, id);
  }

  private FirsDocuments.FirsDocument resubmit(TenantId tenant, String id) {
    FirsDocuments.FirsDocument found = find(tenant, id);
    if (!documents.resubmit(tenant.value(), found.documentId(), Instant.now())) {
      throw new ProblemException(
          HttpStatus.CONFLICT,
          "firs-not-rejected",
          "Not rejected",
          "Only a document FIRS rejected can be resubmitted; this one is " + found.status() + ".");
    }
    return find(tenant, id);
  }

  private FirsDocuments.FirsDocument find(TenantId tenant, String id) {
    UUID documentId;
    try {
      documentId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw notFound();
    }
    return documents.find(tenant.value(), documentId).orElseThrow(FirsDocumentController::notFound);
  }

  private static ProblemException notFound() {
    return new ProblemException(
        HttpStatus.NOT_FOUND, "not-found", "Not found", "This document has no FIRS IRN.");
  }
}
