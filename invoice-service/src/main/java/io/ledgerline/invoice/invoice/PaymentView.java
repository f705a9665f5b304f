package io.ledgerline.invoice.invoice;

/** A payment as the API shows it. */
record PaymentView(
    String id,
    String invoiceId,
    String amount,
    String date,
    String method,
    String reference,
    String origin,
    String recordedAt) {

  static PaymentView of(Payment payment, int digits) {
    return new PaymentView(
        payment.id().toString(),
        payment.invoiceId().toString(),
        InvoiceView.amount(payment.amount(), digits),
        payment.date().toString(),
        payment.method(),
        payment.reference(),
        payment.origin().name(),
        payment.recordedAt().toString());
  }
}
