package io.ledgerline.invoice.invoice;

/** No such invoice for this tenant (another tenant's invoice does not exist for it). */
public class InvoiceNotFound extends RuntimeException {

  public InvoiceNotFound() {
    super("No such invoice.");
  }
}
