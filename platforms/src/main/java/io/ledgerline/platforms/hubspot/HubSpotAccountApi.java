package io.ledgerline.platforms.hubspot;

import io.ledgerline.platforms.account.Account;
import io.ledgerline.platforms.account.AccountApi;
import io.ledgerline.platforms.account.AccountCall;
import io.ledgerline.platforms.account.Fields;
import io.ledgerline.platforms.account.Probe;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * HubSpot's API at {@code api.hubapi.com}: the portal from the account-info API (works for OAuth
 * and private-app tokens alike), deals as the test, refresh-token revocation. Webhooks are the
 * app's (configured in the app, one URL for all portals), so nothing is registered per account.
 */
final class HubSpotAccountApi implements AccountApi {

  @Override
  public List<String> hosts() {
    return List.of("api.hubapi.com");
  }

  @Override
  public String apiUrl(Map<String, String> settings, Map<String, String> facts) {
    return "https://api.hubapi.com";
  }

  @Override
  public Optional<String> accountToken() {
    return Optional.of("a private app's access token");
  }

  @Override
  public WebhookSecret webhookSecret(boolean oauth) {
    // An OAuth app's webhooks are signed with its client secret; a private app's with its own.
    return oauth ? WebhookSecret.APP : WebhookSecret.GIVEN;
  }

  @Override
  public Account identify(AccountCall call) {
    JsonNode details = call.getJson("/account-info/v3/details");
    String portal = Fields.required(details, "portalId");
    // The account-info API names no portal name: the id is what HubSpot's webhooks carry.
    return Account.of(portal, null);
  }

  @Override
  public Probe test(AccountCall call) {
    String path = "/crm/v3/objects/deals?limit=1";
    JsonNode deals = call.getJson(path);
    int seen = Fields.size(deals, "results");
    return new Probe(
        "GET " + path,
        seen == 0
            ? "no deals visible yet"
            : "deals are readable (first: " + Fields.text(deals, "results", "0", "id") + ")");
  }

  @Override
  public boolean revoke(AccountCall call) {
    if (call.refreshToken() == null) {
      return false;
    }
    call.send(
        call.request(
                "DELETE",
                "/oauth/v1/refresh-tokens/"
                    + URLEncoder.encode(call.refreshToken(), StandardCharsets.UTF_8))
            .describedAs("/oauth/v1/refresh-tokens/***"));
    return true;
  }
}
