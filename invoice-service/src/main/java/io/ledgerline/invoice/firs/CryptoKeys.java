package io.ledgerline.invoice.firs;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The taxpayer's {@code crypto_keys} file from the FIRS MBS dashboard, uploaded as is: JSON {@code
 * {"public_key": "<base64 of a PEM 'BEGIN PUBLIC KEY' block>", "certificate": "<base64>"}} (the
 * form every client reads; FIRS's own how-to shows the PEM text, which is accepted too). The key is
 * FIRS's RSA public key; the certificate string goes into every QR payload exactly as given.
 */
public record CryptoKeys(RSAPublicKey publicKey, String certificate) {

  private static final Pattern FIELD =
      Pattern.compile("\"(public_key|certificate)\"\\s*:\\s*\"([^\"]*)\"");
  private static final Pattern PEM =
      Pattern.compile(
          "-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s\\\\n]+)-----END PUBLIC KEY-----");

  public CryptoKeys {
    if (publicKey == null || certificate == null || certificate.isBlank()) {
      throw new IllegalArgumentException("crypto keys need FIRS's public key and the certificate");
    }
  }

  /** Reads the file's text; an {@link IllegalArgumentException} says what is wrong with it. */
  public static CryptoKeys parse(String file) {
    String publicKey = null;
    String certificate = null;
    Matcher m = FIELD.matcher(file);
    while (m.find()) {
      if (m.group(1).equals("public_key")) {
        publicKey = m.group(2);
      } else {
        certificate = m.group(2);
      }
    }
    if (publicKey == null || certificate == null) {
      throw new IllegalArgumentException(
          "the crypto_keys file needs \"public_key\" and \"certificate\"");
    }
    return new CryptoKeys(rsa(publicKey), certificate);
  }

  private static RSAPublicKey rsa(String value) {
    String pem = value.contains("BEGIN PUBLIC KEY") ? value : decode(value);
    Matcher m = PEM.matcher(pem);
    if (!m.find()) {
      throw new IllegalArgumentException("public_key is not a PEM public key");
    }
    byte[] der = Base64.getMimeDecoder().decode(m.group(1).replace("\\n", "\n"));
    try {
      PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
      return (RSAPublicKey) key;
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IllegalArgumentException("public_key is not an RSA public key", e);
    }
  }

  private static String decode(String base64) {
    try {
      return new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("public_key is neither PEM nor base64 of PEM", e);
    }
  }
}
