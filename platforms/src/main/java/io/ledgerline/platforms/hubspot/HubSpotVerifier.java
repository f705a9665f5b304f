package io.ledgerline.platforms.hubspot;

import io.ledgerline.platforms.webhook.Crypto;
import io.ledgerline.platforms.webhook.Reason;
import io.ledgerline.platforms.webhook.Secrets;
import io.ledgerline.platforms.webhook.Verdict;
import io.ledgerline.platforms.webhook.VerificationSettings;
import io.ledgerline.platforms.webhook.WebhookCredentials;
import io.ledgerline.platforms.webhook.WebhookRequest;
import io.ledgerline.platforms.webhook.WebhookVerifier;
import java.time.Instant;
import java.util.Locale;

/**
 * HubSpot. v3: {@code X-HubSpot-Signature-V3} is base64 HMAC-SHA256(client secret, method + URI +
 * raw body + {@code X-HubSpot-Request-Timestamp}), the timestamp in epoch milliseconds and within
 * the tolerance. Legacy, selected by {@code X-HubSpot-Signature-Version}: {@code
 * X-HubSpot-Signature} is hex SHA-256(secret + body) for v1, hex SHA-256(secret + method + URI +
 * body) for v2. v3 wins when its header is present. Batches of events have no single event id.
 */
final class HubSpotVerifier implements WebhookVerifier {

  static final String SIGNATURE_V3 = "X-HubSpot-Signature-V3";
  static final String TIMESTAMP = "X-HubSpot-Request-Timestamp";
  static final String SIGNATURE = "X-HubSpot-Signature";
  static final String VERSION = "X-HubSpot-Signature-Version";

  /** HubSpot signs the URI with these escapes decoded (its "validating requests" guide). */
  private static final String[][] DECODED_IN_V3 = {
    {"%3A", ":"}, {"%2F", "/"}, {"%3F", "?"}, {"%40", "@"}, {"%21", "!"}, {"%24", "$"},
    {"%27", "'"}, {"%28", "("}, {"%29", ")"}, {"%2A", "*"}, {"%2C", ","}, {"%3B", ";"}
  };

  private final VerificationSettings settings;

  HubSpotVerifier(VerificationSettings settings) {
    this.settings = settings;
  }

  @Override
  public String platform() {
    return HubSpotPlatform.ID;
  }

  @Override
  public Verdict verify(WebhookRequest request, WebhookCredentials credentials) {
    var v3 = request.headers().first(SIGNATURE_V3).map(String::trim).filter(s -> !s.isEmpty());
    if (v3.isPresent()) {
      return verifyV3(request, credentials, v3.get());
    }
    String legacy = request.headers().first(SIGNATURE).map(String::trim).orElse("");
    if (legacy.isEmpty()) {
      return Verdict.invalid(
          Reason.MISSING_SIGNATURE, "no " + SIGNATURE_V3 + " or " + SIGNATURE + " header");
    }
    String version =
        request.headers().first(VERSION).map(s -> s.trim().toLowerCase(Locale.ROOT)).orElse("");
    byte[] body = request.rawBody();
    String presented = legacy.toLowerCase(Locale.ROOT);
    Instant at = settings.evaluationInstant(request);
    return switch (version) {
      case "v1" ->
          Secrets.matchAny(
              credentials,
              at,
              secret ->
                  Crypto.equal(Crypto.hex(Crypto.sha256(Crypto.utf8(secret), body)), presented),
              Reason.BAD_SIGNATURE,
              null);
      case "v2" ->
          Secrets.matchAny(
              credentials,
              at,
              secret ->
                  Crypto.equal(
                      Crypto.hex(
                          Crypto.sha256(
                              Crypto.utf8(secret),
                              Crypto.utf8(request.method()),
                              Crypto.utf8(request.url()),
                              body)),
                      presented),
              Reason.BAD_SIGNATURE,
              null);
      default -> Verdict.invalid(Reason.MALFORMED, VERSION + " must be v1 or v2 with " + SIGNATURE);
    };
  }

  private Verdict verifyV3(
      WebhookRequest request, WebhookCredentials credentials, String presented) {
    String timestamp = request.headers().first(TIMESTAMP).map(String::trim).orElse("");
    if (timestamp.isEmpty()) {
      return Verdict.invalid(Reason.MISSING_SIGNATURE, "no " + TIMESTAMP + " header");
    }
    Instant signedAt;
    try {
      signedAt = Instant.ofEpochMilli(Long.parseLong(timestamp));
    } catch (RuntimeException e) {
      return Verdict.invalid(Reason.MALFORMED, TIMESTAMP + " is not epoch milliseconds");
    }
    Instant now = settings.evaluationInstant(request);
    if (!settings.isFresh(signedAt, now)) {
      return Verdict.invalid(
          Reason.STALE_TIMESTAMP,
          TIMESTAMP + " is outside the tolerance of " + settings.tolerance());
    }
    byte[] signed =
        concat(
            Crypto.utf8(request.method()),
            Crypto.utf8(decodeForV3(request.url())),
            request.rawBody(),
            Crypto.utf8(timestamp));
    return Secrets.matchAny(
        credentials,
        now,
        secret ->
            Crypto.equal(Crypto.base64(Crypto.hmacSha256(Crypto.utf8(secret), signed)), presented),
        Reason.BAD_SIGNATURE,
        null);
  }

  static String decodeForV3(String uri) {
    String decoded = uri;
    for (String[] pair : DECODED_IN_V3) {
      decoded =
          decoded.replace(pair[0], pair[1]).replace(pair[0].toLowerCase(Locale.ROOT), pair[1]);
    }
    return decoded;
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] p : parts) {
      length += p.length;
    }
    byte[] out = new byte[length];
    int offset = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, offset, p.length);
      offset += p.length;
    }
    return out;
  }
}
