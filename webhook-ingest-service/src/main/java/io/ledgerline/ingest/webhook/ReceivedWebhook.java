package io.ledgerline.ingest.webhook;

import io.ledgerline.platforms.webhook.WebhookScheme;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One delivery as it arrived: the raw body bytes untouched, the headers by lower-case name.
 *
 * @param platform the platform id from the URL, e.g. {@code shopify}
 * @param query the request's query string as received (Lightspeed's token rides in it), or null
 * @param remoteAddress the client's IP address (Salesforce's allow-list), or null
 * @param appUrl for an app-level delivery ({@code /webhooks/<platform>}, routed by the account it
 *     names), the app's URL the platform signed; null for a connection's own URL
 */
record ReceivedWebhook(
    String platform,
    UUID connectionId,
    Map<String, String> headers,
    byte[] body,
    Instant receivedAt,
    String query,
    String remoteAddress,
    String appUrl) {

  static final String REDACTED = WebhookScheme.REDACTED;
  private static final Pattern QUERY_TOKEN =
      Pattern.compile(
          "((?:^|&)[^=&]*(?:token|secret|key|signature|auth|password|session)[^=&]*=)[^&]*",
          Pattern.CASE_INSENSITIVE);

  ReceivedWebhook(
      String platform,
      UUID connectionId,
      Map<String, String> headers,
      byte[] body,
      Instant receivedAt,
      String query,
      String remoteAddress) {
    this(platform, connectionId, headers, body, receivedAt, query, remoteAddress, null);
  }

  ReceivedWebhook {
    TreeMap<String, String> lower = new TreeMap<>();
    headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
    headers = Map.copyOf(lower);
  }

  ReceivedWebhook(
      String platform,
      UUID connectionId,
      Map<String, String> headers,
      byte[] body,
      Instant receivedAt) {
    this(platform, connectionId, headers, body, receivedAt, null, null);
  }

  String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** The headers fit to store: whatever authenticates a request is replaced by a marker. */
  Map<String, String> redactedHeaders() {
    TreeMap<String, String> redacted = new TreeMap<>();
    headers.forEach((name, value) -> redacted.put(name, isCredential(name) ? REDACTED : value));
    return redacted;
  }

  /** The query string fit to store: token-like parameters (Lightspeed's URL token) redacted. */
  String redactedQuery() {
    return query == null ? null : QUERY_TOKEN.matcher(query).replaceAll("$1" + REDACTED);
  }

  /**
   * Whether a header may carry a credential: by name, broadly (a header named like a secret is
   * redacted even where no platform uses it, since a tenant may have configured one that does).
   */
  static boolean isCredential(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.equals("authorization")
        || n.equals("proxy-authorization")
        || n.contains("cookie")
        || n.contains("hmac")
        || n.contains("signature")
        || n.contains("token")
        || n.contains("auth")
        || n.contains("secret")
        || n.contains("password")
        || n.contains("passwd")
        || n.contains("session")
        || n.contains("credential")
        || n.replace("-", "").replace("_", "").contains("apikey")
        || n.endsWith("-key")
        || n.endsWith("_key");
  }

  @Override
  public String toString() {
    return "ReceivedWebhook[" + platform + ", " + connectionId + ", " + body.length + " bytes]";
  }
}
