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
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Provisions the two demo tenants through the platform's own APIs, as an operator and a tenant
 * would: an operator token creates each tenant's first API key; the tenant then connects a Shopify
 * shop through the gateway. Kept in the run directory so that a restart reuses them.
 */
final class DemoTenants {

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final List<String[]> DEMO =
      List.of(
          new String[] {"Acme Coffee Roasters", "acme-coffee.myshopify.com"},
          new String[] {"Globex Retail", "globex-retail.myshopify.com"});

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String apikeyUrl;
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
          "webhooks:replay");

  DemoTenants(String apikeyUrl, String gatewayUrl, Secrets secrets) {
    this.apikeyUrl = apikeyUrl;
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
      String tenantId = UUID.randomUUID().toString();
      JsonNode key =
          send(
              HttpRequest.newBuilder(
                      URI.create(apikeyUrl + "/admin/tenants/" + tenantId + "/api-keys"))
                  .header("Authorization", "Bearer " + adminToken)
                  .header("Content-Type", "application/json")
                  .POST(body(Map.of("name", "demo key", "scopes", SCOPES))),
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
      HttpResponse<String> settings =
          http.send(
              HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/v1/settings/invoicing"))
                  .header("X-API-Key", tenant.apiKey())
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      // A key made before a scope existed lacks it: such tenants are provisioned anew.
      return response.statusCode() == 200
          && response.body().contains(tenant.connections().get(0).id())
          && settings.statusCode() == 200;
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
            HttpRequest.newBuilder(URI.create(apikeyUrl + "/oauth2/token"))
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
