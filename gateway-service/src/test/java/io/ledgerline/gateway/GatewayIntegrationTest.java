package io.ledgerline.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.ledgerline.platform.test.LedgerlineIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway against WireMock standing in for apikey-service (JWKS, key exchange) and the services
 * behind it; its configuration (routes included) comes from deploy/config-repo.
 */
@LedgerlineIntegrationTest
class GatewayIntegrationTest {

  private static final WireMockServer services = new WireMockServer(options().dynamicPort());
  private static final TestTokens tokens = TestTokens.generate("test-key");
  private static final JsonMapper json = JsonMapper.builder().build();

  static {
    services.start();
  }

  @DynamicPropertySource
  static void servicesAreWireMock(DynamicPropertyRegistry registry) {
    registry.add("LEDGERLINE_APIKEY_URL", services::baseUrl);
    registry.add("LEDGERLINE_JWKS_URI", () -> services.baseUrl() + "/oauth2/jwks");
    registry.add("LEDGERLINE_CONNECTOR_URL", services::baseUrl);
    registry.add("LEDGERLINE_INGEST_URL", services::baseUrl);
    registry.add("LEDGERLINE_INVOICE_URL", services::baseUrl);
  }

  @AfterAll
  static void stopServices() {
    services.stop();
  }

  @LocalServerPort int port;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeEach
  void resetServices() {
    services.resetAll();
    services.stubFor(get("/oauth2/jwks").willReturn(okJson(tokens.jwksJson())));
    services.stubFor(any(urlPathMatching("/api/v1/.*")).willReturn(okJson("{\"items\":[]}")));
  }

  @Test
  void passesAValidBearerTokenOnToTheService() throws Exception {
    var token = tokens.tenantToken("tenant-a", "invoices:read");

    var response = send(httpGet("/api/v1/invoices").header("Authorization", "Bearer " + token));

    assertThat(response.statusCode()).isEqualTo(200);
    services.verify(
        getRequestedFor(urlEqualTo("/api/v1/invoices"))
            .withHeader("Authorization", equalTo("Bearer " + token)));
  }

  @Test
  void rejectsABearerTokenSignedByAnotherKey() throws Exception {
    var forged = TestTokens.generate("test-key").tenantToken("tenant-a", "invoices:read");

    var response = send(httpGet("/api/v1/invoices").header("Authorization", "Bearer " + forged));

    assertUnauthorizedProblem(response);
    services.verify(0, anyRequestedFor(urlPathMatching("/api/v1/.*")));
  }

  @Test
  void rejectsAnExpiredBearerToken() throws Exception {
    var expired =
        tokens.sign(TestTokens.ISSUER, "k", "tenant-a", "invoices:read", Duration.ofMinutes(-5));

    assertUnauthorizedProblem(
        send(httpGet("/api/v1/invoices").header("Authorization", "Bearer " + expired)));
  }

  @Test
  void rejectsABearerTokenFromAnotherIssuer() throws Exception {
    var foreign =
        tokens.sign("someone-else", "k", "tenant-a", "invoices:read", Duration.ofMinutes(5));

    assertUnauthorizedProblem(
        send(httpGet("/api/v1/invoices").header("Authorization", "Bearer " + foreign)));
  }

  @Test
  void rejectsARequestWithoutCredentials() throws Exception {
    assertUnauthorizedProblem(send(httpGet("/api/v1/connections")));
    services.verify(0, anyRequestedFor(urlPathMatching("/api/v1/.*")));
  }

  @Test
  void exchangesAnApiKeyOnceAndForwardsItsJwtInstead() throws Exception {
    var apiKey = newApiKey();
    var token = tokens.tenantToken("tenant-a", "connections:read");
    stubExchange(apiKey, token);

    var first = send(httpGet("/api/v1/connections").header("X-API-Key", apiKey));
    var second = send(httpGet("/api/v1/connections/abc").header("X-API-Key", apiKey));

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(second.statusCode()).isEqualTo(200);
    services.verify(
        1,
        postRequestedFor(urlEqualTo("/internal/api-keys/exchange"))
            .withHeader("X-API-Key", equalTo(apiKey)));
    services.verify(
        2,
        getRequestedFor(urlPathMatching("/api/v1/connections.*"))
            .withHeader("Authorization", equalTo("Bearer " + token))
            .withHeader("X-API-Key", absent()));
  }

  @Test
  void rejectsAnApiKeyTheExchangeRefuses() throws Exception {
    var apiKey = newApiKey();
    services.stubFor(
        post("/internal/api-keys/exchange")
            .withHeader("X-API-Key", equalTo(apiKey))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(
                        "{\"type\":\"https://ledgerline.io/problems/unauthorized\",\"status\":401}")));

    var response = send(httpGet("/api/v1/invoices").header("X-API-Key", apiKey));

