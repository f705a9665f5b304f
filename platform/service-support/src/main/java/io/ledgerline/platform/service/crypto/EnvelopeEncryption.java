package io.ledgerline.platform.service.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM envelope encryption: every secret gets its own random data key, and only the data key
 * is encrypted with the key-encryption key. Rotating a KEK then means re-wrapping 32-byte keys, not
 * re-encrypting secrets, and one leaked data key exposes one secret. The associated data binds a
 * ciphertext to its owner (e.g. a connection id), so a row copied onto another owner fails to
 * decrypt.
 */
public final class EnvelopeEncryption {

  private static final String AES_GCM = "AES/GCM/NoPadding";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int KEY_BYTES = 32;

  private final Map<String, SecretKey> keys;
  private final String activeKeyId;
  private final SecureRandom random = new SecureRandom();

  public EnvelopeEncryption(Map<String, byte[]> keys, String activeKeyId) {
    keys.forEach(
        (id, key) -> {
          if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(
                "key-encryption key '" + id + "' must be 32 bytes, was " + key.length);
          }
        });
    if (!keys.containsKey(activeKeyId)) {
      throw new IllegalArgumentException("no key-encryption key with the active id " + activeKeyId);
    }
    this.keys =
        keys.entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    Map.Entry::getKey, e -> new SecretKeySpec(e.getValue(), "AES")));
    this.activeKeyId = activeKeyId;
  }

  /**
   * @param base64Keys key id to the base64 of 32 random bytes (as settings hold them)
   * @param activeKeyId the key new secrets are wrapped with
   */
  public static EnvelopeEncryption fromBase64(Map<String, String> base64Keys, String activeKeyId) {
    Map<String, byte[]> keys =
        base64Keys.entrySet().stream()
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey, e -> Base64.getDecoder().decode(e.getValue().trim())));
    return new EnvelopeEncryption(keys, activeKeyId);
  }

  public EncryptedSecret encrypt(String plaintext, String associatedData) {
    byte[] dataKey = new byte[KEY_BYTES];
    random.nextBytes(dataKey);
    try {
      byte[] aad = aad(associatedData);
      byte[] ciphertext =
          seal(new SecretKeySpec(dataKey, "AES"), plaintext.getBytes(StandardCharsets.UTF_8), aad);
      byte[] wrapped = seal(keys.get(activeKeyId), dataKey, aad);
      return new EncryptedSecret(activeKeyId, wrapped, ciphertext);
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  public String decrypt(EncryptedSecret secret, String associatedData) {
    SecretKey kek = keys.get(secret.keyId());
    if (kek == null) {
      throw new SecretDecryptionFailed("unknown key-encryption key id " + secret.keyId());
    }
    byte[] aad = aad(associatedData);
    byte[] dataKey = open(kek, secret.wrappedDataKey(), aad);
    try {
      return new String(
          open(new SecretKeySpec(dataKey, "AES"), secret.ciphertext(), aad),
          StandardCharsets.UTF_8);
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  /** The key-encryption key new secrets are wrapped with. */
  public String activeKeyId() {
    return activeKeyId;
  }

  /**
   * The same secret with its data key re-wrapped under the active KEK (the ciphertext itself is
   * unchanged): KEK rotation without re-encrypting secrets. A secret already under the active KEK
   * is returned as it is.
   *
   * @throws SecretDecryptionFailed when its KEK is unknown or the data was altered
   */
  public EncryptedSecret rewrap(EncryptedSecret secret, String associatedData) {
    if (secret.keyId().equals(activeKeyId)) {
      return secret;
    }
    SecretKey kek = keys.get(secret.keyId());
    if (kek == null) {
      throw new SecretDecryptionFailed("unknown key-encryption key id " + secret.keyId());
    }
    byte[] aad = aad(associatedData);
    byte[] dataKey = open(kek, secret.wrappedDataKey(), aad);
    try {
      // Prove the data key opens the secret before the old wrapping is replaced.
      open(new SecretKeySpec(dataKey, "AES"), secret.ciphertext(), aad);
      return new EncryptedSecret(
          activeKeyId, seal(keys.get(activeKeyId), dataKey, aad), secret.ciphertext());
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  private static byte[] aad(String associatedData) {
    return associatedData.getBytes(StandardCharsets.UTF_8);
  }

  private byte[] seal(SecretKey key, byte[] plaintext, byte[] aad) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance(AES_GCM);
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad);
      byte[] sealed = cipher.doFinal(plaintext);
      return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  private static byte[] open(SecretKey key, byte[] nonceAndCiphertext, byte[] aad) {
    if (nonceAndCiphertext.length <= NONCE_BYTES) {
      throw new SecretDecryptionFailed("ciphertext too short");
    }
    try {
      Cipher cipher = Cipher.getInstance(AES_GCM);
      cipher.init(
          Cipher.DECRYPT_MODE,
          key,
          new GCMParameterSpec(TAG_BITS, nonceAndCiphertext, 0, NONCE_BYTES));
      cipher.updateAAD(aad);
      return cipher.doFinal(
          nonceAndCiphertext, NONCE_BYTES, nonceAndCiphertext.length - NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      // Deliberately vague: the tag check failed (wrong key, wrong owner or tampered data).
      throw new SecretDecryptionFailed("secret could not be decrypted");
    }
  }
}
