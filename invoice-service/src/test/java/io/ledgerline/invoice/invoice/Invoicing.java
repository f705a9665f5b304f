package io.ledgerline.invoice.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/** Test data: requests, lines and terms for the invoice rules. */
final class Invoicing {

  static final BigDecimal DEFAULT_RATE = new BigDecimal("0.075");
  static final Currency USD = Currency.getInstance("USD");
  static final Currency EUR = Currency.getInstance("EUR");
  static final Currency NGN = Currency.getInstance("NGN");
  static final ZoneId LAGOS = ZoneId.of("Africa/Lagos");
  static final Seller SELLER =
      new Seller(
          "Ledgerline Demo Ltd",
          "Demo Coffee",
          "12345678-0001",
          new PostalAddress("1 Marina", null, "Lagos", "Lagos", "101001", "NG"),
          "billing@demo.example",
          "+2348000000000",
          new Seller.BankDetails("Demo Bank", "Ledgerline Demo Ltd", "0123456789", null, null),
          null);

  private Invoicing() {}

  static InvoicingTerms terms() {
    return terms(UntaxedLines.DEFAULT_RATE, 30);
  }

  static InvoicingTerms terms(UntaxedLines untaxed, int paymentTermsDays) {
    return new InvoicingTerms(
        SELLER, LAGOS, "INV-", "CN-", paymentTermsDays, new TaxTerms(DEFAULT_RATE, untaxed));
  }

  static Invoice issue(IssueRequest request) {
    return issue(request, terms());
  }

  static Invoice issue(IssueRequest request, InvoicingTerms terms) {
    return Invoice.issue(UUID.randomUUID(), new DocumentNumber("INV-", 1), request, terms);
  }

  static LineRequest line(String quantity, String unitPrice, String discount, String rate) {
    return new LineRequest(
        "Widget",
        "W-1",
        new BigDecimal(quantity),
        new BigDecimal(unitPrice),
        discount == null ? null : new BigDecimal(discount),
        rate == null ? null : new BigDecimal(rate));
  }

  static LineRequest item(String description, String quantity, String unitPrice, LineTax tax) {
    return new LineRequest(
        description,
        description.toUpperCase(java.util.Locale.ROOT).replace(' ', '-'),
        new BigDecimal(quantity),
        new BigDecimal(unitPrice),
        null,
        tax,
        "line-" + description);
  }

  static LineTax taxed(String rate, String amount) {
    return new LineTax(
        true,
        rate == null ? null : new BigDecimal(rate),
        amount == null ? null : new BigDecimal(amount),
        null,
        null);
  }

  static LineTax untaxed(TaxCategory category, String reason) {
    return new LineTax(false, null, null, category, reason);
  }

  static LineRequest shipping(String price, LineTax tax) {
    return new LineRequest(
        Invoice.SHIPPING, null, BigDecimal.ONE, new BigDecimal(price), null, tax, null);
  }

  static IssueRequest request(
      Currency currency, boolean taxesIncluded, List<LineRequest> lines, LineRequest shipping) {
    return request(currency, taxesIncluded, lines, shipping, Instant.parse("2026-11-20T10:30:00Z"));
  }

  static IssueRequest request(
      Currency currency,
      boolean taxesIncluded,
      List<LineRequest> lines,
      LineRequest shipping,
      Instant issuedAt) {
    return new IssueRequest(
        "tenant-1",
        new SourceReference("SHOPIFY", "conn-1", "order-1", "#1001", "event-1"),
        SourceKind.SALE,
        new ClientSnapshot("client-1", "Ada Lovelace", "ada@example.com", null, null, null),
        currency,
        taxesIncluded,
        lines,
        shipping,
        issuedAt,
        null,
        List.of());
  }

  static IssueRequest withTotals(IssueRequest r, String total, String taxTotal) {
    return new IssueRequest(
        r.tenantId(),
        r.source(),
        r.sourceKind(),
        r.client(),
        r.currency(),
        r.taxesIncluded(),
        r.lines(),
        r.shipping(),
        r.issuedAt(),
        new PlatformTotals(
            new BigDecimal(total), taxTotal == null ? null : new BigDecimal(taxTotal)),
        r.payments());
  }
}
