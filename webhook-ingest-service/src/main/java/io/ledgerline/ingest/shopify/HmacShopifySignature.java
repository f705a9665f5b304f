package io.ledgerline.ingest.shopify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Shopify's scheme: {@code X-Shopify-Hmac-Sha256} is base64(HMAC-SHA256(secret, raw body)).
 * Compared in constant time, against every secret still usable, so a rotation overlap works.
 */
public final class HmacShopifySignature implements ShopifySignature {

  @Override
  public boolean isAuthentic(
      byte[] rawBody, String presentedHmac, List<Secret> secrets, Instant at) {
    if (presentedHmac == null || presentedHmac.isBlank()) {
      return false;
    }
    byte[] presented;
    try {
      presented = Base64.getDecoder().decode(presentedHmac.trim());
    } catch (IllegalArgumentException e) {
      return false;
    }
    boolean authentic = false;
    for (Secret secret : secrets) {
      if (secret.usableAt(at) && !secret.value().isEmpty()) {
        // No early exit: every usable secret is tried, so timing does not tell which one matched.
        authentic |= MessageDigest.isEqual(hmac(secret.value(), rawBody), presented);
      }
    }
    return authentic;
  }

  static byte[] hmac(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
    }
  }
}
