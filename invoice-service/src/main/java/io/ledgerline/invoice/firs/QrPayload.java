package io.ledgerline.invoice.firs;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Cipher;

/**
 * The content of an invoice's FIRS QR code (FIRS "IRN Signing"): the compact JSON {@code
 * {"irn":"<IRN>.<Unix seconds>","certificate":"<certificate>"}} encrypted with FIRS's public key
 * (RSA, PKCS#1 v1.5 padding, what {@code openssl pkeyutl -encrypt -pubin} does and what the clients
 * we found use; not OAEP) and base64-encoded. The QR code encodes that base64 string itself.
 * Encryption is randomized: two payloads of one IRN differ, and only the private key tells that
 * they say the same.
 */
public final class QrPayload {

  private QrPayload() {}

  public static String of(Irn irn, Instant signedAt, CryptoKeys keys) {
    String plaintext =
        "{\"irn\":\""
            + irn.value()
            + "."
            + signedAt.getEpochSecond()
            + "\",\"certificate\":\""
            + json(keys.certificate())
            + "\"}";
    byte[] bytes = plaintext.getBytes(StandardCharsets.UTF_8);
    int limit = keys.publicKey().getModulus().bitLength() / 8 - 11;
    if (bytes.length > limit) {
      throw new IllegalArgumentException(
          "the QR plaintext has " + bytes.length + " bytes; the key encrypts at most " + limit);
    }
    try {
      Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.publicKey());
      return Base64.getEncoder().encodeToString(cipher.doFinal(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA encryption failed", e);
    }
  }

  private static String json(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
