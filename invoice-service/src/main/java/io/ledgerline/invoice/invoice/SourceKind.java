package io.ledgerline.invoice.invoice;

/** What an invoice's source is: a POS or shop sale (paid at the till) or a CRM deal (billed). */
public enum SourceKind {
  SALE,
  DEAL
}
