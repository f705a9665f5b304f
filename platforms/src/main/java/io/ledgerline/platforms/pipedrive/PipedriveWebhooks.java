package io.ledgerline.platforms.pipedrive;

import io.ledgerline.platforms.webhook.VerificationSettings;
import io.ledgerline.platforms.webhook.WebhookCredentials;
import io.ledgerline.platforms.webhook.WebhookScheme;
import io.ledgerline.platforms.webhook.WebhookVerifier;
import java.util.List;
import java.util.Map;

/** HTTP Basic auth: the secret is the password, the {@code username} setting the user. */
final class PipedriveWebhooks implements WebhookScheme {

  @Override
  public WebhookVerifier verifier(VerificationSettings settings) {
    return new PipedriveVerifier(settings);
  }

  @Override
  public WebhookCredentials credentials(
      Map<String, String> settings,
      List<WebhookCredentials.Secret> secrets,
      String notificationUrl) {
    return WebhookCredentials.builder()
        .secrets(secrets)
        .notificationUrl(notificationUrl)
        .username(settings.get(PipedriveConnectionRules.USERNAME))
        .build();
  }

  /** {@code user:password}, or the password alone (then any user name passes). */
  @Override
  public WebhookCredentials credentialsOf(String secret) {
    String[] parts = WebhookScheme.splitAtColon(secret);
    return WebhookCredentials.builder().username(parts[0]).secret(parts[1]).build();
  }
}
