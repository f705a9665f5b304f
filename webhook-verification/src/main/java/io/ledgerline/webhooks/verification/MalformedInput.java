package io.ledgerline.webhooks.verification;

/** Thrown by this package's parsers and caught by the verifiers, which answer MALFORMED. */
final class MalformedInput extends Exception {
  MalformedInput(String message) {
    super(message, null, false, false);
  }
}
