package io.ledgerline.invoice.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An invoice as the API shows it. Amounts are decimal strings with the currency's fraction digits
 * ("107.50"), so no client parses money through a binary float.
 */
record InvoiceView(
    String id,
    String number,
    String status,
    boolean overdue,
    String currency,
    String issueDate,
    String dueDate,
    String issuedAt,
    Seller seller,
    Client client,
    List<Line> lines,
    String subtotal,
    String taxTotal,
    String total,
    String paidTotal,
    String creditedTotal,
    String balanceDue,
    List<String> creditNoteIds,
    Reconciliation reconciliation,
    Source source) {

  record Client(
      String id,
      String name,
      String email,
      String phone,
      String taxId,
      PostalAddress address,
      Seller.ElectronicAddress electronicAddress) {}

  record Line(
      int position,
      String description,
      String sku,
      String quantity,
      String unitPrice,
      String discount,
      String taxRate,
      String taxCategory,
      String taxExemptionReason,
      String net,
      String tax,
      String gross) {}

  record Reconciliation(
      String platformTotal,
      String invoiceTotal,
      String difference,
      String platformTaxTotal,
      String invoiceTaxTotal) {}

  record Source(
      String platform,
      String connectionId,
      String externalId,
      String reference,
      String eventId,
      String accountId) {}

  static InvoiceView of(Invoice invoice, LocalDate today) {
    int digits = invoice.currency().getDefaultFractionDigits();
    ClientSnapshot c = invoice.client();
    SourceReference s = invoice.source();
    var r = invoice.reconciliation();
    List<InvoiceLine> lines = invoice.lines();
    return new InvoiceView(
        invoice.id().toString(),
        invoice.number().toString(),
        invoice.status().name(),
        invoice.overdue(today),
        invoice.currency().getCurrencyCode(),
        invoice.issueDate().toString(),
        invoice.dueDate().toString(),
        invoice.issuedAt().toString(),
        invoice.seller(),
        new Client(
            c.id(), c.name(), c.email(), c.phone(), c.taxId(), c.address(), c.electronicAddress()),
        java.util.stream.IntStream.range(0, lines.size())
            .mapToObj(
                i -> {
                  InvoiceLine l = lines.get(i);
                  return new Line(
                      i + 1,
                      l.description(),
                      l.sku(),
                      plain(l.quantity()),
                      price(l.unitPrice(), digits),
                      l.discount() == null ? null : price(l.discount(), digits),
                      plain(l.taxRate()),
                      l.taxCategory().name(),
                      l.taxExemptionReason(),
                      amount(l.net(), digits),
                      amount(l.tax(), digits),
                      amount(l.gross(), digits));
                })
            .toList(),
        amount(invoice.subtotal(), digits),
        amount(invoice.taxTotal(), digits),
        amount(invoice.total(), digits),
        amount(invoice.paidTotal(), digits),
        amount(invoice.creditedTotal(), digits),
        amount(invoice.balanceDue(), digits),
        invoice.creditNoteIds().stream().map(UUID::toString).toList(),
        r == null
            ? null
            : new Reconciliation(
                amount(r.platformTotal(), digits),
                amount(r.invoiceTotal(), digits),
                amount(r.difference(), digits),
                r.platformTaxTotal() == null ? null : amount(r.platformTaxTotal(), digits),
                amount(r.invoiceTaxTotal(), digits)),
        new Source(
            s.platform(),
            s.connectionId(),
            s.externalId(),
            s.reference(),
            s.eventId(),
            s.accountId()));
  }

  static String amount(BigDecimal value, int digits) {
    return value.setScale(digits, RoundingMode.UNNECESSARY).toPlainString();
  }

  /** Unit prices may be finer than the currency (0.125 per screw): never rounded for display. */
  static String price(BigDecimal value, int digits) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() <= digits
        ? value.setScale(digits, RoundingMode.UNNECESSARY).toPlainString()
        : stripped.toPlainString();
  }

  static String plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }
}
