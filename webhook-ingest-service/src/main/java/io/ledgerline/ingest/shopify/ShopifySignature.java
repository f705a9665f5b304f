package io.ledgerline.ingest.shopify;

import java.time.Instant;
import java.util.List;

/**
 * The port that decides whether a Shopify delivery is authentic. It sits behind an interface so the
 * implementation can move to the shared {@code webhook-verification} module without touching the
 * use case.
 */
public interface ShopifySignature {

  /**
   * @param rawBody the body bytes exactly as received
   * @param presentedHmac the {@code X-Shopify-Hmac-Sha256} header, or null
   * @param secrets the connection's secrets; expired ones are ignored
   * @param at when the delivery arrived
   */
  boolean isAuthentic(byte[] rawBody, String presentedHmac, List<Secret> secrets, Instant at);

  /** A secret and, during a rotation, when it stops verifying. */
  record Secret(String value, Instant validUntil) {
    public boolean usableAt(Instant at) {
      return validUntil == null || at.isBefore(validUntil);
    }

    @Override
    public String toString() {
      return "Secret[value=***, validUntil=" + validUntil + "]";
    }
  }
}
