package io.ledgerline.platforms.webhook;

import java.time.Instant;

/**
 * A connection's secret carried in its webhook URL, for platforms that sign nothing (Lightspeed,
 * Salesforce Outbound Messages): the URL the tenant gives the platform is {@code
 * .../webhooks/<platform>/<connection id>?token=<secret>}, and a delivery is authentic when its
 * {@code token} query parameter matches one of the connection's usable secrets (constant time).
 */
public final class UrlToken {

  /** The query parameter that carries the token. */
  public static final String PARAMETER = "token";

  private UrlToken() {}

  /** The webhook URL with the token, as shown beside a freshly issued secret. */
  public static String appendedTo(String webhookUrl, String secret) {
    return secret == null
        ? webhookUrl
        : webhookUrl + (webhookUrl.indexOf('?') < 0 ? "?" : "&") + PARAMETER + "=" + secret;
  }

  /**
   * The URL judged: the notification URL without any query of its own, with the query the request
   * arrived with (where the token is).
   */
  public static String verifiedUrl(String notificationUrl, String receivedQuery) {
    int query = notificationUrl.indexOf('?');
    String base = query < 0 ? notificationUrl : notificationUrl.substring(0, query);
    return base + (receivedQuery == null ? "" : "?" + receivedQuery);
  }

  /**
   * Valid when the request URL's token matches a usable secret: MISSING_SIGNATURE without a token,
   * BAD_CREDENTIAL with a wrong one, NOT_CONFIGURED when the connection has no token at all.
   */
  public static Verdict verify(WebhookRequest request, WebhookCredentials credentials, Instant at) {
    String token;
    try {
      token = of(request.url());
    } catch (MalformedInput e) {
      return Verdict.invalid(Reason.MALFORMED, "the URL's query: " + e.getMessage());
    }
    if (token == null || token.isEmpty()) {
      return Verdict.invalid(
          Reason.MISSING_SIGNATURE, "the URL has no " + PARAMETER + " parameter");
    }
    return Secrets.matchAny(
        credentials, at, secret -> Crypto.equal(secret, token), Reason.BAD_CREDENTIAL, null);
  }

  /** The {@code token} query parameter of {@code url}, or null. */
  public static String of(String url) throws MalformedInput {
    int query = url.indexOf('?');
    if (query < 0) {
      return null;
    }
    int fragment = url.indexOf('#', query);
    String q = fragment < 0 ? url.substring(query + 1) : url.substring(query + 1, fragment);
    return FormBody.parse(q).get(PARAMETER);
  }
}
