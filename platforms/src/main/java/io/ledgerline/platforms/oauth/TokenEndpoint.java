package io.ledgerline.platforms.oauth;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import io.ledgerline.platforms.http.PlatformCallFailed;
import io.ledgerline.platforms.http.PlatformHttp;
import io.ledgerline.platforms.http.PlatformRequest;
import io.ledgerline.platforms.http.PlatformResponse;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Redeems codes and refresh tokens at a platform's token endpoint, in the request style its spec
 * declares, through {@link PlatformHttp}. Form requests are Nimbus's ({@link TokenRequest}: grant
 * and client authentication encoding per RFC 6749); Square's and Clover's JSON requests are built
 * here. Token requests are not retried after a 5xx or a timeout: the platform may have used the
 * code or rotated the refresh token (a 429 is).
 */
public final class TokenEndpoint {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final PlatformHttp http;
  private final Clock clock;

  public TokenEndpoint(PlatformHttp http, Clock clock) {
    this.http = http;
    this.clock = clock;
  }

  /**
   * @param values the connection's settings and account facts (URL placeholders)
   * @param codeVerifier null where the flow had no PKCE
   * @throws TokenRefused when the platform refuses
   * @throws PlatformCallFailed when it cannot be reached
   */
  public Tokens exchange(
      OAuth2Spec spec,
      OAuth2App app,
      String code,
      String codeVerifier,
      Map<String, String> values,
      String budgetKey) {
    URI url = URI.create(spec.tokenUrlFor(app, values));
    AuthorizationGrant grant =
        new AuthorizationCodeGrant(
            new AuthorizationCode(code),
            URI.create(app.redirectUri()),
            codeVerifier == null ? null : new CodeVerifier(codeVerifier));
    Map<String, String> json = new LinkedHashMap<>();
    json.put("client_id", app.clientId());
    json.put("client_secret", app.clientSecret());
    if (spec.tokenRequest() == OAuth2Spec.TokenRequest.JSON) {
      json.put("grant_type", "authorization_code");
      json.put("redirect_uri", app.redirectUri());
    }
    json.put("code", code);
    return send(spec, app, url, grant, json, budgetKey);
  }

  /**
   * @throws TokenRefused when the platform refuses ({@link TokenRefused#isFinal()}: re-authorize)
   * @throws PlatformCallFailed when it cannot be reached
   */
  public Tokens refresh(
      OAuth2Spec spec,
      OAuth2App app,
      String refreshToken,
      Map<String, String> values,
      String budgetKey) {
    URI url = URI.create(spec.refreshUrlFor(app, values));
    Map<String, String> json = new LinkedHashMap<>();
    json.put("client_id", app.clientId());
    if (spec.tokenRequest() == OAuth2Spec.TokenRequest.JSON) {
      json.put("client_secret", app.clientSecret());
      json.put("grant_type", "refresh_token");
    }
    json.put("refresh_token", refreshToken);
    return send(
        spec, app, url, new RefreshTokenGrant(new RefreshToken(refreshToken)), json, budgetKey);
  }

  private Tokens send(
      OAuth2Spec spec,
      OAuth2App app,
      URI url,
      AuthorizationGrant grant,
      Map<String, String> json,
      String budgetKey) {
    PlatformRequest.Builder request = PlatformRequest.post(url).budget(budgetKey);
    request.header("Accept", "application/json");
    switch (spec.tokenRequest()) {
      case JSON, JSON_CLIENT_CODE -> {
        ObjectNode body = JSON.createObjectNode();
        json.forEach(body::put);
        request.json(JSON.writeValueAsString(body));
      }
      case FORM_CLIENT_SECRET_POST, FORM_CLIENT_SECRET_BASIC -> {
        ClientID id = new ClientID(app.clientId());
        Secret secret = new Secret(app.clientSecret());
        ClientAuthentication auth =
            spec.tokenRequest() == OAuth2Spec.TokenRequest.FORM_CLIENT_SECRET_BASIC
                ? new ClientSecretBasic(id, secret)
                : new ClientSecretPost(id, secret);
        HTTPRequest nimbus = new TokenRequest(url, auth, grant).toHTTPRequest();
        nimbus
            .getHeaderMap()
            .forEach(
                (name, values) -> {
                  if (!"Content-Type".equalsIgnoreCase(name)) {
                    values.forEach(v -> request.header(name, v));
                  }
                });
        request.body(
            "application/x-www-form-urlencoded",
            nimbus.getBody().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    PlatformResponse response = http.send(request.build());
    if (!response.isSuccess()) {
      String error = errorCode(response);
      throw refused(spec, error, response.status());
    }
    JsonNode body = response.json();
    if (!body.hasNonNull("access_token") && body.hasNonNull("error")) {
      // A refusal in a 200 (Zoho answers a revoked refresh token so: {"error":"invalid_code"}):
      // as final as the same refusal in a 400, unless the platform says it passes.
      throw refused(spec, errorCode(response), 400);
    }
    return Tokens.parse(body, spec, clock.instant());
  }

  /**
   * A refusal, final unless the status says it may pass (5xx, 429) or the platform documents the
   * error as passing ({@link OAuth2Spec#transientTokenErrors()}: Zoho's throttle is a 400).
   */
  private static TokenRefused refused(OAuth2Spec spec, String error, int status) {
    if (spec.transientTokenErrors().contains(error)) {
      return new TokenRefused(error, status, false);
    }
    return new TokenRefused(error, status);
  }

  /**
   * RFC 6749's {@code error}, else Square's {@code errors[0].code}, else a {@code status} or {@code
   * type} code (HubSpot's {@code BAD_REFRESH_TOKEN}, Square's legacy {@code type}), else the HTTP
   * status.
   */
  private static String errorCode(PlatformResponse response) {
    try {
      JsonNode body = response.json();
      if (body.hasNonNull("error") && body.get("error").isString()) {
        return safe(body.get("error").asString());
      }
      JsonNode errors = body.get("errors");
      if (errors != null && errors.isArray() && !errors.isEmpty() && errors.get(0).has("code")) {
        return safe(errors.get(0).get("code").asString());
      }
      for (String field : List.of("status", "type")) {
        if (body.hasNonNull(field) && body.get(field).isString()) {
          return safe(body.get(field).asString());
        }
      }
    } catch (PlatformCallFailed notJson) {
      // fall through
    }
    return "http_" + response.status();
  }

  /** An error code, never anything longer that could carry a token back into a log. */
  private static String safe(String code) {
    String c = code.replaceAll("[^A-Za-z0-9_. -]", "").trim();
    return c.length() > 64 ? c.substring(0, 64) : c;
  }

  /** For callers that list what a token response must not leak. */
  static List<String> secretFields() {
    return List.of("access_token", "refresh_token", "id_token");
  }
}
