package io.ledgerline.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.ledgerline.events.CredentialChanged;
import io.ledgerline.events.CredentialKind;
import io.ledgerline.events.CredentialStatus;
import io.ledgerline.events.Topics;
import io.ledgerline.platform.test.LedgerlineIntegrationTest;
import io.ledgerline.platform.test.SharedInfrastructure;
import io.ledgerline.platform.test.TestTopics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
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
@LedgerlineIntegrationTest(
    properties = {
      "spring.cloud.gateway.server.webflux.httpclient.response-timeout=2s",
      "ledgerline.gateway.rate-limits.webhook-connection.rate=5",
      "ledgerline.gateway.rate-limits.webhook-connection.burst=10",
      "ledgerline.gateway.usage.flush-interval=500ms"
    })
class GatewayIntegrationTest {

  private static final WireMockServer services = new WireMockServer(options().dynamicPort());
  private static final TestTokens tokens = TestTokens.generate("test-key");
  private static final JsonMapper json = JsonMapper.builder().build();

  static {
    services.start();
    // apikey-service creates it in production (compacted); here nobody else does.
    try (org.apache.kafka.clients.admin.Admin admin =
        org.apache.kafka.clients.admin.Admin.create(
            java.util.Map.of(
                "bootstrap.servers", SharedInfrastructure.get().kafkaBootstrapServers()))) {
      admin
          .createTopics(java.util.List.of(new NewTopic(Topics.CREDENTIALS, 1, (short) 1)))
          .all()
          .get();
    } catch (java.util.concurrent.ExecutionException e) {
      if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
        throw new IllegalStateException(e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static final TestTopics topics = credentialTopics();

  private static TestTopics credentialTopics() {
    var serializer = new AvroKafkaSerializer<SpecificRecord>();
    serializer.configure(
        Map.of(
            "apicurio.registry.url",
            SharedInfrastructure.get().registryUrl(),
            "apicurio.registry.id-handler",
            "io.apicurio.registry.serde.Legacy4ByteIdHandler",
            "apicurio.registry.use-id",
            "contentId",
            "apicurio.registry.headers.enabled",
            false,
            "apicurio.registry.auto-register",
            true),
        false);
    return new TestTopics(
        SharedInfrastructure.get().kafkaBootstrapServers(),
        serializer::serialize,
        (topic, bytes) -> {
          throw new UnsupportedOperationException();
        });
  }

  @DynamicPropertySource
  static void servicesAreWireMock(DynamicPropertyRegistry registry) {
    registry.add("LEDGERLINE_APIKEY_URL", services::baseUrl);
    registry.add("LEDGERLINE_JWKS_URI", () -> services.baseUrl() + "/oauth2/jwks");
    registry.add("LEDGERLINE_CONNECTOR_URL", services::baseUrl);
    registry.add("LEDGERLINE_INGEST_URL", services::baseUrl);
    registry.add("LEDGERLINE_INVOICE_URL", services::baseUrl);
    registry.add("LEDGERLINE_GATEWAY_CLIENT_SECRET", () -> "gateway-secret-for-tests-only");
  }

  @AfterAll
  static void stopServices() {
    services.stop();
    topics.close();
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

  /**
   * Issue 12: webhook-ingest judges Salesforce's IP allow-list by the address the gateway forwards.
   * The gateway appends the address of its own peer (here the test's loopback) to what the client
   * sent, so the right-most entry is always the real client; a forged entry stays to its left,
   * where webhook-ingest (trusting only the gateway) never looks.
   */
  @Test
  void appendsTheClientsRealAddressToXForwardedFor() throws Exception {
    services.stubFor(post(urlPathMatching("/webhooks/.*")).willReturn(aResponse().withStatus(200)));

    send(httpPost("/webhooks/salesforce/conn-1?token=t", "<x/>".getBytes()));
    send(
        httpPost("/webhooks/salesforce/conn-2?token=t", "<x/>".getBytes())
            .header("X-Forwarded-For", "13.108.0.12"));

    var plain = services.findAll(postRequestedFor(urlPathMatching("/webhooks/salesforce/conn-1")));
    var forged = services.findAll(postRequestedFor(urlPathMatching("/webhooks/salesforce/conn-2")));
    assertThat(plain).hasSize(1);
    assertThat(plain.get(0).getHeader("X-Forwarded-For")).isEqualTo("127.0.0.1");
    assertThat(forged).hasSize(1);
    List<String> hops =
        java.util.Arrays.stream(forged.get(0).getHeader("X-Forwarded-For").split(","))
            .map(String::strip)
            .toList();
    assertThat(hops).containsExactly("13.108.0.12", "127.0.0.1");
  }

  @Test
  void reportsHealth() throws Exception {
    var response = send(httpGet("/actuator/health"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new String(response.body())).contains("UP");
  }

  @Test
  void unknownRoutesAnswerANotFoundProblem() throws Exception {
    var response = send(httpGet("/no/such/route"));

    assertProblem(response, 404, "not-found");
  }

  @Test
  void aBodyOverItsRoutesLimitIsRefusedWith413BeforeAnythingIsSent() throws Exception {
    var twentyMegabytes = new byte[20 * 1024 * 1024];
    var token = tokens.tenantToken("tenant-a", "connections:write");

    var api =
        send(
            httpPost("/api/v1/connections", twentyMegabytes)
                .header("Authorization", "Bearer " + token));
    var webhook = send(httpPost("/webhooks/shopify/conn-1", new byte[2 * 1024 * 1024]));

    assertProblem(api, 413, "payload-too-large");
    assertProblem(webhook, 413, "payload-too-large");
    services.verify(0, anyRequestedFor(urlPathMatching("/(api|webhooks)/.*")));
  }

  @Test
  void anUpstreamThatDropsTheConnectionIs503AndOneThatHangsIs504() throws Exception {
    var token = tokens.tenantToken("tenant-a", "invoices:read");
    services.stubFor(
        get("/api/v1/invoices/reset")
            .atPriority(1)
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    services.stubFor(
        get("/api/v1/invoices/empty")
            .atPriority(1)
            .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    services.stubFor(
        get("/api/v1/invoices/slow").atPriority(1).willReturn(okJson("{}").withFixedDelay(4000)));

    var reset = send(httpGet("/api/v1/invoices/reset").header("Authorization", "Bearer " + token));
    var empty = send(httpGet("/api/v1/invoices/empty").header("Authorization", "Bearer " + token));
    var slow = send(httpGet("/api/v1/invoices/slow").header("Authorization", "Bearer " + token));

    assertProblem(reset, 503, "upstream-unavailable");
    assertProblem(empty, 503, "upstream-unavailable");
    assertProblem(slow, 504, "upstream-timeout");
  }

  @Test
  void aKeyPastItsLimitGets429WithRetryAfterWhileAnotherTenantIsUnaffected() throws Exception {
    var busy =
        tokens.token("key-" + UUID.randomUUID(), "tenant-" + UUID.randomUUID(), "invoices:read");
    var other =
        tokens.token("key-" + UUID.randomUUID(), "tenant-" + UUID.randomUUID(), "invoices:read");

    // All at once, so the bucket (20 per second, bursts of 40) has little time to refill.
    long begin = System.nanoTime();
    List<java.util.concurrent.CompletableFuture<HttpResponse<byte[]>>> calls = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      calls.add(
          http.sendAsync(
              httpGet("/api/v1/invoices")
                  .header("Authorization", "Bearer " + busy)
                  .timeout(Duration.ofSeconds(20))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray()));
    }
    List<HttpResponse<byte[]>> answers =
        calls.stream().map(java.util.concurrent.CompletableFuture::join).toList();
    double elapsed = (System.nanoTime() - begin) / 1e9;
    var otherTenant = send(httpGet("/api/v1/invoices").header("Authorization", "Bearer " + other));

    var allowed = answers.stream().filter(r -> r.statusCode() == 200).toList();
    assertThat(allowed).isNotEmpty();
    assertThat(allowed.get(0).headers().firstValue("RateLimit-Limit")).contains("40");
    assertThat(allowed.get(0).headers().firstValue("RateLimit-Remaining")).isPresent();
    var refused = answers.stream().filter(r -> r.statusCode() == 429).toList();
    assertThat(refused).isNotEmpty();
    assertProblem(refused.get(0), 429, "rate-limited");
    assertThat(refused.get(0).headers().firstValue("Retry-After"))
        .hasValueSatisfying(value -> assertThat(Long.parseLong(value)).isPositive());
    assertThat(refused.get(0).headers().firstValue("RateLimit-Remaining")).contains("0");
    assertThat(refused.get(0).headers().firstValue("RateLimit-Reset")).isPresent();
    // the burst, what refilled meanwhile, and the few tokens a replica may take before it syncs
    assertThat((double) allowed.size()).isBetween(40.0, 40 + 20 * elapsed + 4);
    assertThat(otherTenant.statusCode()).isEqualTo(200);
  }

  @Test
  void aWebhookFloodToOneConnectionIsThrottledBeforeWebhookIngest() throws Exception {
    services.stubFor(post(urlPathMatching("/webhooks/.*")).willReturn(aResponse().withStatus(202)));
    var connection = "conn-" + UUID.randomUUID();

    int refused = 0;
    for (int i = 0; i < 60; i++) {
      var answer = send(httpPost("/webhooks/shopify/" + connection, "{}".getBytes()));
      if (answer.statusCode() == 429) {
        refused++;
        assertProblem(answer, 429, "rate-limited");
      }
    }
    var otherConnection =
        send(httpPost("/webhooks/shopify/conn-" + UUID.randomUUID(), "{}".getBytes()));

    // 5 per second with bursts of 10 (this test's settings): most of a quick flood never arrives.
    var arrived = services.findAll(postRequestedFor(urlEqualTo("/webhooks/shopify/" + connection)));
    assertThat(arrived).hasSize(60 - refused);
    assertThat(arrived.size()).isBetween(10, 40);
    assertThat(otherConnection.statusCode()).isEqualTo(202);
  }

  @Test
  void everyAnswerCarriesSecurityHeadersAndTheConsoleMayCallFromItsOrigin() throws Exception {
    var token = tokens.tenantToken("tenant-a", "invoices:read");

    var answer = send(httpGet("/api/v1/invoices").header("Authorization", "Bearer " + token));
    var preflight =
        send(
            HttpRequest.newBuilder(uri("/api/v1/invoices"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization"));
    var foreign =
        send(
            HttpRequest.newBuilder(uri("/api/v1/invoices"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET"));

    assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(answer.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(answer.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
    assertThat(answer.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("http://localhost:5173");
    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void aSuspendedTenantsValidTokensAreRefusedAsSoonAsTheEventArrives() throws Exception {
    var tenant = "tenant-" + UUID.randomUUID();
    var token = tokens.tenantToken(tenant, "invoices:read");
    assertThat(
            send(httpGet("/api/v1/invoices").header("Authorization", "Bearer " + token))
                .statusCode())
        .isEqualTo(200);

    publish(CredentialKind.TENANT, tenant, tenant, CredentialStatus.SUSPENDED);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertUnauthorizedProblem(
                    send(httpGet("/api/v1/invoices").header("Authorization", "Bearer " + token))));

    publish(CredentialKind.TENANT, tenant, tenant, CredentialStatus.ACTIVE);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                send(httpGet("/api/v1/invoices").header("Authorization", "Bearer " + token))
                        .statusCode()
                    == 200);
  }

  @Test
  void aRevocationEvictsTheCachedExchangeAndRefusesTheClientsTokens() throws Exception {
    var apiKey = newApiKey();
    var keyId = "key-" + UUID.randomUUID();
    stubExchange(apiKey, tokens.token(keyId, "tenant-a", "invoices:read"), keyId, "tenant-a");
    assertThat(send(httpGet("/api/v1/invoices").header("X-API-Key", apiKey)).statusCode())
        .isEqualTo(200);
    var clientToken = tokens.token("llc_client", "tenant-a", "invoices:read");
    assertThat(
            send(httpGet("/api/v1/invoices").header("Authorization", "Bearer " + clientToken))
                .statusCode())
        .isEqualTo(200);
    services.stubFor(
        post("/internal/api-keys/exchange")
            .withHeader("X-API-Key", equalTo(apiKey))
            .willReturn(aResponse().withStatus(401)));

    publish(CredentialKind.API_KEY, keyId, "tenant-a", CredentialStatus.REVOKED);
    publish(CredentialKind.OAUTH_CLIENT, "llc_client", "tenant-a", CredentialStatus.REVOKED);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertUnauthorizedProblem(
                  send(httpGet("/api/v1/invoices").header("X-API-Key", apiKey)));
              assertUnauthorizedProblem(
                  send(
                      httpGet("/api/v1/invoices")
                          .header("Authorization", "Bearer " + clientToken)));
            });
  }

  @Test
  void usageIsCountedPerRequestAndReportedInBatchesWithTheGatewaysOwnToken() throws Exception {
    services.stubFor(
        post("/oauth2/token")
            .willReturn(
                okJson(
                    "{\"access_token\":\"gateway-token\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
    services.stubFor(post("/internal/api-keys/usage").willReturn(aResponse().withStatus(204)));
    var apiKey = newApiKey();
    var keyId = "key-" + UUID.randomUUID();
    stubExchange(apiKey, tokens.token(keyId, "tenant-a", "invoices:read"), keyId, "tenant-a");

    for (int i = 0; i < 3; i++) {
      assertThat(send(httpGet("/api/v1/invoices").header("X-API-Key", apiKey)).statusCode())
          .isEqualTo(200);
    }

    // Every request counted once, in however many batches the reporter's interval cut them into.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(reportedRequests(keyId)).isEqualTo(3));
    services.verify(
        postRequestedFor(urlEqualTo("/oauth2/token"))
            .withHeader("Authorization", containing("Basic "))
            .withRequestBody(containing("grant_type=client_credentials")));
  }

  private long reportedRequests(String keyId) {
    long total = 0;
    for (var request :
        services.findAll(
            postRequestedFor(urlEqualTo("/internal/api-keys/usage"))
                .withHeader("Authorization", equalTo("Bearer gateway-token")))) {
      for (JsonNode item : json.readTree(request.getBodyAsString()).path("items")) {
        if (keyId.equals(item.path("keyId").asString())) {
          total += item.path("requests").asLong();
        }
      }
    }
    return total;
  }

  @Test
  void theTokenEndpointIsRoutedWithTheClientsCredentialsAndAdminOnlyForOperators()
      throws Exception {
    services.stubFor(post("/oauth2/token").willReturn(okJson("{\"access_token\":\"t\"}")));
    services.stubFor(post("/admin/tenants").willReturn(aResponse().withStatus(201)));

    var token =
        send(
            httpPost("/oauth2/token", "grant_type=client_credentials".getBytes())
                .header("Authorization", "Basic bGxjX2FiYzpzZWNyZXQ=")
                .header("Content-Type", "application/x-www-form-urlencoded"));
    var asOperator =
        send(
            httpPost("/admin/tenants", "{\"name\":\"x\"}".getBytes())
                .header("Authorization", "Bearer " + tokens.operatorToken()));
    var asTenant =
        send(
            httpPost("/admin/tenants", "{\"name\":\"x\"}".getBytes())
                .header(
                    "Authorization", "Bearer " + tokens.tenantToken("tenant-a", "apikeys:write")));
    var anonymous = send(httpPost("/admin/tenants", "{}".getBytes()));

    assertThat(token.statusCode()).isEqualTo(200);
    services.verify(
        postRequestedFor(urlPathEqualTo("/oauth2/token"))
            .withHeader("Authorization", equalTo("Basic bGxjX2FiYzpzZWNyZXQ=")));
    assertThat(asOperator.statusCode()).isEqualTo(201);
    assertProblem(asTenant, 404, "not-found");
    assertProblem(anonymous, 404, "not-found");
    services.verify(1, postRequestedFor(urlEqualTo("/admin/tenants")));
  }

  @Test
  void servesTheApiReferenceWithEveryPublicEndpointItsScopeAndProblems() throws Exception {
    var ui = send(httpGet("/api/docs"));
    var reference = send(httpGet("/api/docs/openapi.json"));

    assertThat(ui.statusCode()).isIn(200, 302);
    assertThat(reference.statusCode()).isEqualTo(200);
    var document = json.readTree(reference.body());
    assertThat(document.get("paths").propertyNames())
        .contains(
            "/api/v1/invoices",
            "/api/v1/connections",
            "/api/v1/webhooks",
            "/api/v1/api-keys/{id}/rotations",
            "/api/v1/api-keys/{id}/usage",
            "/api/v1/oauth-clients",
            "/oauth2/token",
            "/admin/tenants")
        .noneMatch(path -> path.startsWith("/internal/") || path.startsWith("/actuator"));
    assertThat(document.at("/paths/~1api~1v1~1invoices/get/x-required-scope").asString())
        .isEqualTo("invoices:read");
    assertThat(document.at("/components/schemas/Problem").isObject()).isTrue();
    assertThat(document.at("/info/description").asString()).contains("rate-limited");
  }

  private void publish(CredentialKind kind, String id, String tenantId, CredentialStatus status) {
    topics.send(
        Topics.CREDENTIALS,
        kind + ":" + id,
        CredentialChanged.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setKind(kind)
            .setId(id)
            .setTenantId(tenantId)
            .setStatus(status)
            .setOccurredAt(Instant.now())
            .build());
  }

  private static void assertProblem(HttpResponse<byte[]> response, int status, String kind) {
    assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json.readTree(response.body()).path("type").asString(""))
        .as(new String(response.body()))
        .isEqualTo("https://ledgerline.io/problems/" + kind);
  }

  private void stubExchange(String apiKey, String token) {
    stubExchange(apiKey, token, "key-" + UUID.randomUUID(), "tenant-a");
  }

  private void stubExchange(String apiKey, String token, String keyId, String tenantId) {
    services.stubFor(
        post("/internal/api-keys/exchange")
            .withHeader("X-API-Key", equalTo(apiKey))
            .willReturn(
                okJson(
                    "{\"access_token\":\""
                        + token
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":300,\"key_id\":\""
                        + keyId
                        + "\",\"tenant_id\":\""
                        + tenantId
                        + "\"}")));
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
