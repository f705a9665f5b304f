package io.ledgerline.webhooks.verification;

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
    return "shopify";
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
