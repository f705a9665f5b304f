package io.ledgerline.platforms.connection;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Unguessable values for the secrets and identifiers Ledgerline chooses. */
public final class SecretGenerator {

  private final SecureRandom random;

  public SecretGenerator(SecureRandom random) {
    this.random = random;
  }

  public byte[] bytes(int count) {
    byte[] bytes = new byte[count];
    random.nextBytes(bytes);
    return bytes;
  }

  public String hex(int byteCount) {
    return HexFormat.of().formatHex(bytes(byteCount));
  }

  public String base64Url(int byteCount) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(byteCount));
  }

  public String base64(int byteCount) {
    return Base64.getEncoder().encodeToString(bytes(byteCount));
  }

  /** A decimal number of exactly {@code digits} digits (1 to 18), never starting with 0. */
  public String digits(int digits) {
    if (digits < 1 || digits > 18) {
      throw new IllegalArgumentException("1 to 18 digits");
    }
    long low = digits == 1 ? 1 : (long) Math.pow(10, digits - 1);
    long span = (long) Math.pow(10, digits) - low;
    return Long.toString(low + Math.floorMod(random.nextLong(), span));
  }
}
