package io.ledgerline.platforms.oauth;

import java.util.List;
import java.util.Objects;

/**
 * The deployment's OAuth app on one platform (from configuration: {@code
 * LEDGERLINE_<PLATFORM>_CLIENT_ID}, {@code _CLIENT_SECRET}, {@code _AUTHORIZE_URL}, {@code
 * _TOKEN_URL}, {@code _API_URL}, ...).
 *
 * @param scopes the scopes to ask for; empty: the platform's defaults ({@link OAuth2Spec#scopes()})
 * @param authorizeUrl replaces the spec's authorize URL (a sandbox, a test server); null: the
 *     spec's
 * @param tokenUrl likewise for the token endpoint (for every account, whatever host the account's
 *     data centre or shop would name)
 * @param apiUrl likewise for the API base URL; null: the platform's, per account
 * @param webhookSecret the key the app's webhooks carry where the platform has one per app besides
 *     the client secret ({@link OAuth2Spec.AppWebhookSecret#CONFIGURED}); null: none configured
 */
public record OAuth2App(
    String clientId,
    String clientSecret,
    String redirectUri,
    List<String> scopes,
    String authorizeUrl,
    String tokenUrl,
    String apiUrl,
    String webhookSecret) {

  public OAuth2App {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(redirectUri, "redirectUri");
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
  }

  public OAuth2App(
      String clientId,
      String clientSecret,
      String redirectUri,
      List<String> scopes,
      String authorizeUrl,
      String tokenUrl) {
    this(clientId, clientSecret, redirectUri, scopes, authorizeUrl, tokenUrl, null, null);
  }

  /** The scopes to ask for under {@code spec}. */
  public List<String> scopesFor(OAuth2Spec spec) {
    return scopes.isEmpty() ? spec.scopes() : scopes;
  }

  /** The secret the app's webhooks are verified with under {@code spec}; null: none. */
  public String appWebhookSecret(OAuth2Spec spec) {
    return switch (spec.appWebhookSecret()) {
      case CLIENT_SECRET -> clientSecret;
      case CONFIGURED -> webhookSecret;
      case NONE -> null;
    };
  }

  /** No client secret: it is a credential. */
  @Override
  public String toString() {
    return "OAuth2App[clientId="
        + clientId
        + ", redirectUri="
        + redirectUri
        + ", clientSecret=***, webhookSecret=***]";
  }
}
