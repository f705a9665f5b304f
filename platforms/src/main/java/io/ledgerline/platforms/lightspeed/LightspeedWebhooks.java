package io.ledgerline.platforms.lightspeed;

import io.ledgerline.platforms.webhook.UrlToken;
import io.ledgerline.platforms.webhook.VerificationSettings;
import io.ledgerline.platforms.webhook.WebhookScheme;
import io.ledgerline.platforms.webhook.WebhookVerifier;
import java.util.List;

/**
 * Form-encoded bodies; the credential is the token the request presents in its own query string, so
 * the URL judged is the notification URL with the query as received.
 */
final class LightspeedWebhooks implements WebhookScheme {

  @Override
  public WebhookVerifier verifier(VerificationSettings settings) {
    return new LightspeedVerifier(settings);
  }

  @Override
  public List<String> contentTypes() {
    return List.of("application/x-www-form-urlencoded");
  }

  @Override
  public String verifiedUrl(String notificationUrl, String receivedQuery) {
    return UrlToken.verifiedUrl(notificationUrl, receivedQuery);
  }
}
