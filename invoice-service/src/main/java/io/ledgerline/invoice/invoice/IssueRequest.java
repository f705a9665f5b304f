package io.ledgerline.invoice.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/**
 * What a source asks to invoice, checked: a known currency, at least one line. {@code shipping}
 * (null or zero for none) is at the same basis as the lines, {@code taxesIncluded} says whether
 * prices are gross.
 */
public record IssueRequest(
    String tenantId,
    SourceReference source,
    ClientSnapshot client,
    Currency currency,
    boolean taxesIncluded,
    List<LineRequest> lines,
    BigDecimal shipping,
    Instant issuedAt) {

  public IssueRequest {
    if (tenantId == null || tenantId.isBlank()) {
      throw new InvalidInvoice("an invoice needs a tenant");
    }
    if (source == null || client == null || issuedAt == null) {
      throw new InvalidInvoice("an invoice needs its source, client and issue time");
    }
    if (currency == null) {
      throw new InvalidInvoice("an invoice needs a currency");
    }
    Amounts.fractionDigits(currency);
    if (lines == null || lines.isEmpty()) {
      throw new InvalidInvoice("an invoice needs at least one line");
    }
    if (shipping != null && shipping.signum() < 0) {
      throw new InvalidInvoice("shipping cannot be negative");
    }
    lines = List.copyOf(lines);
  }

  /** The currency for an ISO 4217 code, or an {@link InvalidInvoice} naming it. */
  public static Currency currency(String code) {
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidInvoice("unknown currency: " + code);
    }
  }
}
