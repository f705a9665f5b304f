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
 * sets its seller details and connects a Shopify shop. Kept in the run directory so that a restart
 * reuses them. Demo tenant 1 has FIRS e-invoicing enabled against the sandbox's FIRS stub, with the
 * demo taxpayer's keys ({@link FirsSandbox}), set again at every start.
 */
final class DemoTenants {

  private static final ObjectMapper JSON = JsonHttp.JSON;
  private static final List<String[]> DEMO =
      List.of(
          new String[] {"Acme Coffee Roasters", "acme-coffee.myshopify.com"},
          new String[] {"Globex Retail", "globex-retail.myshopify.com"});

  /** Each demo tenant's seller: Nigerian, so its invoices carry a TIN FIRS and EN 16931 accept. */
  private static final List<String[]> SELLERS =
      List.of(
          new String[] {"Acme Coffee Roasters Ltd", "12345678-0001", "billing@acme-coffee.example"},
          new String[] {"Globex Retail Ltd", "23456789-0001", "billing@globex-retail.example"});

  private final JsonHttp http = new JsonHttp();
  private final String gatewayUrl;
  private final Secrets secrets;
  private final FirsSandbox firs;
  private final String firsUrl;

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

  DemoTenants(String gatewayUrl, Secrets secrets, FirsSandbox firs, String firsUrl) {
    this.gatewayUrl = gatewayUrl;
    this.secrets = secrets;
    this.firs = firs;
    this.firsUrl = firsUrl;
  }

  List<PlatformFacts.Tenant> provision(Path stateFile) throws IOException, InterruptedException {
    if (Files.exists(stateFile)) {
      List<PlatformFacts.Tenant> known =
          List.of(JSON.readValue(stateFile.toFile(), PlatformFacts.Tenant[].class));
      if (known.stream().allMatch(this::stillWorks)) {
        enableFirs(known.get(0));
        return known;
      }
    }
    // As an operator would: a token at the gateway's /oauth2/token, then its operator routes.
    String adminToken = http.adminToken(gatewayUrl, secrets);
    List<PlatformFacts.Tenant> tenants = new ArrayList<>();
    for (int i = 0; i < DEMO.size(); i++) {
      String[] demo = DEMO.get(i);
      String[] seller = SELLERS.get(i);
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
      http.send(
          HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/v1/settings/invoicing"))
              .header("X-API-Key", apiKey)
              .header("Content-Type", "application/json")
              .PUT(
                  JsonHttp.body(
                      Map.of(
                          "legalName",
                          seller[0],
                          "tradingName",
                          demo[0],
                          "taxId",
                          seller[1],
                          "email",
                          seller[2],
                          "timeZone",
                          "Africa/Lagos",
                          "address",
                          Map.of("line1", "1 Marina", "city", "Lagos", "country", "NG")))),
          200);
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
    enableFirs(tenants.get(0));
    return tenants;
  }

  /** Points the tenant's FIRS e-invoicing at the sandbox's stub, as the tenant would. */
  private void enableFirs(PlatformFacts.Tenant tenant) throws IOException, InterruptedException {
    http.send(
        HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/v1/settings/firs"))
            .header("X-API-Key", tenant.apiKey())
            .header("Content-Type", "application/json")
            .PUT(JsonHttp.body(firs.settings(firsUrl))),
        200);
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
