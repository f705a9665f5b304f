package io.ledgerline.invoice.invoice;

/** Who recorded a payment or asked for a credit note: the tenant through the API, or a platform. */
public enum Origin {
  API,
  PLATFORM
}
