package io.ledgerline.platforms.oauth;

import java.net.URI;
import java.util.HashMap;
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
 * @param refreshUrl where refresh tokens are redeemed, relative to the token URL (Clover's {@code
 *     refresh}); null: the token URL
 * @param sandboxHosts production host to sandbox host, applied to the default URLs when a
 *     connection's {@code settings.environment} is {@code sandbox}; empty: no sandbox
 * @param tokenFacts the token response's fields kept as account facts (Salesforce's {@code
 *     instance_url}, Pipedrive's {@code api_domain}, Square's {@code merchant_id}, ...)
 * @param appWebhookSecret how the app's webhooks are signed for OAuth connections
 * @param callbackCheck checks the callback's query beyond the state (Shopify's {@code hmac}); null
 *     for none
 * @param transientTokenErrors the token endpoint's error codes that mean "not now" rather than
 *     "never" although they come with a 4xx (Zoho's throttle, {@code Access Denied}): a refresh
 *     refused so is tried again later instead of asking for re-authorization
 */
public record OAuth2Spec(
    String authorizeUrl,
    String tokenUrl,
    List<String> scopes,
    String scopeSeparator,
    boolean pkce,
    TokenRequest tokenRequest,
    Map<String, String> authorizeParameters,
    List<String> callbackParameters,
    String refreshUrl,
    Map<String, String> sandboxHosts,
    List<String> tokenFacts,
    AppWebhookSecret appWebhookSecret,
    CallbackCheck callbackCheck,
    java.util.Set<String> transientTokenErrors) {

  /** The settings key that picks a platform's sandbox ({@code sandbox}; else production). */
  public static final String ENVIRONMENT = "environment";

  public static final String SANDBOX = "sandbox";

  public OAuth2Spec {
    Objects.requireNonNull(authorizeUrl, "authorizeUrl");
    Objects.requireNonNull(tokenUrl, "tokenUrl");
    scopes = List.copyOf(scopes);
    Objects.requireNonNull(scopeSeparator, "scopeSeparator");
    Objects.requireNonNull(tokenRequest, "tokenRequest");
    authorizeParameters = Map.copyOf(authorizeParameters);
    callbackParameters = List.copyOf(callbackParameters);
    sandboxHosts = Map.copyOf(sandboxHosts);
    tokenFacts = List.copyOf(tokenFacts);
    Objects.requireNonNull(appWebhookSecret, "appWebhookSecret");
    transientTokenErrors = java.util.Set.copyOf(transientTokenErrors);
  }

  /** How an OAuth app's webhooks are authenticated, for connections made through it. */
  public enum AppWebhookSecret {
    /** Per connection, as for webhook connections (or registered by API). */
    NONE,
    /** Signed with the app's client secret (HubSpot v3, Shopify). */
    CLIENT_SECRET,
    /**
     * With a key the deployment configures for the app (Square's signature key, Clover's auth
     * code).
     */
    CONFIGURED
  }

  public boolean hasSandbox() {
    return !sandboxHosts.isEmpty();
  }

  /**
   * The consent page for one connection: the app's override as is, else the default (sandboxed).
   */
  public String authorizeUrlFor(OAuth2App app, Map<String, String> values) {
    return resolved(app.authorizeUrl(), authorizeUrl, values);
  }

  /** The token endpoint for one connection; {@code values} are its settings and account facts. */
  public String tokenUrlFor(OAuth2App app, Map<String, String> values) {
    return resolved(app.tokenUrl(), tokenUrl, values);
  }

  /** Where refresh tokens are redeemed: {@link #refreshUrl} against the token URL. */
  public String refreshUrlFor(OAuth2App app, Map<String, String> values) {
    String token = tokenUrlFor(app, values);
    return refreshUrl == null ? token : URI.create(token).resolve(refreshUrl).toString();
  }

  /** {@code url} with its host replaced by the sandbox's when the connection asks for it. */
  public String sandboxed(String url, Map<String, String> values) {
    if (!SANDBOX.equals(values.get(ENVIRONMENT))) {
      return url;
    }
    String out = url;
    for (Map.Entry<String, String> host : sandboxHosts.entrySet()) {
      out = out.replace("://" + host.getKey(), "://" + host.getValue());
    }
    return out;
  }

  private String resolved(String override, String template, Map<String, String> values) {
    if (override != null && !override.isBlank()) {
      // An override replaces the host for every account: its placeholders, if any, still fill.
      return AuthorizationUrls.filled(override, values);
    }
    return AuthorizationUrls.filled(sandboxed(template, values), values);
  }

  /** Settings and account facts together, as URL placeholders read them. */
  public static Map<String, String> values(
      Map<String, String> settings, Map<String, String> facts) {
    Map<String, String> values = new HashMap<>(facts);
    values.putAll(settings);
    return values;
  }

  /** How the authorization code is exchanged at the token endpoint. */
  public enum TokenRequest {
    /** Form-encoded, client id and secret in the body ({@code client_secret_post}). */
    FORM_CLIENT_SECRET_POST,
    /** Form-encoded, client id and secret as HTTP Basic ({@code client_secret_basic}). */
    FORM_CLIENT_SECRET_BASIC,
    /** A JSON object with client id and secret and {@code grant_type} (Square). */
    JSON,
    /**
     * A JSON object without {@code grant_type}: client id, secret and code; refreshed with client
     * id and refresh token only (Clover's v2 flow).
     */
    JSON_CLIENT_CODE
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
    private String refreshUrl;
    private Map<String, String> sandboxHosts = Map.of();
    private List<String> tokenFacts = List.of();
    private AppWebhookSecret appWebhookSecret = AppWebhookSecret.NONE;
    private CallbackCheck callbackCheck;
    private java.util.Set<String> transientTokenErrors = java.util.Set.of();

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

    public Builder refreshUrl(String relative) {
      this.refreshUrl = relative;
      return this;
    }

    public Builder sandboxHosts(Map<String, String> productionToSandbox) {
      this.sandboxHosts = productionToSandbox;
      return this;
    }

    public Builder tokenFacts(String... names) {
      this.tokenFacts = List.of(names);
      return this;
    }

    public Builder appWebhookSecret(AppWebhookSecret secret) {
      this.appWebhookSecret = secret;
      return this;
    }

    public Builder callbackCheck(CallbackCheck check) {
      this.callbackCheck = check;
      return this;
    }

    public Builder transientTokenErrors(String... errors) {
      this.transientTokenErrors = java.util.Set.of(errors);
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
          callbackParameters,
          refreshUrl,
          sandboxHosts,
          tokenFacts,
          appWebhookSecret,
          callbackCheck,
          transientTokenErrors);
    }
  }
}
