package io.ledgerline.invoice.invoice;

/**
 * A line's VAT category, the distinction UBL (UNCL5305: S, Z, E, O) and FIRS need: a 0 % line is
 * zero-rated, exempt or out of scope, and the invoice must say which.
 */
public enum TaxCategory {
  STANDARD,
  ZERO_RATED,
  EXEMPT,
  OUT_OF_SCOPE
}
