package io.ledgerline.platforms.standardwebhooks;

import io.ledgerline.platforms.webhook.Crypto;
import io.ledgerline.platforms.webhook.Reason;
import io.ledgerline.platforms.webhook.Secrets;
import io.ledgerline.platforms.webhook.Verdict;
import io.ledgerline.platforms.webhook.VerificationSettings;
import io.ledgerline.platforms.webhook.WebhookCredentials;
import io.ledgerline.platforms.webhook.WebhookRequest;
import io.ledgerline.platforms.webhook.WebhookVerifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Standard Webhooks: {@code webhook-signature} holds space-separated {@code v1,<base64>} entries,
 * each HMAC-SHA256(base64-decoded part of the {@code whsec_} secret, {@code id.timestamp.body});
 * any matching entry passes (the sender's own rotation). {@code webhook-timestamp} is epoch
 * seconds, within the tolerance both ways. The dedup key is {@code webhook-id}.
 */
final class StandardWebhooksVerifier implements WebhookVerifier {

  static final String ID = "webhook-id";
  static final String TIMESTAMP = "webhook-timestamp";
  static final String SIGNATURE = "webhook-signature";
  private static final String PREFIX = "whsec_";

  /** Bounds the work one request can cause. */
  private static final int MAX_SIGNATURES = 16;

  private final VerificationSettings settings;

  StandardWebhooksVerifier(VerificationSettings settings) {
    this.settings = settings;
  }

  @Override
  public String platform() {
    return StandardWebhooksPlatform.ID;
  }

  @Override
  public Verdict verify(WebhookRequest request, WebhookCredentials credentials) {
    String id = request.headers().first(ID).map(String::trim).orElse("");
    String timestamp = request.headers().first(TIMESTAMP).map(String::trim).orElse("");
    String header = request.headers().first(SIGNATURE).map(String::trim).orElse("");
    if (id.isEmpty() || timestamp.isEmpty() || header.isEmpty()) {
      return Verdict.invalid(
          Reason.MISSING_SIGNATURE, ID + ", " + TIMESTAMP + " and " + SIGNATURE + " are required");
    }
    Instant signedAt;
    try {
      signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
    } catch (RuntimeException e) {
      return Verdict.invalid(Reason.MALFORMED, TIMESTAMP + " is not epoch seconds");
    }
    Instant now = settings.evaluationInstant(request);
    if (!settings.isFresh(signedAt, now)) {
      return Verdict.invalid(
          Reason.STALE_TIMESTAMP,
          TIMESTAMP + " is outside the tolerance of " + settings.tolerance());
    }
    List<String> presented = new ArrayList<>();
    for (String entry : header.split(" ")) {
      if (entry.startsWith("v1,") && presented.size() < MAX_SIGNATURES) {
        presented.add(entry.substring(3));
      }
    }
    if (presented.isEmpty()) {
      return Verdict.invalid(Reason.MISSING_SIGNATURE, SIGNATURE + " has no v1 signature");
    }
    byte[] signedPrefix = Crypto.utf8(id + "." + timestamp + ".");
    byte[] body = request.rawBody();
    return Secrets.matchAny(
        credentials,
        now,
        secret -> {
          byte[] key = key(secret);
          if (key == null) {
            return false;
          }
          String expected = Crypto.base64(Crypto.hmacSha256(key, signedPrefix, body));
          boolean any = false;
          for (String candidate : presented) {
            any |= Crypto.equal(expected, candidate);
          }
          return any;
        },
        Reason.BAD_SIGNATURE,
        id);
  }

  /** The HMAC key: the base64 after {@code whsec_} (or the whole value); null if not base64. */
  static byte[] key(String secret) {
    String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
    try {
      return Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
