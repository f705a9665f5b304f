package io.ledgerline.platforms.standardwebhooks;

import io.ledgerline.platforms.normalization.JsonBodies;
import io.ledgerline.platforms.normalization.Normalized;
import io.ledgerline.platforms.normalization.WebhookContext;
import io.ledgerline.platforms.normalization.WebhookNormalizer;
import java.util.Optional;

/**
 * Standard Webhooks carry any JSON; what it means is set by the connection's mapping template (a
 * later issue). Until then the body is checked to be JSON and stored, and emits nothing. The
 * delivery id is the {@code webhook-id} header, not in the body.
 */
final class StandardWebhooksNormalizer implements WebhookNormalizer {

  @Override
  public String platform() {
    return StandardWebhooksPlatform.ID;
  }

  @Override
  public Normalized normalize(WebhookContext context, byte[] body) {
    JsonBodies.parse(body);
    return Normalized.nothing(
        Optional.empty(), "Standard Webhooks: stored; no mapping template yet");
  }
}
