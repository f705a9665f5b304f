package io.ledgerline.invoice.invoice;

/** Hands out a tenant's invoice numbers. */
public interface InvoiceNumbers {

  /**
   * The tenant's next number, taken inside the caller's transaction: no other transaction gets a
   * number of this tenant until it ends, and a rollback gives the number back.
   */
  InvoiceNumber next(String tenantId);
}
