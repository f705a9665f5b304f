package io.ledgerline.platforms.square;

import io.ledgerline.platforms.webhook.Json;
import io.ledgerline.platforms.webhook.MalformedInput;
import io.ledgerline.platforms.webhook.VerificationSettings;
import io.ledgerline.platforms.webhook.WebhookScheme;
import io.ledgerline.platforms.webhook.WebhookVerifier;
import java.util.Optional;

/**
 * Square's webhooks: an app's subscription covers every seller that authorized it; each
 * notification names the seller's {@code merchant_id}.
 */
final class SquareWebhooks implements WebhookScheme {

  @Override
  public WebhookVerifier verifier(VerificationSettings settings) {
    return new SquareVerifier(settings);
  }

  @Override
  public boolean appLevel() {
    return true;
  }

  @Override
  public Optional<String> accountId(byte[] body) {
    try {
      return Optional.ofNullable(Json.text(Json.parseObject(body), "merchant_id"))
          .filter(s -> !s.isBlank());
    } catch (MalformedInput e) {
      return Optional.empty();
    }
  }
}
