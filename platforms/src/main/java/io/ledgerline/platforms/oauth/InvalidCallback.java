package io.ledgerline.platforms.oauth;

/** An authorization callback that cannot be trusted or used; the message is safe to show. */
public class InvalidCallback extends RuntimeException {
  public InvalidCallback(String message) {
    super(message);
  }
}
