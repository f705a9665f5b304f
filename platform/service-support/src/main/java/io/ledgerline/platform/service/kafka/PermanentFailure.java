package io.ledgerline.platform.service.kafka;

/**
 * Thrown by a consumer for a record that can never succeed (bad data, a rule violation): the record
 * is not retried but goes straight to its dead-letter topic, with this message as the reason.
 */
public class PermanentFailure extends RuntimeException {

  public PermanentFailure(String message) {
    super(message);
  }

  public PermanentFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
