package io.ledgerline.invoice.firs;

import io.ledgerline.platform.service.problem.ProblemException;
import io.ledgerline.platform.service.tenant.TenantId;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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
