package io.ledgerline.platforms.pipedrive;

import io.ledgerline.platforms.webhook.BodyIds;
import io.ledgerline.platforms.webhook.Crypto;
import io.ledgerline.platforms.webhook.Reason;
import io.ledgerline.platforms.webhook.Secrets;
import io.ledgerline.platforms.webhook.Verdict;
import io.ledgerline.platforms.webhook.VerificationSettings;
import io.ledgerline.platforms.webhook.WebhookCredentials;
import io.ledgerline.platforms.webhook.WebhookRequest;
import io.ledgerline.platforms.webhook.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Pipedrive: HTTP Basic credentials chosen when the webhook was registered. The user name is the
 * credentials' {@code username}, the password one of its secrets. The dedup key is the v2 body's
 * {@code meta.id}.
 */
final class PipedriveVerifier implements WebhookVerifier {

  private final VerificationSettings settings;

  PipedriveVerifier(VerificationSettings settings) {
    this.settings = settings;
  }

  @Override
  public String platform() {
    return PipedrivePlatform.ID;
  }

  @Override
  public Verdict verify(WebhookRequest request, WebhookCredentials credentials) {
    String authorization = request.headers().first("Authorization").map(String::trim).orElse("");
    if (authorization.isEmpty()) {
      return Verdict.invalid(Reason.MISSING_SIGNATURE, "no Authorization header");
    }
    if (!authorization.toLowerCase(Locale.ROOT).startsWith("basic ")) {
      return Verdict.invalid(Reason.BAD_CREDENTIAL, "Authorization is not HTTP Basic");
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Verdict.invalid(Reason.MALFORMED, "Authorization Basic is not base64");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return Verdict.invalid(Reason.MALFORMED, "Authorization Basic has no user:password");
    }
    String user = decoded.substring(0, colon);
    String password = decoded.substring(colon + 1);
    String expectedUser =
        credentials == null || credentials.username() == null ? null : credentials.username();
    boolean userMatches = expectedUser == null || Crypto.equal(expectedUser, user);
    Verdict verdict =
        Secrets.matchAny(
            credentials,
            settings.evaluationInstant(request),
            secret -> userMatches & Crypto.equal(secret, password),
            Reason.BAD_CREDENTIAL,
            null);
    return verdict.isValid()
        ? new Verdict.Valid(BodyIds.nested(request.rawBody(), "meta", "id"))
        : verdict;
  }
}
