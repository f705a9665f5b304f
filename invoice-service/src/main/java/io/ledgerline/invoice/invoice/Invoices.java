package io.ledgerline.invoice.invoice;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Issued invoices, as stored. Every query is within one tenant. */
public interface Invoices {

  void add(Invoice invoice);

  Optional<Invoice> findById(String tenantId, UUID id);

  /** The invoice, its row locked until the caller's transaction ends (payments, credits). */
  Optional<Invoice> lockById(String tenantId, UUID id);

  /** The invoice of a source ({@link SourceReference#key()}), its row locked. */
  Optional<Invoice> lockBySource(String tenantId, String sourceKey);

  /**
   * The invoice of a source under any key it may be stored under ({@link SourceReference#keys()}:
   * by account, else by connection as before issue 12), its row locked.
   */
  default Optional<Invoice> lockBySource(String tenantId, SourceReference source) {
    for (String key : source.keys()) {
      Optional<Invoice> found = lockBySource(tenantId, key);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** Stores what changes after issue: the paid and credited totals and the status. */
  void updateStanding(Invoice invoice);

  /**
   * Newest first: at most {@code limit} invoices that match, numbered below the filter's cursor.
   */
  List<Invoice> list(String tenantId, InvoiceFilter filter, int limit);
}
