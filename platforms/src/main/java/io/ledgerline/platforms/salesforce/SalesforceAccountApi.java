package io.ledgerline.platforms.salesforce;

import io.ledgerline.platforms.account.Account;
import io.ledgerline.platforms.account.AccountApi;
import io.ledgerline.platforms.account.AccountCall;
import io.ledgerline.platforms.account.Fields;
import io.ledgerline.platforms.account.Probe;
import io.ledgerline.platforms.http.PlatformRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Salesforce's REST API on the org's own {@code instance_url} (from the token response). The org id
 * is the next-to-last segment of the token's identity URL ({@code id}: {@code
 * https://login.salesforce.com/id/<org>/<user>}); it becomes the connection's {@code
 * organizationId}, which Outbound Messages are matched by.
 */
final class SalesforceAccountApi implements AccountApi {

  static final String API_VERSION = "v62.0";

  @Override
  public List<String> hosts() {
    return List.of(
        "login.salesforce.com", "test.salesforce.com", "*.my.salesforce.com", "*.salesforce.com");
  }

  @Override
  public String apiUrl(Map<String, String> settings, Map<String, String> facts) {
    return strip(Fields.need(facts.get("instance_url"), "Salesforce instance URL"));
  }

  @Override
  public Optional<String> accountToken() {
    return Optional.empty();
  }

  @Override
  public WebhookSecret webhookSecret(boolean oauth) {
    // The URL token: generated, and shown in the endpoint URL the org's admin enters.
    return WebhookSecret.GENERATED;
  }

  @Override
  public Account identify(AccountCall call) {
    String org = organizationId(Fields.need(call.facts().get("id"), "Salesforce identity URL"));
    JsonNode result =
        call.getJson("/services/data/" + API_VERSION + "/query?q=SELECT+Id,Name+FROM+Organization");
    return new Account(
        org,
        Fields.text(result, "records", "0", "Name"),
        Map.of(SalesforceConnectionRules.ORGANIZATION_ID, org),
        Map.of());
  }

  /** {@code https://login.salesforce.com/id/00D.../005...}: the organization id. */
  static String organizationId(String identityUrl) {
    String[] segments = URI.create(identityUrl).getPath().split("/");
    if (segments.length < 3 || !segments[segments.length - 2].matches("[a-zA-Z0-9]{15,18}")) {
      throw new IllegalArgumentException("not a Salesforce identity URL");
    }
    return segments[segments.length - 2];
  }

  @Override
  public Probe test(AccountCall call) {
    String path = "/services/data/" + API_VERSION + "/limits";
    JsonNode limits = call.getJson(path);
    return new Probe(
        "GET " + path,
        "daily API requests remaining: "
            + Fields.text(limits, "DailyApiRequests", "Remaining")
            + " of "
            + Fields.text(limits, "DailyApiRequests", "Max"));
  }

  @Override
  public boolean revoke(AccountCall call) {
    String token = call.refreshToken();
    String identity = call.facts().get("id");
    if (token == null || identity == null) {
      return false;
    }
    // The login host that issued the token revokes it (login, test, or the sandbox's).
    URI revoke = URI.create(identity).resolve("/services/oauth2/revoke");
    call.http()
        .send(
            PlatformRequest.post(revoke)
                .budget(call.budgetKey())
                .form(Map.of("token", token))
                .build())
        .requireSuccess();
    return true;
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
