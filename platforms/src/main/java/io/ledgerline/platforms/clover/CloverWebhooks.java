package io.ledgerline.platforms.clover;

import io.ledgerline.platforms.webhook.Json;
import io.ledgerline.platforms.webhook.MalformedInput;
import io.ledgerline.platforms.webhook.VerificationSettings;
import io.ledgerline.platforms.webhook.WebhookScheme;
import io.ledgerline.platforms.webhook.WebhookVerifier;
import java.util.Map;
import java.util.Optional;

/**
 * Clover's webhooks: one URL per app; a delivery is {@code {"appId": ..., "merchants": {"<merchant
 * id>": [events]}}}. A delivery for several merchants names no single account.
 */
final class CloverWebhooks implements WebhookScheme {

  @Override
  public WebhookVerifier verifier(VerificationSettings settings) {
    return new CloverVerifier(settings);
  }

  @Override
  public boolean appLevel() {
    return true;
  }

  @Override
  public Optional<String> accountId(byte[] body) {
    try {
      Object merchants = Json.parseObject(body).get("merchants");
      if (merchants instanceof Map<?, ?> m && m.size() == 1) {
        return Optional.of(String.valueOf(m.keySet().iterator().next()));
      }
      return Optional.empty();
    } catch (MalformedInput e) {
      return Optional.empty();
    }
  }
}
