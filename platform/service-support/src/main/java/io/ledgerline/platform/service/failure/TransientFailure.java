package io.ledgerline.platform.service.failure;

/**
 * Thrown where code knows that what failed is only unavailable for now (a peer answered 503, the
 * schema registry cannot be reached): the work is retried for as long as it lasts, never
 * dead-lettered. Kept free of a non-serializable cause on purpose: Kafka's error-handling
 * deserializer ships the exception in a record header, where the classification must survive.
 */
public class TransientFailure extends RuntimeException {

  public TransientFailure(String message) {
    super(message);
  }

  public TransientFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
