package io.ledgerline.platforms.webhook;

import java.util.List;
import java.util.Map;

/**
 * How one platform's webhooks arrive: the verifier, and the small facts around it that differ per
 * platform (content types, where the topic is, which URL is judged, which stored settings are
 * credentials, what must not be stored). Defaults fit a JSON webhook signed with one secret.
 */
public interface WebhookScheme {

  String JSON = "application/json";

  /** Thread-safe; judges time with {@code settings}. */
  WebhookVerifier verifier(VerificationSettings settings);

  /**
   * Whether the platform's apps have one webhook URL for all accounts ({@code
   * /webhooks/<platform>}, no connection id): each event then names its account ({@link
   * #accountId}).
   */
  default boolean appLevel() {
    return false;
  }

  /**
   * The account an app-level webhook is for (HubSpot's {@code portalId}, Square's {@code
   * merchant_id}, Clover's merchant), read before verification only to find the connection whose
   * secret verifies it; empty when the body names none or several.
   */
  default java.util.Optional<String> accountId(byte[] body) {
    return java.util.Optional.empty();
  }

  /** The media types the platform sends; anything else is refused before it is read. */
  default List<String> contentTypes() {
    return List.of(JSON);
  }

  /** The platform's own name for what happened, where a header carries it; else null. */
  default String topic(WebhookHeaders headers) {
    return null;
  }

  /**
   * The URL the verifier judges: the URL the platform was told (which signatures cover), never the
   * URL as seen behind a proxy.
   *
   * @param receivedQuery the query string the request arrived with, or null
   */
  default String verifiedUrl(String notificationUrl, String receivedQuery) {
    return notificationUrl;
  }

  /**
   * A connection's stored secrets and settings as the verifier's credentials.
   *
   * @param settings the connection's settings (blank values already removed)
   * @param secrets usable secrets, current first
   * @param notificationUrl the URL the platform was told
   */
  default WebhookCredentials credentials(
      Map<String, String> settings,
      List<WebhookCredentials.Secret> secrets,
      String notificationUrl) {
    return WebhookCredentials.builder().secrets(secrets).notificationUrl(notificationUrl).build();
  }

  /**
   * The credentials from one command-line {@code --secret} (the {@code verify-webhook} command);
   * platforms with a second credential read it as {@code first:second}.
   */
  default WebhookCredentials credentialsOf(String secret) {
    return WebhookCredentials.of(secret);
  }

  /**
   * {@code first:second} split at the first colon, for {@link #credentialsOf}: {@code [null,
   * value]} when there is no colon.
   */
  static String[] splitAtColon(String value) {
    int colon = value.indexOf(':');
    return colon < 0
        ? new String[] {null, value}
        : new String[] {value.substring(0, colon), value.substring(colon + 1)};
  }

  /** The body as it may be stored: a platform that echoes a credential in it gets it replaced. */
  default byte[] storableBody(byte[] body, WebhookCredentials credentials) {
    return body;
  }

  /**
   * The exact answer the platform needs to stop retrying, where a plain 2xx is not enough
   * (Salesforce's SOAP acknowledgement); null for the default JSON receipt.
   */
  default Acknowledgement acknowledgement() {
    return null;
  }

  /** A fixed response body with its media type. */
  record Acknowledgement(String contentType, String body) {}

  /** What replaces a credential in stored bodies and headers. */
  String REDACTED = "[redacted]";
}
