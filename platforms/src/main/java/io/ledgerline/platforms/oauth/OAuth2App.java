package io.ledgerline.platforms.oauth;

import java.util.List;
import java.util.Objects;

/**
 * The deployment's OAuth app on one platform (from configuration: {@code
 * LEDGERLINE_<PLATFORM>_CLIENT_ID}, {@code _CLIENT_SECRET}, ...).
 *
 * @param scopes the scopes to ask for; empty: the platform's defaults ({@link OAuth2Spec#scopes()})
 * @param authorizeUrl replaces the spec's authorize URL (a sandbox, a test server); null: the
 *     spec's
 * @param tokenUrl likewise for the token endpoint
 */
public record OAuth2App(
    String clientId,
    String clientSecret,
    String redirectUri,
    List<String> scopes,
    String authorizeUrl,
    String tokenUrl) {

  public OAuth2App {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(redirectUri, "redirectUri");
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
  }

  /** The scopes to ask for under {@code spec}. */
  public List<String> scopesFor(OAuth2Spec spec) {
    return scopes.isEmpty() ? spec.scopes() : scopes;
  }

  /** No client secret: it is a credential. */
  @Override
  public String toString() {
    return "OAuth2App[clientId="
        + clientId
        + ", redirectUri="
        + redirectUri
        + ", clientSecret=***]";
  }
}
