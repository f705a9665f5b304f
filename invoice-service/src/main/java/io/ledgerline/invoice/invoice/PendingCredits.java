package io.ledgerline.invoice.invoice;

import java.util.List;
import java.util.UUID;

/**
 * Credits whose invoice does not exist yet (a refund that overtook its sale): kept until the
 * invoice is issued, then applied in that transaction.
 */
public interface PendingCredits {

  record Pending(UUID id, CreditRequest request) {}

  /** Keeps a credit; false when this credit id already waits for this source. */
  boolean add(String tenantId, String sourceKey, CreditRequest request);

  /** The credits waiting for a source, oldest first, locked for the caller's transaction. */
  List<Pending> waitingFor(String tenantId, String sourceKey);

  void remove(UUID id);

  /** Keeps a credit that could not be applied, with the reason, for an operator to look at. */
  void fail(UUID id, String reason);
}
