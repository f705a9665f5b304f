package io.ledgerline.apikey.key;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * HMAC-SHA256 of a key's secret under the server-side pepper: a stolen table of hashes is useless
 * without the pepper, which lives only in the service's environment.
 */
final class SecretHasher {

  private static final String ALGORITHM = "HmacSHA256";
  static final int MIN_PEPPER_LENGTH = 32;

  private final SecretKeySpec pepper;

  SecretHasher(@Nullable String pepper) {
    if (pepper == null || pepper.length() < MIN_PEPPER_LENGTH) {
      throw new IllegalArgumentException(
          "the API key pepper must have at least " + MIN_PEPPER_LENGTH + " characters");
    }
    this.pepper = new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  byte[] hash(String secret) {
    try {
      var mac = Mac.getInstance(ALGORITHM);
      mac.init(pepper);
      return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** Constant time, so the response time tells an attacker nothing about how close a guess was. */
  boolean matches(String secret, byte[] expectedHash) {
    return MessageDigest.isEqual(hash(secret), expectedHash);
  }
}
