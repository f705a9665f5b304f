package io.ledgerline.invoice.invoice;

import java.time.ZoneId;
import java.util.Objects;

/**
 * Everything of a tenant's settings that a new invoice or credit note depends on, as it is at the
 * moment of issue: the seller snapshot, the time zone of issue dates, the number prefixes, the
 * payment terms and the tax rules (for the connection the source came from).
 */
public record InvoicingTerms(
    Seller seller,
    ZoneId timeZone,
    String invoicePrefix,
    String creditNotePrefix,
    int paymentTermsDays,
    TaxTerms tax) {

  public InvoicingTerms {
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(tax, "tax");
    if (paymentTermsDays < 0) {
      throw new IllegalArgumentException("payment terms cannot be negative");
    }
  }
}
