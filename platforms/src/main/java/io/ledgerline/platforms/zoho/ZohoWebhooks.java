package io.ledgerline.platforms.zoho;

import io.ledgerline.platforms.webhook.VerificationSettings;
import io.ledgerline.platforms.webhook.WebhookCredentials;
import io.ledgerline.platforms.webhook.WebhookScheme;
import io.ledgerline.platforms.webhook.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The notification token (the secret) and the channel id (a setting). Zoho echoes the token in
 * every body, so it is replaced before the body is stored; the replacement keeps the JSON valid, so
 * a replay still normalizes.
 */
final class ZohoWebhooks implements WebhookScheme {

  @Override
  public WebhookVerifier verifier(VerificationSettings settings) {
    return new ZohoVerifier(settings);
  }

  @Override
  public WebhookCredentials credentials(
      Map<String, String> settings,
      List<WebhookCredentials.Secret> secrets,
      String notificationUrl) {
    return WebhookCredentials.builder()
        .secrets(secrets)
        .notificationUrl(notificationUrl)
        .channelId(settings.get(ZohoConnectionRules.CHANNEL_ID))
        .build();
  }

  /** {@code channelId:token}, or the token alone (then the channel is not checked). */
  @Override
  public WebhookCredentials credentialsOf(String secret) {
    String[] parts = WebhookScheme.splitAtColon(secret);
    return WebhookCredentials.builder().channelId(parts[0]).secret(parts[1]).build();
  }

  @Override
  public byte[] storableBody(byte[] body, WebhookCredentials credentials) {
    String text = new String(body, StandardCharsets.UTF_8);
    for (WebhookCredentials.Secret secret : credentials.secrets()) {
      if (!secret.value().isEmpty()) {
        text = text.replace(secret.value(), REDACTED);
      }
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
