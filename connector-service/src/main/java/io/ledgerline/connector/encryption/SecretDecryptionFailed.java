package io.ledgerline.connector.encryption;

/** A stored secret could not be opened: wrong or missing key, or the data was altered. */
public class SecretDecryptionFailed extends RuntimeException {
  public SecretDecryptionFailed(String message) {
    super(message);
  }
}
