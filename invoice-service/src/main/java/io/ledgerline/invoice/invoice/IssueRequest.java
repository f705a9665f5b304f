package io.ledgerline.invoice.invoice;

import java.time.Instant;
import java.util.Currency;
import java.util.List;

/**
 * What a source asks to invoice, checked: a known currency, at least one line. {@code shipping}
 * (null for none) is a line at the same basis as the others, {@code taxesIncluded} says whether
 * prices are gross. {@code platformTotals} (may be null) are the source's own totals, {@code
 * payments} what the buyer paid.
 */
public record IssueRequest(
    String tenantId,
    SourceReference source,
    SourceKind sourceKind,
    ClientSnapshot client,
    Currency currency,
    boolean taxesIncluded,
    List<LineRequest> lines,
    LineRequest shipping,
    Instant issuedAt,
    PlatformTotals platformTotals,
    List<PaymentRequest> payments) {

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
    lines = List.copyOf(lines);
    payments = payments == null ? List.of() : List.copyOf(payments);
    for (PaymentRequest payment : payments) {
      if (!payment.currency().equals(currency)) {
        throw new InvalidInvoice(
            "a payment is in " + payment.currency() + ", the invoice is in " + currency);
      }
    }
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
