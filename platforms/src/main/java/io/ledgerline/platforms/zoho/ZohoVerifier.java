package io.ledgerline.platforms.zoho;

import io.ledgerline.platforms.webhook.Crypto;
import io.ledgerline.platforms.webhook.Json;
import io.ledgerline.platforms.webhook.MalformedInput;
import io.ledgerline.platforms.webhook.Reason;
import io.ledgerline.platforms.webhook.Secrets;
import io.ledgerline.platforms.webhook.Verdict;
import io.ledgerline.platforms.webhook.VerificationSettings;
import io.ledgerline.platforms.webhook.WebhookCredentials;
import io.ledgerline.platforms.webhook.WebhookRequest;
import io.ledgerline.platforms.webhook.WebhookVerifier;
import java.util.Map;

/**
 * Zoho CRM Notifications: the body is a JSON object echoing the {@code channel_id} and the {@code
 * token} set at registration. The channel must be the connection's (when it has one) and the token
 * one of its secrets. No event id.
 */
final class ZohoVerifier implements WebhookVerifier {

  private final VerificationSettings settings;

  ZohoVerifier(VerificationSettings settings) {
    this.settings = settings;
  }

  @Override
  public String platform() {
    return ZohoPlatform.ID;
  }

  @Override
  public Verdict verify(WebhookRequest request, WebhookCredentials credentials) {
    Map<String, Object> body;
    try {
      body = Json.parseObject(request.rawBody());
    } catch (MalformedInput e) {
      return Verdict.invalid(Reason.MALFORMED, e.getMessage());
    }
    String token = Json.text(body, "token");
    if (token == null || token.isEmpty()) {
      return Verdict.invalid(Reason.MISSING_SIGNATURE, "the body has no token");
    }
    String channel = Json.text(body, "channel_id");
    String expectedChannel = credentials == null ? null : credentials.channelId();
    boolean channelMatches =
        expectedChannel == null || (channel != null && Crypto.equal(expectedChannel, channel));
    return Secrets.matchAny(
        credentials,
        settings.evaluationInstant(request),
        secret -> channelMatches & Crypto.equal(secret, token),
        Reason.BAD_CREDENTIAL,
        null);
  }
}
