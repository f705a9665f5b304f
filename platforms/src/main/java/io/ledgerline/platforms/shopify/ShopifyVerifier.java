package io.ledgerline.platforms.shopify;

import io.ledgerline.platforms.webhook.Crypto;
import io.ledgerline.platforms.webhook.Reason;
import io.ledgerline.platforms.webhook.Secrets;
import io.ledgerline.platforms.webhook.Verdict;
import io.ledgerline.platforms.webhook.VerificationSettings;
import io.ledgerline.platforms.webhook.WebhookCredentials;
import io.ledgerline.platforms.webhook.WebhookRequest;
import io.ledgerline.platforms.webhook.WebhookVerifier;

/**
 * Shopify: {@code X-Shopify-Hmac-Sha256} is base64 HMAC-SHA256(client secret, raw body); the dedup
 * key is {@code X-Shopify-Webhook-Id}.
 */
final class ShopifyVerifier implements WebhookVerifier {

  static final String SIGNATURE = "X-Shopify-Hmac-Sha256";
  static final String WEBHOOK_ID = "X-Shopify-Webhook-Id";

  private final VerificationSettings settings;

  ShopifyVerifier(VerificationSettings settings) {
    this.settings = settings;
  }

  @Override
  public String platform() {
    return ShopifyPlatform.ID;
  }

  @Override
  public Verdict verify(WebhookRequest request, WebhookCredentials credentials) {
    String presented = request.headers().first(SIGNATURE).map(String::trim).orElse("");
    if (presented.isEmpty()) {
      return Verdict.invalid(Reason.MISSING_SIGNATURE, "no " + SIGNATURE + " header");
    }
    byte[] body = request.rawBody();
    String eventId = request.headers().first(WEBHOOK_ID).map(String::trim).orElse(null);
    return Secrets.matchAny(
        credentials,
        settings.evaluationInstant(request),
        secret ->
            Crypto.equal(Crypto.base64(Crypto.hmacSha256(Crypto.utf8(secret), body)), presented),
        Reason.BAD_SIGNATURE,
        eventId);
  }
}
