package io.ledgerline.platforms.clover;

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
 * Clover: every event carries {@code X-Clover-Auth} equal to the app's auth code. The one-time URL
 * verification POST has no such header and a body of exactly {@code {"verificationCode": "..."}}:
 * it is reported as {@link Verdict.Verification} so the tenant can see the code (it arrives before
 * the connection has an auth code). No event id.
 */
final class CloverVerifier implements WebhookVerifier {

  static final String AUTH = "X-Clover-Auth";

  private final VerificationSettings settings;

  CloverVerifier(VerificationSettings settings) {
    this.settings = settings;
  }

  @Override
  public String platform() {
    return CloverPlatform.ID;
  }

  @Override
  public Verdict verify(WebhookRequest request, WebhookCredentials credentials) {
    String presented = request.headers().first(AUTH).map(String::trim).orElse("");
    if (!presented.isEmpty()) {
      return Secrets.matchAny(
          credentials,
          settings.evaluationInstant(request),
          secret -> Crypto.equal(secret, presented),
          Reason.BAD_CREDENTIAL,
          null);
    }
    Map<String, Object> body;
    try {
      body = Json.parseObject(request.rawBody());
    } catch (MalformedInput e) {
      return Verdict.invalid(Reason.MISSING_SIGNATURE, "no " + AUTH + " header");
    }
    if (body.size() == 1
        && body.get("verificationCode") instanceof String code
        && !code.isBlank()) {
      return new Verdict.Verification(code);
    }
    return Verdict.invalid(Reason.MISSING_SIGNATURE, "no " + AUTH + " header");
  }
}
