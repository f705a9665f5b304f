package io.ledgerline.apikey.key;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * An API key as the caller holds it: {@code llk_<prefix>_<secret><checksum>}, where the checksum is
 * the CRC32 of {@code llk_<prefix>_<secret>} in 6 base62 characters (as GitHub's tokens do), so a
 * secret scanner recognises a real key offline and a mistyped key is refused without a lookup. Keys
 * made before the checksum ({@code llk_<prefix>_<secret>}) keep working. Exists only while a key is
 * created (shown once) and while a presented key is checked; never stored or logged.
 */
record PlainApiKey(String prefix, String secret, boolean checksummed) {

  static final String MARKER = "llk_";
  static final int PREFIX_LENGTH = 8;
  // 43 base62 characters carry about 256 bits, the same as 32 random bytes.
  static final int SECRET_LENGTH = 43;
  // 62^6 > 2^32: every CRC32 value fits.
  static final int CHECKSUM_LENGTH = 6;
  private static final int LEGACY_LENGTH = MARKER.length() + PREFIX_LENGTH + 1 + SECRET_LENGTH;
  private static final String ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  PlainApiKey {
    if (!isBase62(prefix, PREFIX_LENGTH) || !isBase62(secret, SECRET_LENGTH)) {
      throw new IllegalArgumentException("not an API key");
    }
  }

  static PlainApiKey generate(SecureRandom random) {
    return new PlainApiKey(
        randomBase62(random, PREFIX_LENGTH), randomBase62(random, SECRET_LENGTH), true);
  }

  /** A new secret for an existing key (rotation): the prefix, and so the key's row, stay. */
  static PlainApiKey generateFor(String prefix, SecureRandom random) {
    return new PlainApiKey(prefix, randomBase62(random, SECRET_LENGTH), true);
  }

  /**
   * Empty for anything that is not shaped like a key or whose checksum does not match, so callers
   * treat it like an unknown key.
   */
  static Optional<PlainApiKey> parse(@Nullable String presented) {
    if (presented == null
        || (presented.length() != LEGACY_LENGTH
            && presented.length() != LEGACY_LENGTH + CHECKSUM_LENGTH)
        || !presented.startsWith(MARKER)
        || presented.charAt(MARKER.length() + PREFIX_LENGTH) != '_') {
      return Optional.empty();
    }
    String body = presented.substring(0, LEGACY_LENGTH);
    String prefix = body.substring(MARKER.length(), MARKER.length() + PREFIX_LENGTH);
    String secret = body.substring(MARKER.length() + PREFIX_LENGTH + 1);
    if (!isBase62(prefix, PREFIX_LENGTH) || !isBase62(secret, SECRET_LENGTH)) {
      return Optional.empty();
    }
    boolean checksummed = presented.length() > LEGACY_LENGTH;
    if (checksummed && !presented.substring(LEGACY_LENGTH).equals(checksum(body))) {
      return Optional.empty();
    }
    return Optional.of(new PlainApiKey(prefix, secret, checksummed));
  }

  String value() {
    String body = MARKER + prefix + "_" + secret;
    return checksummed ? body + checksum(body) : body;
  }

  /** CRC32 of the key's body, base62, left-padded with '0' to 6 characters. */
  static String checksum(String body) {
    var crc = new CRC32();
    crc.update(body.getBytes(StandardCharsets.US_ASCII));
    long value = crc.getValue();
    var chars = new char[CHECKSUM_LENGTH];
    for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
      chars[i] = ALPHABET.charAt((int) (value % ALPHABET.length()));
      value /= ALPHABET.length();
    }
    return new String(chars);
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
