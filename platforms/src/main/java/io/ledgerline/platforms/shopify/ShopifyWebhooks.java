package io.ledgerline.platforms.shopify;

import io.ledgerline.platforms.webhook.VerificationSettings;
import io.ledgerline.platforms.webhook.WebhookHeaders;
import io.ledgerline.platforms.webhook.WebhookScheme;
import io.ledgerline.platforms.webhook.WebhookVerifier;

/** Signed JSON; what happened is the {@code X-Shopify-Topic} header, not in the body. */
final class ShopifyWebhooks implements WebhookScheme {

  static final String TOPIC = "X-Shopify-Topic";

  @Override
  public WebhookVerifier verifier(VerificationSettings settings) {
    return new ShopifyVerifier(settings);
  }

  @Override
  public String topic(WebhookHeaders headers) {
    return headers.first(TOPIC).map(String::strip).orElse(null);
  }
}
