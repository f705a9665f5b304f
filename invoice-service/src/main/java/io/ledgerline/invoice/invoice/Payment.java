package io.ledgerline.invoice.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A payment recorded against an invoice. */
public record Payment(
    UUID id,
    UUID invoiceId,
    BigDecimal amount,
    LocalDate date,
    String method,
    String reference,
    Origin origin,
    Instant recordedAt) {

  /** The same payment asked for again: same reference and amount. */
  boolean sameAs(PaymentRequest request) {
    return reference.equals(request.reference()) && amount.compareTo(request.amount()) == 0;
  }
}
