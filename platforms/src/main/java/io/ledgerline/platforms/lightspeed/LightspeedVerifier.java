package io.ledgerline.platforms.lightspeed;

import io.ledgerline.platforms.webhook.FormBody;
import io.ledgerline.platforms.webhook.Json;
import io.ledgerline.platforms.webhook.MalformedInput;
import io.ledgerline.platforms.webhook.Reason;
import io.ledgerline.platforms.webhook.UrlToken;
import io.ledgerline.platforms.webhook.Verdict;
import io.ledgerline.platforms.webhook.VerificationSettings;
import io.ledgerline.platforms.webhook.WebhookCredentials;
import io.ledgerline.platforms.webhook.WebhookRequest;
import io.ledgerline.platforms.webhook.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Lightspeed Retail (X-Series) sends no signature: the webhook URL the connection registers carries
 * an unguessable token ({@link UrlToken}: {@code
 * .../webhooks/lightspeed/{connectionId}?token=...}), compared in constant time with the
 * connection's secrets. The body must be form-urlencoded with a {@code payload} field holding a
 * JSON object. No event id.
 */
final class LightspeedVerifier implements WebhookVerifier {

  private final VerificationSettings settings;

  LightspeedVerifier(VerificationSettings settings) {
    this.settings = settings;
  }

  @Override
  public String platform() {
    return LightspeedPlatform.ID;
  }

  @Override
  public Verdict verify(WebhookRequest request, WebhookCredentials credentials) {
    Verdict verdict = UrlToken.verify(request, credentials, settings.evaluationInstant(request));
    if (!verdict.isValid()) {
      return verdict;
    }
    try {
      Map<String, String> form =
          FormBody.parse(new String(request.rawBody(), StandardCharsets.UTF_8));
      String payload = form.get("payload");
      if (payload == null) {
        return Verdict.invalid(Reason.MALFORMED, "the form body has no payload field");
      }
      if (!(Json.parse(payload) instanceof Map)) {
        return Verdict.invalid(Reason.MALFORMED, "payload is not a JSON object");
      }
    } catch (MalformedInput e) {
      return Verdict.invalid(Reason.MALFORMED, e.getMessage());
    }
    return verdict;
  }
}
