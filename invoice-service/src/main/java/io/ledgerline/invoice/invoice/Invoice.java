package io.ledgerline.invoice.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/** An issued invoice. Immutable: corrections are new documents, never edits. */
public record Invoice(
    UUID id,
    String tenantId,
    InvoiceNumber number,
    ClientSnapshot client,
    Currency currency,
    LocalDate issueDate,
    Instant issuedAt,
    List<InvoiceLine> lines,
    BigDecimal subtotal,
    BigDecimal taxTotal,
    BigDecimal total,
    SourceReference source) {

  /** The description of the line that shipping becomes. */
  public static final String SHIPPING = "Shipping";

  public Invoice {
    lines = List.copyOf(lines);
  }

  /**
   * Issues an invoice for a request: prices every line (shipping as a last line at the default
   * rate), totals are the sums of the rounded lines. The issue date is the UTC date of the issue
   * time.
   */
  public static Invoice issue(
      UUID id, InvoiceNumber number, IssueRequest request, BigDecimal defaultRate) {
    List<InvoiceLine> lines = new ArrayList<>();
    for (LineRequest line : request.lines()) {
      lines.add(InvoiceLine.price(line, defaultRate, request.currency(), request.taxesIncluded()));
    }
    if (request.shipping() != null && request.shipping().signum() > 0) {
      LineRequest shipping =
          new LineRequest(SHIPPING, null, BigDecimal.ONE, request.shipping(), null, defaultRate);
      lines.add(
          InvoiceLine.price(shipping, defaultRate, request.currency(), request.taxesIncluded()));
    }
    BigDecimal zero = Amounts.round(BigDecimal.ZERO, request.currency());
    BigDecimal subtotal = lines.stream().map(InvoiceLine::net).reduce(zero, BigDecimal::add);
    BigDecimal taxTotal = lines.stream().map(InvoiceLine::tax).reduce(zero, BigDecimal::add);
    BigDecimal total = lines.stream().map(InvoiceLine::gross).reduce(zero, BigDecimal::add);
    return new Invoice(
        id,
        request.tenantId(),
        number,
        request.client(),
        request.currency(),
        LocalDate.ofInstant(request.issuedAt(), ZoneOffset.UTC),
        request.issuedAt(),
        lines,
        subtotal,
        taxTotal,
        total,
        request.source());
  }
}
