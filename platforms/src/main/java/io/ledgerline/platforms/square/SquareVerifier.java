package io.ledgerline.platforms.square;

import io.ledgerline.platforms.webhook.BodyIds;
import io.ledgerline.platforms.webhook.Crypto;
import io.ledgerline.platforms.webhook.Reason;
import io.ledgerline.platforms.webhook.Secrets;
import io.ledgerline.platforms.webhook.Verdict;
import io.ledgerline.platforms.webhook.VerificationSettings;
import io.ledgerline.platforms.webhook.WebhookCredentials;
import io.ledgerline.platforms.webhook.WebhookRequest;
import io.ledgerline.platforms.webhook.WebhookVerifier;

/**
 * Square: {@code x-square-hmacsha256-signature} is base64 HMAC-SHA256(signature key, notification
 * URL + raw body). The notification URL is the subscription's (credentials), else the request's.
 * The dedup key is the body's {@code event_id} when the body is a JSON object carrying one.
 */
final class SquareVerifier implements WebhookVerifier {

  static final String SIGNATURE = "x-square-hmacsha256-signature";

  private final VerificationSettings settings;

  SquareVerifier(VerificationSettings settings) {
    this.settings = settings;
  }

  @Override
  public String platform() {
    return SquarePlatform.ID;
  }

  @Override
  public Verdict verify(WebhookRequest request, WebhookCredentials credentials) {
    String presented = request.headers().first(SIGNATURE).map(String::trim).orElse("");
    if (presented.isEmpty()) {
      return Verdict.invalid(Reason.MISSING_SIGNATURE, "no " + SIGNATURE + " header");
    }
    String url =
        credentials != null && credentials.notificationUrl() != null
            ? credentials.notificationUrl()
            : request.url();
    byte[] urlBytes = Crypto.utf8(url);
    byte[] body = request.rawBody();
    Verdict verdict =
        Secrets.matchAny(
            credentials,
            settings.evaluationInstant(request),
            key ->
                Crypto.equal(
                    Crypto.base64(Crypto.hmacSha256(Crypto.utf8(key), urlBytes, body)), presented),
            Reason.BAD_SIGNATURE,
            null);
    return verdict.isValid() ? new Verdict.Valid(BodyIds.member(body, "event_id")) : verdict;
  }
}
