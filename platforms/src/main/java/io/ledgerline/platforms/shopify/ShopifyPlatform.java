package io.ledgerline.platforms.shopify;

import io.ledgerline.platforms.DeclaredPlatform;
import io.ledgerline.platforms.oauth.OAuth2Spec;

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
        new ShopifyConnectionRules(),
        // Per shop: the shop's own admin hosts the consent page and the token endpoint.
        OAuth2Spec.builder(
                "https://{shopDomain}/admin/oauth/authorize",
                "https://{shopDomain}/admin/oauth/access_token")
            .scopes(",", "read_orders", "read_customers", "read_products")
            .callbackParameters("shop", "host", "timestamp")
            .callbackCheck(new ShopifyCallbackCheck())
            .appWebhookSecret(OAuth2Spec.AppWebhookSecret.CLIENT_SECRET)
            .build(),
        ShopifyAccountApi::new,
        // A lambda, not ShopifyApi::new: linking the class would load Jackson, which verify-webhook
        // runs without.
        () -> new ShopifyApi());
  }
}
