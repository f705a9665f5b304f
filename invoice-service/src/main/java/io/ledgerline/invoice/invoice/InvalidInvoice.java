package io.ledgerline.invoice.invoice;

/** A request for an invoice that breaks a rule: issuing it again would fail the same way. */
public class InvalidInvoice extends RuntimeException {

  public InvalidInvoice(String reason) {
    super(reason);
  }
}
