package io.ledgerline.platforms.webhook;

/** Thrown by this package's parsers and caught by the verifiers, which answer MALFORMED. */
public final class MalformedInput extends Exception {
  public MalformedInput(String message) {
    super(message, null, false, false);
  }
}
