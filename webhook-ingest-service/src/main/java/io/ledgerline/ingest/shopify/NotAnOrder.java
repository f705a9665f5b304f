package io.ledgerline.ingest.shopify;

/**
 * The body is JSON but not a Shopify order we can turn into a sale. The message names no values.
 */
public class NotAnOrder extends RuntimeException {
  public NotAnOrder(String message) {
    super(message);
  }

  public NotAnOrder(String message, Throwable cause) {
    super(message, cause);
  }
}
