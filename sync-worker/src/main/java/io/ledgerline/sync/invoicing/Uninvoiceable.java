package io.ledgerline.sync.invoicing;

/** A source that can never become an invoice as it is: retrying it would not help. */
public class Uninvoiceable extends RuntimeException {

  Uninvoiceable(String reason) {
    super(reason);
  }
}
