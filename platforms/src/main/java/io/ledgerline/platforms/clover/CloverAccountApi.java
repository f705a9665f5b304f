package io.ledgerline.platforms.clover;

import io.ledgerline.platforms.account.Account;
import io.ledgerline.platforms.account.AccountApi;
import io.ledgerline.platforms.account.AccountCall;
import io.ledgerline.platforms.account.Fields;
import io.ledgerline.platforms.account.Probe;
import io.ledgerline.platforms.oauth.OAuth2Spec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Clover's REST API ({@code api.clover.com}, sandbox {@code apisandbox.dev.clover.com}). The
 * merchant comes from the OAuth callback's {@code merchant_id} (or the {@code merchantId} setting
 * of a merchant-token connection) and is read back from {@code /v3/merchants/{mId}}. Webhooks are
 * the app's (set in the app's settings, one URL for all merchants).
 */
final class CloverAccountApi implements AccountApi {

  static final String MERCHANT_ID = "merchantId";
  private static final Pattern MERCHANT_ID_FORMAT = Pattern.compile("^[A-Z0-9]{8,20}$");
  private final OAuth2Spec spec;

  CloverAccountApi(OAuth2Spec spec) {
    this.spec = spec;
  }

  @Override
  public List<String> hosts() {
    return List.of(
        "api.clover.com", "api.eu.clover.com", "api.la.clover.com", "apisandbox.dev.clover.com");
  }

  @Override
  public String apiUrl(Map<String, String> settings, Map<String, String> facts) {
    return spec.sandboxed("https://api.clover.com", settings);
  }

  @Override
  public Optional<String> accountToken() {
    return Optional.of("a merchant API token");
  }

  @Override
  public Set<String> accountTokenSettingNames() {
    return Set.of(MERCHANT_ID);
  }

  @Override
  public WebhookSecret webhookSecret(boolean oauth) {
    return oauth ? WebhookSecret.APP : WebhookSecret.GIVEN;
  }

  static String merchantId(AccountCall call) {
    String id = call.facts().getOrDefault("merchant_id", call.settings().get(MERCHANT_ID));
    id = Fields.need(id, "Clover merchant id");
    if (!MERCHANT_ID_FORMAT.matcher(id).matches()) {
      throw new IllegalArgumentException("not a Clover merchant id");
    }
    return id;
  }

  @Override
  public Account identify(AccountCall call) {
    String id = merchantId(call);
    JsonNode merchant = call.getJson("/v3/merchants/" + id);
    return Account.of(Fields.required(merchant, "id"), Fields.text(merchant, "name"));
  }

  @Override
  public Probe test(AccountCall call) {
    String path = "/v3/merchants/" + merchantId(call) + "/orders?limit=1";
    JsonNode orders = call.getJson(path);
    return new Probe(
        "GET " + path,
        Fields.size(orders, "elements") == 0 ? "no orders visible yet" : "orders are readable");
  }
}
