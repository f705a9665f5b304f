package io.ledgerline.invoice.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What to credit on an invoice. {@code creditId} makes it idempotent (a refund's id, {@code
 * void:<sale>}, or the API's idempotency key): one credit note per credit id. Either {@code full}
 * (everything not yet credited: a void or cancellation), or {@code lines}, {@code shipping} and
 * {@code adjustments}, or an {@code amount} (gross) spread over the lines.
 */
public record CreditRequest(
    String creditId,
    String reason,
    boolean full,
    List<CreditLineRequest> lines,
    CreditLineRequest shipping,
    List<CreditLineRequest> adjustments,
    BigDecimal amount,
    Instant issuedAt,
    Origin origin,
    String sourceEventId) {

  public CreditRequest {
    if (creditId == null || creditId.isBlank()) {
      throw new InvalidInvoice("a credit needs its id");
    }
    if (issuedAt == null || origin == null) {
      throw new InvalidInvoice("a credit needs its time and origin");
    }
    lines = lines == null ? List.of() : List.copyOf(lines);
    adjustments = adjustments == null ? List.of() : List.copyOf(adjustments);
    if (amount != null && amount.signum() <= 0) {
      throw new InvalidInvoice("a credited amount must be positive");
    }
    boolean anything = full || !lines.isEmpty() || shipping != null || !adjustments.isEmpty();
    if (!anything && amount == null) {
      throw new InvalidInvoice("a credit needs lines, an amount, or to be full");
    }
    if (amount != null && (full || !lines.isEmpty() || shipping != null)) {
      throw new InvalidInvoice("a credit is either an amount or lines, not both");
    }
  }
}
