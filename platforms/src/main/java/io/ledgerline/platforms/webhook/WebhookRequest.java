package io.ledgerline.platforms.webhook;

import java.time.Instant;
import java.util.Objects;

/**
 * One webhook delivery as the platform sent it.
 *
 * @param platform the platform id ({@code shopify}, {@code hubspot}, ...; see {@link Verifiers})
 * @param method the HTTP method, e.g. {@code POST}
 * @param url the URL the platform was told (stored on the connection), with its query string; not
 *     the URL as seen behind a proxy. HubSpot and Square sign it; Lightspeed carries its token in
 *     it
 * @param headers the request headers, case-insensitive
 * @param body the raw body bytes, exactly as received (signatures cover bytes, not parsed JSON)
 * @param receivedAt when it arrived: timestamp tolerance and secret expiry are judged as of this
 *     instant; {@code null} means "now" by the verifier's clock
 * @param remoteAddress the client's IP address literal (Salesforce IP allow-list), or {@code null}
 */
public record WebhookRequest(
    String platform,
    String method,
    String url,
    WebhookHeaders headers,
    byte[] body,
    Instant receivedAt,
    String remoteAddress) {

  public WebhookRequest {
    Objects.requireNonNull(platform, "platform");
    method = method == null ? "POST" : method;
    url = url == null ? "" : url;
    headers = headers == null ? WebhookHeaders.empty() : headers;
    body = body == null ? new byte[0] : body.clone();
  }

  /** Without a remote address. */
  public WebhookRequest(
      String platform,
      String method,
      String url,
      WebhookHeaders headers,
      byte[] body,
      Instant receivedAt) {
    this(platform, method, url, headers, body, receivedAt, null);
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The body without copying, for verifiers: never modify it. */
  public byte[] rawBody() {
    return body;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WebhookRequest r
        && r.platform.equals(platform)
        && r.method.equals(method)
        && r.url.equals(url)
        && r.headers.equals(headers)
        && java.util.Arrays.equals(r.body, body)
        && Objects.equals(r.receivedAt, receivedAt)
        && Objects.equals(r.remoteAddress, remoteAddress);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        platform, method, url, headers, java.util.Arrays.hashCode(body), receivedAt);
  }

  /** No body and no header values: both may hold credentials. */
  @Override
  public String toString() {
    return "WebhookRequest[" + platform + " " + method + " " + body.length + " bytes]";
  }
}
