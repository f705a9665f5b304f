package io.ledgerline.platforms.square;

import io.ledgerline.platforms.account.Account;
import io.ledgerline.platforms.account.AccountApi;
import io.ledgerline.platforms.account.AccountCall;
import io.ledgerline.platforms.account.Fields;
import io.ledgerline.platforms.account.Probe;
import io.ledgerline.platforms.account.RegisteredWebhooks;
import io.ledgerline.platforms.account.WebhookTarget;
import io.ledgerline.platforms.http.PlatformRequest;
import io.ledgerline.platforms.oauth.OAuth2Spec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Square's API ({@code connect.squareup.com}, sandbox {@code connect.squareupsandbox.com}), every
 * call with a {@code Square-Version}. The merchant is {@code /v2/merchants/me}. An OAuth app's
 * webhooks are the app's (one subscription for all sellers, signed with its signature key); a
 * personal access token's account gets its own subscription by API, and Square issues its signature
 * key in the answer.
 */
final class SquareAccountApi implements AccountApi {

  static final String VERSION = "2025-10-16";
  private final OAuth2Spec spec;

  SquareAccountApi(OAuth2Spec spec) {
    this.spec = spec;
  }

  @Override
  public List<String> hosts() {
    return List.of("connect.squareup.com", "connect.squareupsandbox.com");
  }

  @Override
  public String apiUrl(Map<String, String> settings, Map<String, String> facts) {
    return spec.sandboxed("https://connect.squareup.com", settings);
  }

  @Override
  public Optional<String> accountToken() {
    return Optional.of("a personal access token");
  }

  @Override
  public WebhookSecret webhookSecret(boolean oauth) {
    return oauth ? WebhookSecret.APP : WebhookSecret.FROM_REGISTRATION;
  }

  @Override
  public Account identify(AccountCall call) {
    JsonNode me = call.send(versioned(call, "GET", "/v2/merchants/me")).json();
    return Account.of(
        Fields.required(me, "merchant", "id"), Fields.text(me, "merchant", "business_name"));
  }

  @Override
  public Probe test(AccountCall call) {
    JsonNode locations = call.send(versioned(call, "GET", "/v2/locations")).json();
    return new Probe(
        "GET /v2/locations", Fields.size(locations, "locations") + " location(s) visible");
  }

  @Override
  public Optional<RegisteredWebhooks> registerWebhooks(AccountCall call, WebhookTarget target) {
    if (call.app() != null) {
      return Optional.empty(); // the app's subscription covers every seller
    }
    ObjectNode body = Fields.json().createObjectNode();
    body.put("idempotency_key", UUID.randomUUID().toString());
    ObjectNode subscription = body.putObject("subscription");
    subscription.put("name", "Ledgerline");
    subscription.put("enabled", true);
    var types = subscription.putArray("event_types");
    types.add("payment.updated");
    types.add("refund.updated");
    types.add("order.updated");
    subscription.put("notification_url", target.url());
    subscription.put("api_version", VERSION);
    JsonNode created =
        call.send(
                versioned(call, "POST", "/v2/webhooks/subscriptions")
                    .json(Fields.json().writeValueAsString(body)))
            .json();
    return Optional.of(
        new RegisteredWebhooks(
            List.of(Fields.required(created, "subscription", "id")),
            Fields.required(created, "subscription", "signature_key")));
  }

  @Override
  public void removeWebhooks(AccountCall call, List<String> ids) {
    for (String id : ids) {
      call.send(versioned(call, "DELETE", "/v2/webhooks/subscriptions/" + id));
    }
  }

  @Override
  public boolean revoke(AccountCall call) {
    if (call.app() == null) {
      return false;
    }
    // RevokeToken authenticates the app, not the seller: "Authorization: Client <secret>".
    ObjectNode body = Fields.json().createObjectNode();
    body.put("client_id", call.app().clientId());
    body.put("access_token", call.tokens().current());
    call.http()
        .send(
            PlatformRequest.post(call.url("/oauth2/revoke"))
                .budget(call.budgetKey())
                .header("Authorization", "Client " + call.app().clientSecret())
                .header("Square-Version", VERSION)
                .json(Fields.json().writeValueAsString(body))
                .build())
        .requireSuccess();
    return true;
  }

  private static PlatformRequest.Builder versioned(AccountCall call, String method, String path) {
    return call.request(method, path).header("Square-Version", VERSION);
  }
}
