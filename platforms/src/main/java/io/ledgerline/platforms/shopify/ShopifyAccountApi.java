package io.ledgerline.platforms.shopify;

import io.ledgerline.platforms.account.Account;
import io.ledgerline.platforms.account.AccountApi;
import io.ledgerline.platforms.account.AccountCall;
import io.ledgerline.platforms.account.Fields;
import io.ledgerline.platforms.account.Probe;
import io.ledgerline.platforms.account.RegisteredWebhooks;
import io.ledgerline.platforms.account.WebhookTarget;
import io.ledgerline.platforms.http.TokenPlacement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shop's Admin API ({@code https://<shop>.myshopify.com/admin/api/<version>}), token in {@code
 * X-Shopify-Access-Token}. The account is the shop ({@code shop.json}). Webhooks are registered by
 * API; Shopify signs them with the app's secret (the OAuth app's client secret, or a custom app's
 * API secret key the tenant gives), so nothing is registered without that secret.
 */
final class ShopifyAccountApi implements AccountApi {

  static final String VERSION = "2025-07";
  static final List<String> TOPICS = List.of("orders/paid", "refunds/create");

  @Override
  public List<String> hosts() {
    return List.of("*.myshopify.com");
  }

  @Override
  public String apiUrl(Map<String, String> settings, Map<String, String> facts) {
    return "https://"
        + Fields.need(settings.get(ShopifyConnectionRules.SHOP_DOMAIN), "shop domain");
  }

  @Override
  public TokenPlacement tokenPlacement(boolean oauth) {
    return TokenPlacement.header("X-Shopify-Access-Token");
  }

  @Override
  public Optional<String> accountToken() {
    return Optional.of("a custom app's Admin API access token");
  }

  @Override
  public WebhookSecret webhookSecret(boolean oauth) {
    return oauth ? WebhookSecret.APP : WebhookSecret.GIVEN;
  }

  @Override
  public Account identify(AccountCall call) {
    JsonNode shop = call.getJson("/admin/api/" + VERSION + "/shop.json");
    return Account.of(
        Fields.required(shop, "shop", "myshopify_domain"), Fields.text(shop, "shop", "name"));
  }

  @Override
  public Probe test(AccountCall call) {
    String path = "/admin/api/" + VERSION + "/orders/count.json?status=any";
    JsonNode count = call.getJson(path);
    return new Probe("GET " + path, Fields.text(count, "count") + " order(s)");
  }

  @Override
  public Optional<RegisteredWebhooks> registerWebhooks(AccountCall call, WebhookTarget target) {
    if (target.secret() == null) {
      return Optional.empty(); // Shopify would sign with a secret Ledgerline does not know
    }
    List<String> ids = new ArrayList<>();
    for (String topic : TOPICS) {
      ObjectNode body = Fields.json().createObjectNode();
      ObjectNode webhook = body.putObject("webhook");
      webhook.put("topic", topic);
      webhook.put("address", target.url());
      webhook.put("format", "json");
      JsonNode created =
          call.send(
                  call.request("POST", "/admin/api/" + VERSION + "/webhooks.json")
                      .json(Fields.json().writeValueAsString(body)))
              .json();
      ids.add(Fields.required(created, "webhook", "id"));
    }
    return Optional.of(new RegisteredWebhooks(ids, null));
  }

  @Override
  public void removeWebhooks(AccountCall call, List<String> ids) {
    for (String id : ids) {
      call.send(call.request("DELETE", "/admin/api/" + VERSION + "/webhooks/" + id + ".json"));
    }
  }

  @Override
  public boolean revoke(AccountCall call) {
    if (call.app() == null) {
      return false; // a custom app's token is revoked in the shop's admin
    }
    call.send(call.request("DELETE", "/admin/api_permissions/current.json"));
    return true;
  }
}
