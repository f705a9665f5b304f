package io.ledgerline.invoice.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * A credit note: part or all of an invoice given back (a refund, a return, a void, a correction).
 * Numbered in the tenant's own gapless credit-note series; immutable once issued.
 */
public record CreditNote(
    UUID id,
    String tenantId,
    DocumentNumber number,
    UUID invoiceId,
    Currency currency,
    LocalDate issueDate,
    Instant issuedAt,
    String reason,
    List<CreditNoteLine> lines,
    BigDecimal subtotal,
    BigDecimal taxTotal,
    BigDecimal total,
    String creditId,
    Origin origin,
    String sourceEventId) {

  public CreditNote {
    lines = List.copyOf(lines);
  }
}
