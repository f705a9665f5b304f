package io.ledgerline.platform.service.crypto;

/**
 * A secret as it is stored: the data key wrapped by the KEK {@code keyId}, and the secret encrypted
 * with the data key. Both byte arrays start with their 12-byte GCM nonce.
 */
public record EncryptedSecret(String keyId, byte[] wrappedDataKey, byte[] ciphertext) {}
