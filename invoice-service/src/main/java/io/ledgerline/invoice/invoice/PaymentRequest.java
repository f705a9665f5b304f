package io.ledgerline.invoice.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;

/**
 * A payment to record: {@code date} as the payer gives it, else the tenant-zone date of {@code
 * paidAt}; {@code reference} makes it idempotent (the same reference is the same payment).
 */
public record PaymentRequest(
    BigDecimal amount,
    Currency currency,
    LocalDate date,
    Instant paidAt,
    String method,
    String reference,
    Origin origin) {

  public PaymentRequest {
    if (amount == null || amount.signum() <= 0) {
      throw new InvalidInvoice("a payment needs a positive amount");
    }
    if (currency == null) {
      throw new InvalidInvoice("a payment needs a currency");
    }
    if (reference == null || reference.isBlank()) {
      throw new InvalidInvoice("a payment needs a reference");
    }
    if (date == null && paidAt == null) {
      throw new InvalidInvoice("a payment needs its date");
    }
    if (origin == null) {
      throw new InvalidInvoice("a payment needs its origin");
    }
  }
}
