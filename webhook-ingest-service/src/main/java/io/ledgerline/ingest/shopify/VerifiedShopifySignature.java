package io.ledgerline.ingest.shopify;

import io.ledgerline.webhooks.verification.Verifiers;
import io.ledgerline.webhooks.verification.WebhookCredentials;
import io.ledgerline.webhooks.verification.WebhookHeaders;
import io.ledgerline.webhooks.verification.WebhookRequest;
import io.ledgerline.webhooks.verification.WebhookVerifier;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The port implemented by the shared {@code webhook-verification} module, the same code the {@code
 * verify-webhook} tool runs, so the platform and the tool can never disagree. It compares in
 * constant time and honours each secret's expiry.
 */
public final class VerifiedShopifySignature implements ShopifySignature {

  private static final String HEADER = "X-Shopify-Hmac-Sha256";

  private final WebhookVerifier verifier = Verifiers.forPlatform("shopify");

  @Override
  public boolean isAuthentic(
      byte[] rawBody, String presentedHmac, List<Secret> secrets, Instant at) {
    if (presentedHmac == null) {
      return false;
    }
    WebhookCredentials.Builder credentials = WebhookCredentials.builder();
    secrets.forEach(s -> credentials.secret(s.value(), s.validUntil()));
    WebhookRequest request =
        new WebhookRequest(
            "shopify",
            "POST",
            null,
            WebhookHeaders.ofSingle(Map.of(HEADER, presentedHmac)),
            rawBody,
            at);
    return verifier.verify(request, credentials.build()).isValid();
  }
}
