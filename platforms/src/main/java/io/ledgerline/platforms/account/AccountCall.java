package io.ledgerline.platforms.account;

import io.ledgerline.platforms.http.AccessTokens;
import io.ledgerline.platforms.http.PlatformHttp;
import io.ledgerline.platforms.http.PlatformRequest;
import io.ledgerline.platforms.http.PlatformResponse;
import io.ledgerline.platforms.http.TokenPlacement;
import io.ledgerline.platforms.oauth.OAuth2App;
import java.net.URI;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Everything one {@link AccountApi} call needs.
 *
 * @param budgetKey the connection's rate budget (its id)
 * @param apiUrl the account's API base URL (the deployment's override, else {@link
 *     AccountApi#apiUrl})
 * @param app the deployment's OAuth app; null for a token connection
 * @param refreshToken the connection's refresh token, for revocation; null where none
 * @param clock the service's clock, for what a call dates (Zoho's channel expiry)
 */
public record AccountCall(
    PlatformHttp http,
    String budgetKey,
    AccessTokens tokens,
    TokenPlacement placement,
    String apiUrl,
    Map<String, String> settings,
    Map<String, String> facts,
    OAuth2App app,
    String refreshToken,
    java.time.Clock clock) {

  public AccountCall {
    settings = Map.copyOf(settings);
    facts = Map.copyOf(facts);
    clock = clock == null ? java.time.Clock.systemUTC() : clock;
  }

  /** On the system's clock. */
  public AccountCall(
      PlatformHttp http,
      String budgetKey,
      AccessTokens tokens,
      TokenPlacement placement,
      String apiUrl,
      Map<String, String> settings,
      Map<String, String> facts,
      OAuth2App app,
      String refreshToken) {
    this(http, budgetKey, tokens, placement, apiUrl, settings, facts, app, refreshToken, null);
  }

  /** The API URL of {@code path} (starting with {@code /}). */
  public URI url(String path) {
    return URI.create(apiUrl + path);
  }

  /** A request to {@code path} with the connection's token and budget. */
  public PlatformRequest.Builder request(String method, String path) {
    return PlatformRequest.builder(method, url(path))
        .auth(tokens, placement)
        .budget(budgetKey)
        .header("Accept", "application/json");
  }

  /** GET {@code path}, 2xx required, as JSON. */
  public JsonNode getJson(String path) {
    return send(request("GET", path)).json();
  }

  /** Sends and requires a 2xx answer. */
  public PlatformResponse send(PlatformRequest.Builder request) {
    return http.send(request.build()).requireSuccess();
  }

  @Override
  public String toString() {
    return "AccountCall[budgetKey=" + budgetKey + ", apiUrl=" + apiUrl + ", tokens=***]";
  }
}
