package io.ledgerline.apikey.key;

import java.security.SecureRandom;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An API key as the caller holds it: {@code llk_<prefix>_<secret>}. Exists only while a key is
 * created (shown once) and while a presented key is checked; never stored or logged.
 */
record PlainApiKey(String prefix, String secret) {

  static final String MARKER = "llk_";
  static final int PREFIX_LENGTH = 8;
  // 43 base62 characters carry about 256 bits, the same as 32 random bytes.
  static final int SECRET_LENGTH = 43;
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  PlainApiKey {
    if (!isBase62(prefix, PREFIX_LENGTH) || !isBase62(secret, SECRET_LENGTH)) {
      throw new IllegalArgumentException("not an API key");
    }
  }

  static PlainApiKey generate(SecureRandom random) {
    return new PlainApiKey(
        randomBase62(random, PREFIX_LENGTH), randomBase62(random, SECRET_LENGTH));
  }

  /** Empty for anything that is not shaped like a key, so callers treat it like an unknown key. */
  static Optional<PlainApiKey> parse(@Nullable String presented) {
    if (presented == null
        || presented.length() != MARKER.length() + PREFIX_LENGTH + 1 + SECRET_LENGTH
        || !presented.startsWith(MARKER)
        || presented.charAt(MARKER.length() + PREFIX_LENGTH) != '_') {
      return Optional.empty();
    }
    String prefix = presented.substring(MARKER.length(), MARKER.length() + PREFIX_LENGTH);
    String secret = presented.substring(MARKER.length() + PREFIX_LENGTH + 1);
    if (!isBase62(prefix, PREFIX_LENGTH) || !isBase62(secret, SECRET_LENGTH)) {
      return Optional.empty();
    }
    return Optional.of(new PlainApiKey(prefix, secret));
  }

  String value() {
    return MARKER + prefix + "_" + secret;
  }

  @Override
  public String toString() {
    return MARKER + prefix + "_***";
  }

  private static String randomBase62(SecureRandom random, int length) {
    var chars = new char[length];
    for (int i = 0; i < length; i++) {
      // nextInt(bound) rejects out-of-range draws, so every character is uniformly likely.
      chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    }
    return new String(chars);
  }

  private static boolean isBase62(@Nullable String value, int length) {
    if (value == null || value.length() != length) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (ALPHABET.indexOf(value.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }
}
