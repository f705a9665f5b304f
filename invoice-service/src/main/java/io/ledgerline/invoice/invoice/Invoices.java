package io.ledgerline.invoice.invoice;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Issued invoices, as stored. Every query is within one tenant. */
public interface Invoices {

  void add(Invoice invoice);

  Optional<Invoice> findById(String tenantId, UUID id);

  Optional<Invoice> findBySource(String tenantId, SourceReference source);

  /**
   * Newest first: at most {@code limit} invoices numbered below {@code before} (null: from the
   * newest), optionally only those of one source object's external id.
   */
  List<Invoice> list(String tenantId, Long before, int limit, String sourceExternalId);
}
