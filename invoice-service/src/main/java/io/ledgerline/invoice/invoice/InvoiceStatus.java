package io.ledgerline.invoice.invoice;

/** Where an invoice stands, derived from its total, payments and credit notes. */
public enum InvoiceStatus {
  ISSUED,
  PARTIALLY_PAID,
  PAID,
  /** Fully credited: credit notes cancel the whole invoice. */
  CREDITED
}
