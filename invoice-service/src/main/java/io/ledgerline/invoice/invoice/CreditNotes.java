package io.ledgerline.invoice.invoice;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Issued credit notes. Every query is within one tenant. */
public interface CreditNotes {

  void add(CreditNote note);

  Optional<CreditNote> findById(String tenantId, UUID id);

  Optional<CreditNote> findByCreditId(String tenantId, UUID invoiceId, String creditId);

  /** An invoice's credit notes, oldest first. */
  List<CreditNote> forInvoice(String tenantId, UUID invoiceId);

  /** Newest first, at most {@code limit}, numbered below {@code before} (null: from the newest). */
  List<CreditNote> list(
      String tenantId, UUID invoiceId, LocalDate from, LocalDate to, Long before, int limit);
}
