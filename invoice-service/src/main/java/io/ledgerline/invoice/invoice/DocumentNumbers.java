package io.ledgerline.invoice.invoice;

/** Hands out a tenant's document numbers, one gapless series each for invoices and credit notes. */
public interface DocumentNumbers {

  enum Series {
    INVOICE,
    CREDIT_NOTE
  }

  /**
   * The tenant's next number in a series, taken inside the caller's transaction: no other
   * transaction gets a number of this tenant and series until it ends, and a rollback gives the
   * number back.
   */
  DocumentNumber next(String tenantId, Series series, String prefix);
}
