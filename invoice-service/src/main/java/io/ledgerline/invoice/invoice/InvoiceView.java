package io.ledgerline.invoice.invoice;

import java.math.BigDecimal;
import java.util.List;

/**
 * An invoice as the API shows it. Amounts are decimal strings with the currency's fraction digits
 * ("107.50"), so no client parses money through a binary float.
 */
record InvoiceView(
    String id,
    String number,
    String currency,
    String issueDate,
    String issuedAt,
    Client client,
    List<Line> lines,
    String subtotal,
    String taxTotal,
    String total,
    Source source) {

  record Client(
      String id, String name, String email, String phone, String taxId, PostalAddress address) {}

  record Line(
      String description,
      String sku,
      String quantity,
      String unitPrice,
      String discount,
      String taxRate,
      String net,
      String tax,
      String gross) {}

  record Source(
      String platform, String connectionId, String externalId, String reference, String eventId) {}

  static InvoiceView of(Invoice invoice) {
    int digits = invoice.currency().getDefaultFractionDigits();
    ClientSnapshot c = invoice.client();
    SourceReference s = invoice.source();
    return new InvoiceView(
        invoice.id().toString(),
        invoice.number().toString(),
        invoice.currency().getCurrencyCode(),
        invoice.issueDate().toString(),
        invoice.issuedAt().toString(),
        new Client(c.id(), c.name(), c.email(), c.phone(), c.taxId(), c.address()),
        invoice.lines().stream()
            .map(
                l ->
                    new Line(
                        l.description(),
                        l.sku(),
                        plain(l.quantity()),
                        price(l.unitPrice(), digits),
                        l.discount() == null ? null : price(l.discount(), digits),
                        plain(l.taxRate()),
                        amount(l.net(), digits),
                        amount(l.tax(), digits),
                        amount(l.gross(), digits)))
            .toList(),
        amount(invoice.subtotal(), digits),
        amount(invoice.taxTotal(), digits),
        amount(invoice.total(), digits),
        new Source(s.platform(), s.connectionId(), s.externalId(), s.reference(), s.eventId()));
  }

  private static String amount(BigDecimal value, int digits) {
    return value.setScale(digits, java.math.RoundingMode.UNNECESSARY).toPlainString();
  }

  /** Unit prices may be finer than the currency (0.125 per screw): never rounded for display. */
  private static String price(BigDecimal value, int digits) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() <= digits
        ? value.setScale(digits, java.math.RoundingMode.UNNECESSARY).toPlainString()
        : stripped.toPlainString();
  }

  private static String plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }
}
