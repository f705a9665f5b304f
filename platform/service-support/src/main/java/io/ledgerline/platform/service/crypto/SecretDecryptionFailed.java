package io.ledgerline.platform.service.crypto;

/** A stored secret could not be opened: wrong or missing key, or the data was altered. */
public class SecretDecryptionFailed extends RuntimeException {
  public SecretDecryptionFailed(String message) {
    super(message);
  }
}
