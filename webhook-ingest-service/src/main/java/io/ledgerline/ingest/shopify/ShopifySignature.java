package io.ledgerline.ingest.shopify;

import java.time.Instant;
import java.util.List;

/**
 * The port that decides whether a Shopify delivery is authentic: {@code X-Shopify-Hmac-Sha256} must
 * be base64(HMAC-SHA256(secret, raw body)) for one of the connection's usable secrets. Behind an
 * interface so the use case does not depend on who implements the scheme.
 */
public interface ShopifySignature {

  /**
   * @param rawBody the body bytes exactly as received
   * @param presentedHmac the {@code X-Shopify-Hmac-Sha256} header, or null
   * @param secrets the connection's secrets; expired ones are ignored
   * @param at when the delivery arrived
   */
  boolean isAuthentic(byte[] rawBody, String presentedHmac, List<Secret> secrets, Instant at);

  /** A secret and, during a rotation, when it stops verifying (null: never). */
  record Secret(String value, Instant validUntil) {
    @Override
    public String toString() {
      return "Secret[value=***, validUntil=" + validUntil + "]";
    }
  }
}
