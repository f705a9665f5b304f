package io.ledgerline.ingest.shopify;

/**
 * The body is not a Shopify order we can use: not JSON at all ({@link #malformed()}), or JSON of
 * another shape. The message names no values from the body.
 */
public class NotAnOrder extends RuntimeException {

  private final boolean malformed;

  public NotAnOrder(String message) {
    this(message, false, null);
  }

  public NotAnOrder(String message, Throwable cause) {
    this(message, false, cause);
  }

  NotAnOrder(String message, boolean malformed, Throwable cause) {
    super(message, cause);
    this.malformed = malformed;
  }

  static NotAnOrder malformedJson() {
    return new NotAnOrder("body is not valid JSON", true, null);
  }

  public boolean malformed() {
    return malformed;
  }
}
