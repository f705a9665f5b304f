package io.ledgerline.platforms.lightspeed;

import io.ledgerline.platforms.account.Account;
import io.ledgerline.platforms.account.AccountApi;
import io.ledgerline.platforms.account.AccountCall;
import io.ledgerline.platforms.account.Fields;
import io.ledgerline.platforms.account.Probe;
import io.ledgerline.platforms.account.RegisteredWebhooks;
import io.ledgerline.platforms.account.WebhookTarget;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The store's API at {@code https://<domain_prefix>.retail.lightspeed.app} (the prefix from the
 * OAuth callback, or the {@code domainPrefix} setting of a personal-token connection). The account
 * is the domain prefix; webhooks are registered by API ({@code /api/webhooks}, a form field {@code
 * data} holding JSON) to the connection's URL with its token.
 */
final class LightspeedAccountApi implements AccountApi {

  static final String DOMAIN_PREFIX = "domainPrefix";
  static final Pattern DOMAIN_PREFIX_FORMAT = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");

  @Override
  public List<String> hosts() {
    return List.of("*.retail.lightspeed.app");
  }

  @Override
  public String apiUrl(Map<String, String> settings, Map<String, String> facts) {
    return "https://" + domainPrefix(settings, facts) + ".retail.lightspeed.app";
  }

  static String domainPrefix(Map<String, String> settings, Map<String, String> facts) {
    String prefix = facts.getOrDefault("domain_prefix", settings.get(DOMAIN_PREFIX));
    prefix = Fields.need(prefix, "Lightspeed domain prefix");
    if (!DOMAIN_PREFIX_FORMAT.matcher(prefix).matches()) {
      throw new IllegalArgumentException("not a Lightspeed domain prefix");
    }
    return prefix;
  }

  @Override
  public Optional<String> accountToken() {
    return Optional.of("a personal token");
  }

  @Override
  public Set<String> accountTokenSettingNames() {
    return Set.of(DOMAIN_PREFIX);
  }

  @Override
  public WebhookSecret webhookSecret(boolean oauth) {
    return WebhookSecret.GENERATED;
  }

  @Override
  public Account identify(AccountCall call) {
    String prefix = domainPrefix(call.settings(), call.facts());
    JsonNode outlets = call.getJson("/api/2.0/outlets");
    return Account.of(prefix, Fields.text(outlets, "data", "0", "name"));
  }

  @Override
  public Probe test(AccountCall call) {
    JsonNode outlets = call.getJson("/api/2.0/outlets");
    return new Probe("GET /api/2.0/outlets", Fields.size(outlets, "data") + " outlet(s)");
  }

  @Override
  public Optional<RegisteredWebhooks> registerWebhooks(AccountCall call, WebhookTarget target) {
    ObjectNode data = Fields.json().createObjectNode();
    data.put("url", target.url());
    data.put("active", true);
    data.put("type", "sale.update");
    JsonNode created =
        call.send(
                call.request("POST", "/api/webhooks")
                    .form(Map.of("data", Fields.json().writeValueAsString(data))))
            .json();
    return Optional.of(new RegisteredWebhooks(List.of(Fields.required(created, "id")), null));
  }

  @Override
  public void removeWebhooks(AccountCall call, List<String> ids) {
    for (String id : ids) {
      call.send(call.request("DELETE", "/api/webhooks/" + id));
    }
  }
}
