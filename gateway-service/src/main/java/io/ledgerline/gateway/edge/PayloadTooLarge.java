package io.ledgerline.gateway.edge;

/** A body grew past its route's limit while it streamed in (no or a false Content-Length). */
final class PayloadTooLarge extends RuntimeException {
  PayloadTooLarge(String message) {
    super(message, null, false, false);
  }
}
