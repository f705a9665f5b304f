package io.ledgerline.platforms.oauth;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A platform's OAuth2 authorization-code flow, as data (in the manner of Spring Security's {@code
 * CommonOAuth2Provider} and Nango's {@code providers.yaml}): what differs between platforms is
 * mostly endpoints, scopes and a few request styles, so it is declared here and read by the shared
 * code; only real differences are code in the platform's package.
 *
 * @param authorizeUrl the consent page; may hold {@code {name}} placeholders filled from the
 *     connection's settings (Shopify's {@code {shop}})
 * @param tokenUrl the token endpoint; may hold placeholders filled from the settings or from the
 *     callback's account parameters (Zoho's {@code {accounts-server}}, Lightspeed's {@code
 *     {domain_prefix}})
 * @param scopes the read scopes fetching needs, by default (a deployment may configure others);
 *     empty where the platform fixes them in the app's settings
 * @param scopeSeparator how the platform joins scopes in the authorization URL
 * @param pkce whether the platform supports PKCE (S256)
 * @param tokenRequest how the code is exchanged
 * @param authorizeParameters fixed extra parameters of the authorization URL
 * @param callbackParameters the account facts the callback's query carries besides code and state
 *     (kept for the token request and the account identity)
 */
public record OAuth2Spec(
    String authorizeUrl,
    String tokenUrl,
    List<String> scopes,
    String scopeSeparator,
    boolean pkce,
    TokenRequest tokenRequest,
    Map<String, String> authorizeParameters,
    List<String> callbackParameters) {

  public OAuth2Spec {
    Objects.requireNonNull(authorizeUrl, "authorizeUrl");
    Objects.requireNonNull(tokenUrl, "tokenUrl");
    scopes = List.copyOf(scopes);
    Objects.requireNonNull(scopeSeparator, "scopeSeparator");
    Objects.requireNonNull(tokenRequest, "tokenRequest");
    authorizeParameters = Map.copyOf(authorizeParameters);
    callbackParameters = List.copyOf(callbackParameters);
  }

  /** How the authorization code is exchanged at the token endpoint. */
  public enum TokenRequest {
    /** Form-encoded, client id and secret in the body ({@code client_secret_post}). */
    FORM_CLIENT_SECRET_POST,
    /** Form-encoded, client id and secret as HTTP Basic ({@code client_secret_basic}). */
    FORM_CLIENT_SECRET_BASIC,
    /** A JSON object with client id and secret (Square, Clover). */
    JSON
  }

  public static Builder builder(String authorizeUrl, String tokenUrl) {
    return new Builder(authorizeUrl, tokenUrl);
  }

  public static final class Builder {
    private final String authorizeUrl;
    private final String tokenUrl;
    private List<String> scopes = List.of();
    private String scopeSeparator = " ";
    private boolean pkce;
    private TokenRequest tokenRequest = TokenRequest.FORM_CLIENT_SECRET_POST;
    private Map<String, String> authorizeParameters = Map.of();
    private List<String> callbackParameters = List.of();

    private Builder(String authorizeUrl, String tokenUrl) {
      this.authorizeUrl = authorizeUrl;
      this.tokenUrl = tokenUrl;
    }

    public Builder scopes(String separator, String... scopes) {
      this.scopeSeparator = separator;
      this.scopes = List.of(scopes);
      return this;
    }

    public Builder pkce() {
      this.pkce = true;
      return this;
    }

    public Builder tokenRequest(TokenRequest style) {
      this.tokenRequest = style;
      return this;
    }

    public Builder authorizeParameters(Map<String, String> parameters) {
      this.authorizeParameters = parameters;
      return this;
    }

    public Builder callbackParameters(String... names) {
      this.callbackParameters = List.of(names);
      return this;
    }

    public OAuth2Spec build() {
      return new OAuth2Spec(
          authorizeUrl,
          tokenUrl,
          scopes,
          scopeSeparator,
          pkce,
          tokenRequest,
          authorizeParameters,
          callbackParameters);
    }
  }
}
