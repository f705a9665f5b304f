package io.ledgerline.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Provisions the two demo tenants through the gateway, as an operator and a tenant would: an
 * operator token creates each tenant and its first API key (every tenant scope); the tenant then
 * connects a Shopify shop. Kept in the run directory so that a restart reuses them.
 */
final class DemoTenants {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** Every tenant scope (docs/architecture.md), so the demo keys can try every public endpoint. */
  static final List<String> DEMO_KEY_SCOPES =
      List.of(
          "invoices:read",
          "connections:read",
          "connections:write",
          "apikeys:read",
          "apikeys:write",
          "webhooks:read",
          "webhooks:replay",
          "oauthclients:read",
          "oauthclients:write");

  private static final List<String[]> DEMO =
      List.of(
          new String[] {"Acme Coffee Roasters", "acme-coffee.myshopify.com"},
          new String[] {"Globex Retail", "globex-retail.myshopify.com"});

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String gatewayUrl;
  private final Secrets secrets;

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
    String adminToken = adminToken();
    List<PlatformFacts.Tenant> tenants = new ArrayList<>();
    for (String[] demo : DEMO) {
      // As an operator would, through the gateway's operator route.
      JsonNode tenant =
          send(
              HttpRequest.newBuilder(URI.create(gatewayUrl + "/admin/tenants"))
                  .header("Authorization", "Bearer " + adminToken)
                  .header("Content-Type", "application/json")
                  .POST(body(Map.of("name", demo[0], "plan", "default"))),
              201);
      String tenantId = tenant.get("id").asString();
      JsonNode key =
          send(
              HttpRequest.newBuilder(
                      URI.create(gatewayUrl + "/admin/tenants/" + tenantId + "/api-keys"))
                  .header("Authorization", "Bearer " + adminToken)
                  .header("Content-Type", "application/json")
                  .POST(body(Map.of("name", "demo key", "scopes", DEMO_KEY_SCOPES))),
              201);
      String apiKey = key.get("key").asString();
      JsonNode connection =
          send(
              HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/v1/connections"))
                  .header("X-API-Key", apiKey)
                  .header("Content-Type", "application/json")
                  .POST(
                      body(
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
          http.send(
              HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/v1/connections"))
                  .header("X-API-Key", tenant.apiKey())
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      // A key from before the OAuth client scopes existed is replaced, tenant and all.
      HttpResponse<String> clients =
          http.send(
              HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/v1/oauth-clients"))
                  .header("X-API-Key", tenant.apiKey())
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200
          && response.body().contains(tenant.connections().get(0).id())
          && clients.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private String adminToken() throws IOException, InterruptedException {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                ("admin:" + secrets.adminClientSecret()).getBytes(StandardCharsets.UTF_8));
    JsonNode token =
        send(
            HttpRequest.newBuilder(URI.create(gatewayUrl + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&scope=admin")),
            200);
    return token.get("access_token").asString();
  }

  private JsonNode send(HttpRequest.Builder request, int expectedStatus)
      throws IOException, InterruptedException {
    HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
    HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expectedStatus) {
      throw new IllegalStateException(
          built.method()
              + " "
              + built.uri().getPath()
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    return JSON.readTree(response.body());
  }

  private static HttpRequest.BodyPublisher body(Object value) {
    return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(value));
  }
}