    assertUnauthorizedProblem(response);
    services.verify(0, anyRequestedFor(urlPathMatching("/api/v1/.*")));
  }

  @Test
  void doesNotCacheARefusedApiKey() throws Exception {
    var apiKey = newApiKey();
    services.stubFor(post("/internal/api-keys/exchange").willReturn(aResponse().withStatus(401)));
    assertUnauthorizedProblem(send(httpGet("/api/v1/invoices").header("X-API-Key", apiKey)));

    var token = tokens.tenantToken("tenant-a", "invoices:read");
    stubExchange(apiKey, token);

    assertThat(send(httpGet("/api/v1/invoices").header("X-API-Key", apiKey)).statusCode())
        .isEqualTo(200);
  }

  @Test
  void stripsClientSuppliedInternalHeaders() throws Exception {
    var token = tokens.tenantToken("tenant-a", "invoices:read");

    var response =
        send(
            httpGet("/api/v1/invoices")
                .header("Authorization", "Bearer " + token)
                .header("X-Tenant-Id", "tenant-b")
                .header("X-Internal-Caller", "connector-service")
                .header("x-internal-scope", "admin")
                .header("X-Request-Id", "kept"));

    assertThat(response.statusCode()).isEqualTo(200);
    services.verify(
        getRequestedFor(urlEqualTo("/api/v1/invoices"))
            .withHeader("X-Tenant-Id", absent())
            .withHeader("X-Internal-Caller", absent())
            .withHeader("x-internal-scope", absent())
            .withHeader("X-Request-Id", equalTo("kept")));
  }

  @Test
  void neverRoutesInternalOrAdminPaths() throws Exception {
    services.stubFor(any(anyUrl()).atPriority(10).willReturn(okJson("{}")));
    var token = tokens.tenantToken("tenant-a", "apikeys:write");

    var internal =
        send(httpPost("/internal/api-keys/exchange", new byte[0]).header("X-API-Key", newApiKey()));
    var admin =
        send(
            httpPost("/admin/tenants/tenant-b/api-keys", "{}".getBytes())
                .header("Authorization", "Bearer " + token));
    var internalGet = send(httpGet("/internal/connections/c1/webhook-secret"));

    assertThat(internal.statusCode()).isEqualTo(404);
    assertThat(admin.statusCode()).isEqualTo(404);
    assertThat(internalGet.statusCode()).isEqualTo(404);
    services.verify(0, anyRequestedFor(urlPathMatching("/(internal|admin)/.*")));
  }

  @Test
  void passesAWebhookOnByteForByteWithoutTenantAuthentication() throws Exception {
    services.stubFor(post(urlPathMatching("/webhooks/.*")).willReturn(aResponse().withStatus(202)));
    var body = new byte[4096];
    new SecureRandom().nextBytes(body);
    var signature =
        "t=1700000000,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd";

    var response =
        send(
            httpPost("/webhooks/stripe/conn-1?attempt=2", body)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Stripe-Signature", signature)
                .header("X-Shopify-Hmac-Sha256", "XyZ+/abc==")
                .header("Authorization", "Basic cGxhdGZvcm06c2VjcmV0"));

    assertThat(response.statusCode()).isEqualTo(202);
    var received = services.findAll(postRequestedFor(urlPathMatching("/webhooks/stripe/.*")));
    assertThat(received).hasSize(1);
    var request = received.get(0);
    assertThat(request.getUrl()).isEqualTo("/webhooks/stripe/conn-1?attempt=2");
    assertThat(request.getBody()).isEqualTo(body);
    assertThat(request.getHeader("Stripe-Signature")).isEqualTo(signature);
    assertThat(request.getHeader("X-Shopify-Hmac-Sha256")).isEqualTo("XyZ+/abc==");
    // WireMock's Jetty upper-cases the charset itself (checked by posting to it directly).
    assertThat(request.getHeader("Content-Type"))
        .isEqualToIgnoringCase("application/json; charset=utf-8");
    assertThat(request.getHeader("Authorization")).isEqualTo("Basic cGxhdGZvcm06c2VjcmV0");
  }

  @Test
  void stripsInternalHeadersFromWebhooksToo() throws Exception {
    services.stubFor(post(urlPathMatching("/webhooks/.*")).willReturn(aResponse().withStatus(202)));

    send(
        httpPost("/webhooks/shopify/conn-1", "{}".getBytes())
            .header("X-Tenant-Id", "tenant-b")
            .header("X-Internal-Verified", "true"));

    services.verify(
        postRequestedFor(urlEqualTo("/webhooks/shopify/conn-1"))
            .withHeader("X-Tenant-Id", absent())
            .withHeader("X-Internal-Verified", absent()));
  }

  @Test
  void reportsHealth() throws Exception {
    var response = send(httpGet("/actuator/health"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new String(response.body())).contains("UP");
  }

  private void stubExchange(String apiKey, String token) {
    services.stubFor(
        post("/internal/api-keys/exchange")
            .withHeader("X-API-Key", equalTo(apiKey))
            .willReturn(
                okJson(
                    "{\"access_token\":\""
                        + token
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
  }

  private static String newApiKey() {
    return "llk_"
        + UUID.randomUUID().toString().replace("-", "").substring(0, 8)
        + "_"
        + UUID.randomUUID().toString().replace("-", "");
  }

  private HttpRequest.Builder httpGet(String path) {
    return HttpRequest.newBuilder(uri(path)).GET();
  }

  private HttpRequest.Builder httpPost(String path, byte[] body) {
    return HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
    return http.send(
        request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static void assertUnauthorizedProblem(HttpResponse<byte[]> response) {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("type").asString())
        .isEqualTo("https://ledgerline.io/problems/unauthorized");
    assertThat(problem.get("status").asInt()).isEqualTo(401);
  }
}
