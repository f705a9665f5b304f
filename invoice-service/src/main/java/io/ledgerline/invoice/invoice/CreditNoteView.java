package io.ledgerline.invoice.invoice;

import static io.ledgerline.invoice.invoice.InvoiceView.amount;
import static io.ledgerline.invoice.invoice.InvoiceView.plain;

import java.util.List;

/** A credit note as the API shows it; amounts as decimal strings like the invoice's. */
record CreditNoteView(
    String id,
    String number,
    String invoiceId,
    String currency,
    String issueDate,
    String issuedAt,
    String reason,
    List<Line> lines,
    String subtotal,
    String taxTotal,
    String total,
    Source source) {

  record Line(
      Integer invoiceLine,
      String description,
      String sku,
      String quantity,
      String taxRate,
      String taxCategory,
      String taxExemptionReason,
      String net,
      String tax,
      String gross) {}

  record Source(String origin, String creditId, String eventId) {}

  static CreditNoteView of(CreditNote note) {
    int digits = note.currency().getDefaultFractionDigits();
    return new CreditNoteView(
        note.id().toString(),
        note.number().toString(),
        note.invoiceId().toString(),
        note.currency().getCurrencyCode(),
        note.issueDate().toString(),
        note.issuedAt().toString(),
        note.reason(),
        note.lines().stream()
            .map(
                l ->
                    new Line(
                        l.invoiceLine(),
                        l.description(),
                        l.sku(),
                        plain(l.quantity()),
                        plain(l.taxRate()),
                        l.taxCategory().name(),
                        l.taxExemptionReason(),
                        amount(l.net(), digits),
                        amount(l.tax(), digits),
                        amount(l.gross(), digits)))
            .toList(),
        amount(note.subtotal(), digits),
        amount(note.taxTotal(), digits),
        amount(note.total(), digits),
        new Source(note.origin().name(), note.creditId(), note.sourceEventId()));
  }
}
