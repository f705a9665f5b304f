package io.ledgerline.platforms.shopify;

import io.ledgerline.platforms.DeclaredPlatform;

/** Shopify: orders and refunds; full webhooks signed with HMAC-SHA256, the topic in a header. */
public final class ShopifyPlatform extends DeclaredPlatform {

  static final String ID = "shopify";

  public ShopifyPlatform() {
    super(
        ID,
        "Shopify",
        Kind.POS,
        new ShopifyWebhooks(),
        new ShopifyNormalizer(),
        new ShopifyConnectionRules());
  }
}
