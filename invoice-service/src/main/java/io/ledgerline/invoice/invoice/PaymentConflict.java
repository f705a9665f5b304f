package io.ledgerline.invoice.invoice;

/** A payment reference already recorded with another amount: the same reference is one payment. */
public class PaymentConflict extends InvalidInvoice {

  public PaymentConflict(String reason) {
    super(reason);
  }
}
