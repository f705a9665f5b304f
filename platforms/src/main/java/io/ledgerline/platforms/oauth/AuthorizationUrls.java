package io.ledgerline.platforms.oauth;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts an authorization-code flow: the URL the tenant's browser opens, with a fresh unguessable
 * {@code state} and, where the platform supports it, a PKCE S256 challenge. The request itself is
 * Nimbus's ({@link AuthorizationRequest}): the encoding rules of RFC 6749 and RFC 7636 are not ours
 * to get wrong (ADR 0005).
 */
public final class AuthorizationUrls {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_-]+)}");

  private AuthorizationUrls() {}

  /**
   * The start of one flow. {@code state} and {@code codeVerifier} are kept by the caller (bound to
   * the connection, single use, short-lived) and checked on the callback.
   *
   * @param codeVerifier the PKCE verifier, null where the platform has no PKCE
   */
  public record Start(URI url, String state, String codeVerifier) {
    @Override
    public String toString() {
      return "Start[url=" + url.getHost() + ", state=***, codeVerifier=***]";
    }
  }

  /**
   * @param values what the spec's URL placeholders are filled with (the connection's settings)
   * @throws IllegalArgumentException when a placeholder has no value
   */
  public static Start start(OAuth2Spec spec, OAuth2App app, Map<String, String> values) {
    State state = new State();
    CodeVerifier verifier = spec.pkce() ? new CodeVerifier() : null;
    AuthorizationRequest.Builder request =
        new AuthorizationRequest.Builder(
                new ResponseType(ResponseType.Value.CODE), new ClientID(app.clientId()))
            .endpointURI(URI.create(spec.authorizeUrlFor(app, values)))
            .redirectionURI(URI.create(app.redirectUri()))
            .state(state);
    List<String> scopes = app.scopesFor(spec);
    if (!scopes.isEmpty()) {
      if (" ".equals(spec.scopeSeparator())) {
        request.scope(new Scope(scopes.toArray(String[]::new)));
      } else {
        // Nimbus joins scopes with spaces (RFC 6749); Shopify and Zoho want commas.
        request.customParameter("scope", String.join(spec.scopeSeparator(), scopes));
      }
    }
    if (verifier != null) {
      request.codeChallenge(verifier, CodeChallengeMethod.S256);
    }
    spec.authorizeParameters().forEach(request::customParameter);
    return new Start(
        request.build().toURI(), state.getValue(), verifier == null ? null : verifier.getValue());
  }

  /** {@code template} with each {@code {name}} replaced by its value. */
  public static String filled(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("no value for {" + m.group(1) + "} in " + template);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
