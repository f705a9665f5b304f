package io.ledgerline.invoice.invoice;

import java.time.LocalDate;

/**
 * Which invoices to list; every field may be null (no filter). {@code from} and {@code to} bound
 * the issue date, both inclusive; {@code q} matches the client's name or e-mail (contains, case
 * insensitive); {@code before} is the cursor (a sequence).
 */
public record InvoiceFilter(
    InvoiceStatus status,
    LocalDate from,
    LocalDate to,
    String clientId,
    String platform,
    String connectionId,
    String number,
    String q,
    String sourceExternalId,
    Long before) {

  public static InvoiceFilter none() {
    return new InvoiceFilter(null, null, null, null, null, null, null, null, null, null);
  }
}
