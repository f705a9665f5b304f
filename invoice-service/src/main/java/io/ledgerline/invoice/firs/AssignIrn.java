package io.ledgerline.invoice.firs;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives an issued invoice or credit note of a tenant with FIRS enabled its one IRN (status {@code
 * PENDING}). Idempotent: a document that has an IRN keeps it. Its QR payload is made when FIRS
 * signs it ({@link SubmitToFirs}), since it carries the signing timestamp.
 */
@Service
public class AssignIrn {

  private static final Logger log = LoggerFactory.getLogger(AssignIrn.class);

  private final FirsAccounts accounts;
  private final FirsDocuments documents;
  private final Clock clock;

  AssignIrn(FirsAccounts accounts, FirsDocuments documents) {
    this.accounts = accounts;
    this.documents = documents;
    this.clock = Clock.systemUTC();
  }

  /** A document as the invoice event names it. */
  public record Document(
      String tenantId, UUID id, String kind, String number, LocalDate issueDate) {}

  @Transactional
  public boolean assign(Document document) {
    FirsAccount account = accounts.find(document.tenantId()).orElse(null);
    if (account == null || !account.enabled()) {
      return false;
    }
    Irn irn = Irn.of(document.number(), account.serviceId(), document.issueDate());
    FirsDocuments.Added added =
        documents.addIfAbsent(
            document.tenantId(), document.id(), document.kind(), irn, clock.instant());
    switch (added) {
      case ADDED ->
          log.info("Document {} of tenant {} has IRN {}", document.id(), document.tenantId(), irn);
      case IRN_TAKEN ->
          // Its number's alphanumerics equal another document's (prefixes differing only in
          // punctuation): FIRS would refuse a second use of the IRN, so it gets none.
          log.error(
              "Document {} of tenant {} gets no IRN: {} belongs to another of its documents",
              document.id(),
              document.tenantId(),
              irn);
      case ALREADY -> {}
    }
    return added == FirsDocuments.Added.ADDED;
  }
}
