package io.ledgerline.ingest.webhook;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One delivery as it arrived: the raw body bytes untouched, the headers by lower-case name.
 *
 * @param platform the platform id from the URL, e.g. {@code shopify}
 */
record ReceivedWebhook(
    String platform,
    UUID connectionId,
    Map<String, String> headers,
    byte[] body,
    Instant receivedAt) {

  ReceivedWebhook {
    TreeMap<String, String> lower = new TreeMap<>();
    headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
    headers = Map.copyOf(lower);
  }

  String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** The headers fit to store: whatever authenticates a request is replaced by a marker. */
  Map<String, String> redactedHeaders() {
    TreeMap<String, String> redacted = new TreeMap<>();
    headers.forEach((name, value) -> redacted.put(name, isCredential(name) ? "[redacted]" : value));
    return redacted;
  }

  private static boolean isCredential(String name) {
    return name.equals("authorization")
        || name.equals("proxy-authorization")
        || name.equals("cookie")
        || name.equals("x-api-key")
        || name.contains("hmac")
        || name.contains("signature")
        || name.contains("token")
        || name.contains("auth");
  }

  @Override
  public String toString() {
    return "ReceivedWebhook[" + platform + ", " + connectionId + ", " + body.length + " bytes]";
  }
}
