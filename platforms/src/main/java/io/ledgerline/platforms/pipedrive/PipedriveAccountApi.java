package io.ledgerline.platforms.pipedrive;

import io.ledgerline.platforms.account.Account;
import io.ledgerline.platforms.account.AccountApi;
import io.ledgerline.platforms.account.AccountCall;
import io.ledgerline.platforms.account.Fields;
import io.ledgerline.platforms.account.Probe;
import io.ledgerline.platforms.account.RegisteredWebhooks;
import io.ledgerline.platforms.account.WebhookTarget;
import io.ledgerline.platforms.http.PlatformRequest;
import io.ledgerline.platforms.http.TokenPlacement;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pipedrive's API on the company's own domain ({@code api_domain} from the token response; {@code
 * api.pipedrive.com} for API tokens, sent as {@code x-api-token}). The company is {@code
 * /users/me}'s {@code company_domain}. Webhooks are registered by API (v2, deal events) with the
 * connection's generated HTTP Basic credentials, which is what the verifier checks.
 */
final class PipedriveAccountApi implements AccountApi {

  @Override
  public List<String> hosts() {
    return List.of("oauth.pipedrive.com", "api.pipedrive.com", "*.pipedrive.com");
  }

  @Override
  public String apiUrl(Map<String, String> settings, Map<String, String> facts) {
    String domain = facts.get("api_domain");
    return domain == null ? "https://api.pipedrive.com" : strip(domain);
  }

  @Override
  public TokenPlacement tokenPlacement(boolean oauth) {
    return oauth ? TokenPlacement.bearer() : TokenPlacement.header("x-api-token");
  }

  @Override
  public Optional<String> accountToken() {
    return Optional.of("a personal API token");
  }

  @Override
  public WebhookSecret webhookSecret(boolean oauth) {
    return WebhookSecret.GENERATED;
  }

  @Override
  public Account identify(AccountCall call) {
    JsonNode me = call.getJson("/api/v1/users/me");
    return new Account(
        Fields.required(me, "data", "company_domain"),
        Fields.text(me, "data", "company_name"),
        Map.of(),
        Map.of("companyId", String.valueOf(Fields.text(me, "data", "company_id"))));
  }

  @Override
  public Probe test(AccountCall call) {
    String path = "/api/v1/deals?limit=1";
    JsonNode deals = call.getJson(path);
    JsonNode data = deals.get("data");
    return new Probe(
        "GET " + path,
        data == null || data.isNull() || data.isEmpty()
            ? "no deals visible yet"
            : "deals are readable (first: " + Fields.text(data, "0", "title") + ")");
  }

  @Override
  public Optional<RegisteredWebhooks> registerWebhooks(AccountCall call, WebhookTarget target) {
    ObjectNode body = Fields.json().createObjectNode();
    body.put("subscription_url", target.url());
    body.put("event_action", "*");
    body.put("event_object", "deal");
    body.put("http_auth_user", target.settings().get(PipedriveConnectionRules.USERNAME));
    body.put("http_auth_password", target.secret());
    body.put("version", "2.0");
    JsonNode created =
        call.send(
                call.request("POST", "/api/v1/webhooks")
                    .json(Fields.json().writeValueAsString(body)))
            .json();
    List<String> ids = new ArrayList<>();
    ids.add(Fields.required(created, "data", "id"));
    return Optional.of(new RegisteredWebhooks(ids, null));
  }

  @Override
  public void removeWebhooks(AccountCall call, List<String> ids) {
    for (String id : ids) {
      call.send(call.request("DELETE", "/api/v1/webhooks/" + id));
    }
  }

  @Override
  public boolean revoke(AccountCall call) {
    if (call.app() == null || call.refreshToken() == null) {
      return false;
    }
    // RFC 7009 at the OAuth host, client authenticated with HTTP Basic as for the token request.
    String basic =
        java.util.Base64.getEncoder()
            .encodeToString(
                (call.app().clientId() + ":" + call.app().clientSecret())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    URI revoke =
        URI.create(
                call.app().tokenUrl() != null
                    ? call.app().tokenUrl()
                    : "https://oauth.pipedrive.com/oauth/token")
            .resolve("revoke");
    call.http()
        .send(
            PlatformRequest.post(revoke)
                .budget(call.budgetKey())
                .header("Authorization", "Basic " + basic)
                .form(Map.of("token", call.refreshToken(), "token_type_hint", "refresh_token"))
                .build())
        .requireSuccess();
    return true;
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
