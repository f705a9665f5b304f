package io.ledgerline.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Provisions the two demo tenants through the gateway, as an operator and a tenant would: an
 * operator token creates each tenant and its first API key (every tenant scope); the tenant then
 * connects a Shopify shop. Kept in the run directory so that a restart reuses them.
 */
final class DemoTenants {

  private static final ObjectMapper JSON = JsonHttp.JSON;
  private static final List<String[]> DEMO =
      List.of(
          new String[] {"Acme Coffee Roasters", "acme-coffee.myshopify.com"},
          new String[] {"Globex Retail", "globex-retail.myshopify.com"});

  private final JsonHttp http = new JsonHttp();
  private final String gatewayUrl;
  private final Secrets secrets;

  /** Every tenant scope: a demo key can try the whole API. */
  static final List<String> SCOPES =
      List.of(
          "invoices:read",
          "invoices:write",
          "settings:read",
          "settings:write",
          "clients:read",
          "clients:write",
          "connections:read",
          "connections:write",
          "apikeys:read",
          "apikeys:write",
          "webhooks:read",
          "webhooks:replay",
          "webhooks:retention",
          "dead-letters:read",
          "dead-letters:reprocess",
          "oauthclients:read",
          "oauthclients:write");

  DemoTenants(String gatewayUrl, Secrets secrets) {
    this.gatewayUrl = gatewayUrl;
    this.secrets = secrets;
  }

  List<PlatformFacts.Tenant> provision(Path stateFile) throws IOException, InterruptedException {
    if (Files.exists(stateFile)) {
      List<PlatformFacts.Tenant> known =
          List.of(JSON.readValue(stateFile.toFile(), PlatformFacts.Tenant[].class));
      if (known.stream().allMatch(this::stillWorks)) {
        return known;
      }
    }
    // As an operator would: a token at the gateway's /oauth2/token, then its operator routes.
    String adminToken = http.adminToken(gatewayUrl, secrets);
    List<PlatformFacts.Tenant> tenants = new ArrayList<>();
    for (String[] demo : DEMO) {
      JsonNode tenant =
          http.send(
              HttpRequest.newBuilder(URI.create(gatewayUrl + "/admin/tenants"))
                  .header("Authorization", "Bearer " + adminToken)
                  .header("Content-Type", "application/json")
                  .POST(JsonHttp.body(Map.of("name", demo[0], "plan", "default"))),
              201);
      String tenantId = tenant.get("id").asString();
      JsonNode key =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(gatewayUrl + "/admin/tenants/" + tenantId + "/api-keys"))
                  .header("Authorization", "Bearer " + adminToken)
                  .header("Content-Type", "application/json")
                  .POST(JsonHttp.body(Map.of("name", "demo key", "scopes", SCOPES))),
              201);
      String apiKey = key.get("key").asString();
      JsonNode connection =
          http.send(
              HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/v1/connections"))
                  .header("X-API-Key", apiKey)
                  .header("Content-Type", "application/json")
                  .POST(
                      JsonHttp.body(
                          Map.of(
                              "platform",
                              "shopify",
                              "name",
                              demo[0] + " shop",
                              "settings",
                              Map.of("shopDomain", demo[1])))),
              201);
      tenants.add(
          new PlatformFacts.Tenant(
              tenantId,
              demo[0],
              apiKey,
              List.of(
                  new PlatformFacts.Connection(
                      connection.get("id").asString(),
                      "shopify",
                      connection.get("webhookUrl").asString(),
                      connection.get("webhookSecret").asString(),
                      demo[1]))));
    }
    RunFiles.ownerOnly(stateFile, JSON.writeValueAsString(tenants));
    return tenants;
  }

  private boolean stillWorks(PlatformFacts.Tenant tenant) {
    try {
      HttpResponse<String> response =
          http.exchange(
              HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/v1/connections"))
                  .header("X-API-Key", tenant.apiKey())
                  .GET());
      HttpResponse<String> settings =
          http.exchange(
              HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/v1/settings/invoicing"))
                  .header("X-API-Key", tenant.apiKey())
                  .GET());
      HttpResponse<String> clients =
          http.exchange(
              HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/v1/oauth-clients"))
                  .header("X-API-Key", tenant.apiKey())
                  .GET());
      HttpResponse<String> deadLetters =
          http.exchange(
              HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/v1/dead-letters/sync-worker"))
                  .header("X-API-Key", tenant.apiKey())
                  .GET());
      // A key made before a scope existed lacks it: such tenants are provisioned anew.
      return response.statusCode() == 200
          && response.body().contains(tenant.connections().get(0).id())
          && settings.statusCode() == 200
          && clients.statusCode() == 200
          && deadLetters.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
