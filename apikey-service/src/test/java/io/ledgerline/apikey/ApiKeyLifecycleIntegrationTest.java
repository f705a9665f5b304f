package io.ledgerline.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole key life cycle over HTTP, on a real PostgreSQL, with the settings from
 * deploy/config-repo.
 */
class ApiKeyLifecycleIntegrationTest extends ApikeyIntegrationTestBase {

  private static final Set<String> ALL_TENANT_SCOPES =
      Set.of(
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

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void anOperatorCreatesATenantsFirstKeyWhichExchangesForAVerifiableJwt() throws Exception {
    var tenant = newTenant();
    var created = createFirstKey(tenant, "{\"name\":\"first key\"}");

    assertThat(created.get("key").asString()).matches("llk_[A-Za-z0-9]{8}_[A-Za-z0-9]{49}");
    assertThat(created.get("key").asString()).startsWith("llk_" + created.get("prefix").asString());
    assertThat(created.get("tenantId").asString()).isEqualTo(tenant);

    var exchanged = exchange(created.get("key").asString());
    assertThat(exchanged.statusCode()).isEqualTo(200);
    var body = json.readTree(exchanged.body());
    assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
    assertThat(body.get("expires_in").asInt()).isEqualTo(300);

    var jwt = SignedJWT.parse(body.get("access_token").asString());
    var jwks = JWKSet.parse(new String(send(get("/oauth2/jwks")).body(), StandardCharsets.UTF_8));
    var key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
    assertThat(key).isNotNull();
    assertThat(key.isPrivate()).isFalse();
    assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
    var claims = jwt.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo("ledgerline");
    assertThat(claims.getSubject()).isEqualTo(created.get("id").asString());
    assertThat(claims.getStringClaim("tenant_id")).isEqualTo(tenant);
    assertThat(Set.of(claims.getStringClaim("scope").split(" "))).isEqualTo(ALL_TENANT_SCOPES);
    assertThat(claims.getJWTID()).isNotBlank();
    assertThat(
            Duration.between(
                claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
        .isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void aTenantCreatesListsAndRevokesItsOwnKeysWithAnExchangedToken() throws Exception {
    var tenant = newTenant();
    var first = createFirstKey(tenant, "{\"name\":\"first\"}");
    var token = accessToken(first.get("key").asString());

    var created =
        send(
            post("/api/v1/api-keys", "{\"name\":\"reporting\",\"scopes\":[\"invoices:read\"]}")
                .header("Authorization", "Bearer " + token));
    assertThat(created.statusCode()).isEqualTo(201);
    var second = json.readTree(created.body());
    assertThat(second.get("scopes").values().stream().map(JsonNode::asString).toList())
        .containsExactly("invoices:read");
    var secondToken = accessToken(second.get("key").asString());
    assertThat(SignedJWT.parse(secondToken).getJWTClaimsSet().getStringClaim("scope"))
        .isEqualTo("invoices:read");

    var revoked =
        send(
            delete("/api/v1/api-keys/" + second.get("id").asString())
                .header("Authorization", "Bearer " + token));
    assertThat(revoked.statusCode()).isEqualTo(204);
    assertInvalidKeyProblem(exchange(second.get("key").asString()));

    var list =
        json.readTree(
            send(get("/api/v1/api-keys").header("Authorization", "Bearer " + token)).body());
    var items = list.get("items").values().stream().toList();
    assertThat(items).hasSize(2);
    var revokedItem =
        items.stream()
            .filter(i -> i.get("id").asString().equals(second.get("id").asString()))
            .findFirst()
            .orElseThrow();
    assertThat(revokedItem.get("revokedAt").isNull()).isFalse();
    var firstItem =
        items.stream()
            .filter(i -> i.get("id").asString().equals(first.get("id").asString()))
            .findFirst()
            .orElseThrow();
    // Usage is counted per request at the gateway, not per exchange.
    assertThat(firstItem.get("usageCount").asLong()).isZero();
  }

  @Test
  void theListNeverShowsSecretsOrHashes() throws Exception {
    var tenant = newTenant();
    var first = createFirstKey(tenant, "{\"name\":\"first\"}");
    var plain = first.get("key").asString();
    var secret = plain.substring(plain.lastIndexOf('_') + 1);

    var response =
        send(get("/api/v1/api-keys").header("Authorization", "Bearer " + accessToken(plain)));

    assertThat(response.statusCode()).isEqualTo(200);
    var body = new String(response.body(), StandardCharsets.UTF_8);
    assertThat(body).contains(first.get("prefix").asString());
    assertThat(body).doesNotContain(secret).doesNotContain(plain);
    assertThat(body.toLowerCase()).doesNotContain("hash").doesNotContain("\"key\"");
  }

  @Test
  void aTenantCannotSeeOrRevokeAnotherTenantsKeys() throws Exception {
    var tenantA = newTenant();
    var tenantB = newTenant();
    var keyA = createFirstKey(tenantA, "{\"name\":\"a\"}");
    var keyB = createFirstKey(tenantB, "{\"name\":\"b\"}");
    var tokenA = accessToken(keyA.get("key").asString());

    var list =
        json.readTree(
            send(get("/api/v1/api-keys").header("Authorization", "Bearer " + tokenA)).body());
    assertThat(list.get("items").values().stream().map(i -> i.get("id").asString()).toList())
        .containsExactly(keyA.get("id").asString());

    var revoke =
        send(
            delete("/api/v1/api-keys/" + keyB.get("id").asString())
                .header("Authorization", "Bearer " + tokenA));
    assertThat(revoke.statusCode()).isEqualTo(404);
    assertProblem(revoke, "not-found");
    assertThat(exchange(keyB.get("key").asString()).statusCode()).isEqualTo(200);
  }

  @Test
  void anExpiredKeyIsRejected() throws Exception {
    var tenant = newTenant();
    var expiresAt = Instant.now().plusSeconds(2);
    var created =
        createFirstKey(tenant, "{\"name\":\"short-lived\",\"expiresAt\":\"" + expiresAt + "\"}");
    assertThat(exchange(created.get("key").asString()).statusCode()).isEqualTo(200);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertInvalidKeyProblem(exchange(created.get("key").asString())));
  }

  @Test
  void unknownMalformedOrMissingKeysAreRejected() throws Exception {
    assertInvalidKeyProblem(exchange("llk_AAAAAAAA_" + "B".repeat(43)));
    assertInvalidKeyProblem(exchange("not-a-key"));
    assertInvalidKeyProblem(send(post("/internal/api-keys/exchange", "")));
  }

  @Test
  void aKeyCannotBeGrantedScopesItsCreatorLacks() throws Exception {
    var tenant = newTenant();
    var limited =
        createFirstKey(
            tenant, "{\"name\":\"limited\",\"scopes\":[\"apikeys:write\",\"invoices:read\"]}");
    var token = accessToken(limited.get("key").asString());

    var response =
        send(
            post("/api/v1/api-keys", "{\"name\":\"more\",\"scopes\":[\"connections:write\"]}")
                .header("Authorization", "Bearer " + token));

    assertThat(response.statusCode()).isEqualTo(403);
    assertProblem(response, "scope-not-grantable");
  }

  @Test
  void keyManagementNeedsTheApikeysScopes() throws Exception {
    var tenant = newTenant();
    var readOnly = createFirstKey(tenant, "{\"name\":\"ro\",\"scopes\":[\"invoices:read\"]}");
    var token = accessToken(readOnly.get("key").asString());

    var list = send(get("/api/v1/api-keys").header("Authorization", "Bearer " + token));
    var create =
        send(
            post("/api/v1/api-keys", "{\"name\":\"x\"}")
                .header("Authorization", "Bearer " + token));
    var anonymous = send(get("/api/v1/api-keys"));

    assertThat(list.statusCode()).isEqualTo(403);
    assertProblem(list, "forbidden");
    assertThat(create.statusCode()).isEqualTo(403);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertProblem(anonymous, "unauthorized");
  }

  @Test
  void onlyOperatorsCreateATenantsFirstKey() throws Exception {
    var serviceToken = clientToken("webhook-ingest", INGEST_SECRET, "internal");

    var asService =
        send(
            post("/admin/tenants/" + newTenant() + "/api-keys", "{\"name\":\"x\"}")
                .header("Authorization", "Bearer " + serviceToken));
    var anonymous = send(post("/admin/tenants/" + newTenant() + "/api-keys", "{\"name\":\"x\"}"));

    assertThat(asService.statusCode()).isEqualTo(403);
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  @Test
  void serviceClientsGetTokensWithTheirScopesAndNoTenant() throws Exception {
    var token = SignedJWT.parse(clientToken("webhook-ingest", INGEST_SECRET, null));

    assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("webhook-ingest");
    assertThat(token.getJWTClaimsSet().getStringClaim("scope")).isEqualTo("internal");
    assertThat(token.getJWTClaimsSet().getClaim("tenant_id")).isNull();
  }

  @Test
  void theTokenEndpointAnswersInRfc6749Terms() throws Exception {
    var wrongSecret =
        tokenRequest("admin", "wrong-secret-xxxxxxxx", "grant_type=client_credentials");
    var unknownClient = tokenRequest("nobody", ADMIN_SECRET, "grant_type=client_credentials");
    var wrongGrant = tokenRequest("admin", ADMIN_SECRET, "grant_type=password");
    var wrongScope =
        tokenRequest("admin", ADMIN_SECRET, "grant_type=client_credentials&scope=internal");

    assertThat(wrongSecret.statusCode()).isEqualTo(401);
    assertThat(json.readTree(wrongSecret.body()).get("error").asString())
        .isEqualTo("invalid_client");
    assertThat(unknownClient.statusCode()).isEqualTo(401);
    assertThat(wrongGrant.statusCode()).isEqualTo(400);
    assertThat(json.readTree(wrongGrant.body()).get("error").asString())
        .isEqualTo("unsupported_grant_type");
    assertThat(wrongScope.statusCode()).isEqualTo(400);
    assertThat(json.readTree(wrongScope.body()).get("error").asString()).isEqualTo("invalid_scope");
  }

  @Test
  void aTenantsOAuthClientGetsTokensForItsTenantScopesAndPlanUntilRevoked() throws Exception {
    var tenant = newTenant();
    var token = accessToken(createFirstKey(tenant, "{\"name\":\"first\"}").get("key").asString());

    var created =
        send(
            post(
                    "/api/v1/oauth-clients",
                    "{\"name\":\"billing app\",\"scopes\":[\"invoices:read\"]}")
                .header("Authorization", "Bearer " + token));
    assertThat(created.statusCode()).as(new String(created.body())).isEqualTo(201);
    var client = json.readTree(created.body());
    var clientId = client.get("clientId").asString();
    var clientSecret = client.get("clientSecret").asString();
    assertThat(clientId).startsWith("llc_");
    assertThat(client.get("tenantId").asString()).isEqualTo(tenant);

    var issued = tokenRequest(clientId, clientSecret, "grant_type=client_credentials");
    assertThat(issued.statusCode()).as(new String(issued.body())).isEqualTo(200);
    var body = json.readTree(issued.body());
    assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
    var jwt = SignedJWT.parse(body.get("access_token").asString());
    var jwks = JWKSet.parse(new String(send(get("/oauth2/jwks")).body(), StandardCharsets.UTF_8));
    assertThat(
            jwt.verify(new RSASSAVerifier((RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID()))))
        .isTrue();
    var claims = jwt.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo("ledgerline");
    assertThat(claims.getSubject()).isEqualTo(clientId);
    assertThat(claims.getStringClaim("tenant_id")).isEqualTo(tenant);
    assertThat(claims.getStringClaim("plan")).isEqualTo("default");
    assertThat(claims.getStringClaim("scope")).isEqualTo("invoices:read");
    assertThat(claims.getJWTID()).isNotBlank();

    var list = send(get("/api/v1/oauth-clients").header("Authorization", "Bearer " + token));
    assertThat(new String(list.body())).contains(clientId).doesNotContain(clientSecret);

    var wrongSecret = tokenRequest(clientId, clientSecret + "x", "grant_type=client_credentials");
    assertThat(wrongSecret.statusCode()).isEqualTo(401);

    var revoked =
        send(
            delete("/api/v1/oauth-clients/" + clientId).header("Authorization", "Bearer " + token));
    assertThat(revoked.statusCode()).isEqualTo(204);
    var afterRevocation = tokenRequest(clientId, clientSecret, "grant_type=client_credentials");
    assertThat(afterRevocation.statusCode()).isEqualTo(401);
    assertThat(json.readTree(afterRevocation.body()).get("error").asString())
        .isEqualTo("invalid_client");
  }

  @Test
  void anOAuthClientCannotCarryScopesItsCreatorLacks() throws Exception {
    var token =
        accessToken(
            createFirstKey(newTenant(), "{\"name\":\"x\",\"scopes\":[\"oauthclients:write\"]}")
                .get("key")
                .asString());

    var response =
        send(
            post("/api/v1/oauth-clients", "{\"name\":\"app\",\"scopes\":[\"invoices:read\"]}")
                .header("Authorization", "Bearer " + token));

    assertThat(response.statusCode()).isEqualTo(403);
    assertProblem(response, "scope-not-grantable");
  }

  @Test
  void anOperatorCreatesSuspendsAndReactivatesATenant() throws Exception {
    var admin = "Bearer " + clientToken("admin", ADMIN_SECRET, "admin");
    var created =
        send(
            post("/admin/tenants", "{\"name\":\"Initech\",\"plan\":\"growth\"}")
                .header("Authorization", admin));
    assertThat(created.statusCode()).as(new String(created.body())).isEqualTo(201);
    var tenant = json.readTree(created.body());
    var tenantId = tenant.get("id").asString();
    assertThat(tenant.get("status").asString()).isEqualTo("ACTIVE");
    assertThat(tenant.get("plan").asString()).isEqualTo("growth");

    var key = createFirstKey(tenantId, "{\"name\":\"first\"}").get("key").asString();
    var token = accessToken(key);
    assertThat(SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("plan")).isEqualTo("growth");
    var client =
        json.readTree(
            send(post("/api/v1/oauth-clients", "{\"name\":\"app\"}")
                    .header("Authorization", "Bearer " + token))
                .body());

    var suspended =
        send(
            patch("/admin/tenants/" + tenantId, "{\"status\":\"SUSPENDED\"}")
                .header("Authorization", admin));
    assertThat(suspended.statusCode()).isEqualTo(200);
    assertInvalidKeyProblem(exchange(key));
    assertThat(
            tokenRequest(
                    client.get("clientId").asString(),
                    client.get("clientSecret").asString(),
                    "grant_type=client_credentials")
                .statusCode())
        .isEqualTo(401);

    send(
        patch("/admin/tenants/" + tenantId, "{\"status\":\"ACTIVE\"}")
            .header("Authorization", admin));
    assertThat(exchange(key).statusCode()).isEqualTo(200);
  }

  @Test
  void unknownPlansAndDuplicateTenantsAreRefused() throws Exception {
    var admin = "Bearer " + clientToken("admin", ADMIN_SECRET, "admin");
    var id = newTenant();

    var unknownPlan =
        send(
            post("/admin/tenants", "{\"name\":\"x\",\"plan\":\"platinum\"}")
                .header("Authorization", admin));
    var first =
        send(
            post("/admin/tenants", "{\"id\":\"" + id + "\",\"name\":\"x\"}")
                .header("Authorization", admin));
    var again =
        send(
            post("/admin/tenants", "{\"id\":\"" + id + "\",\"name\":\"x\"}")
                .header("Authorization", admin));

    assertThat(unknownPlan.statusCode()).isEqualTo(400);
    assertProblem(unknownPlan, "invalid-request");
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(409);
  }

  @Test
  void aRotatedKeysOldSecretWorksUntilTheOverlapEnds() throws Exception {
    var first = createFirstKey(newTenant(), "{\"name\":\"first\"}");
    var oldKey = first.get("key").asString();
    var token = accessToken(oldKey);

    var rotation =
        send(
            post(
                    "/api/v1/api-keys/" + first.get("id").asString() + "/rotations",
                    "{\"overlap\":\"PT3S\"}")
                .header("Authorization", "Bearer " + token));
    assertThat(rotation.statusCode()).as(new String(rotation.body())).isEqualTo(201);
    var newKey = json.readTree(rotation.body()).get("key").asString();
    assertThat(newKey)
        .isNotEqualTo(oldKey)
        .startsWith("llk_" + first.get("prefix").asString() + "_");

    var oldExchange = exchange(oldKey);
    assertThat(oldExchange.statusCode()).isEqualTo(200);
    assertThat(json.readTree(oldExchange.body()).get("valid_until").asLong())
        .isBetween(Instant.now().getEpochSecond(), Instant.now().plusSeconds(4).getEpochSecond());
    assertThat(exchange(newKey).statusCode()).isEqualTo(200);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertInvalidKeyProblem(exchange(oldKey)));
    assertThat(exchange(newKey).statusCode()).isEqualTo(200);
  }

  @Test
  void usageReportedByTheGatewayIsServedPerDay() throws Exception {
    var first = createFirstKey(newTenant(), "{\"name\":\"first\"}");
    var id = first.get("id").asString();
    var token = accessToken(first.get("key").asString());
    var gateway = "Bearer " + clientToken("gateway", GATEWAY_SECRET, "internal");
    var today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
    var batch =
        "{\"items\":[{\"keyId\":\""
            + id
            + "\",\"day\":\""
            + today
            + "\",\"requests\":5,\"lastUsedAt\":\""
            + Instant.now()
            + "\"}]}";

    assertThat(
            send(post("/internal/api-keys/usage", batch).header("Authorization", gateway))
                .statusCode())
        .isEqualTo(204);
    assertThat(
            send(post("/internal/api-keys/usage", batch).header("Authorization", gateway))
                .statusCode())
        .isEqualTo(204);
    var asTenant =
        send(post("/internal/api-keys/usage", batch).header("Authorization", "Bearer " + token));

    var usage =
        json.readTree(
            send(get("/api/v1/api-keys/" + id + "/usage")
                    .header("Authorization", "Bearer " + token))
                .body());
    assertThat(asTenant.statusCode()).isEqualTo(403);
    assertThat(usage.get("total").asLong()).isEqualTo(10);
    assertThat(usage.get("days").get(0).get("day").asString()).isEqualTo(today.toString());
    assertThat(usage.get("days").get(0).get("requests").asLong()).isEqualTo(10);
    assertThat(usage.get("lastUsedAt").isNull()).isFalse();
  }

  @Test
  void legacyKeysWithoutChecksumStillExchange() throws Exception {
    var first = createFirstKey(newTenant(), "{\"name\":\"first\"}");
    var key = first.get("key").asString();
    var tampered = key.substring(0, key.length() - 6);

    // A key without its checksum is read as the old format: its secret is the same, so it works.
    assertThat(exchange(tampered).statusCode()).isEqualTo(200);
    assertInvalidKeyProblem(
        exchange(key.substring(0, key.length() - 1) + (key.endsWith("0") ? "1" : "0")));
  }

  private JsonNode createFirstKey(String tenant, String body) throws Exception {
    var response =
        send(
            post("/admin/tenants/" + tenant + "/api-keys", body)
                .header("Authorization", "Bearer " + clientToken("admin", ADMIN_SECRET, "admin")));
    assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(201);
    return json.readTree(response.body());
  }

  private String clientToken(String client, String secret, String scope) throws Exception {
    var response =
        tokenRequest(
            client,
            secret,
            "grant_type=client_credentials" + (scope == null ? "" : "&scope=" + scope));
    assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
    return json.readTree(response.body()).get("access_token").asString();
  }

  private HttpResponse<byte[]> tokenRequest(String client, String secret, String form)
      throws Exception {
    var basic =
        Base64.getEncoder()
            .encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
    return send(
        HttpRequest.newBuilder(uri("/oauth2/token"))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private String accessToken(String apiKey) throws Exception {
    var response = exchange(apiKey);
    assertThat(response.statusCode()).isEqualTo(200);
    return json.readTree(response.body()).get("access_token").asString();
  }

  private HttpResponse<byte[]> exchange(String apiKey) throws Exception {
    return send(post("/internal/api-keys/exchange", "").header("X-API-Key", apiKey));
  }

  @Test
  void refusesAKeyWithA401EvenToACallerThatOnlyAcceptsJson() throws Exception {
    var response =
        send(
            post("/internal/api-keys/exchange", "")
                .header("X-API-Key", "llk_AAAAAAAA_" + "C".repeat(43))
                .header("Accept", "application/json"));

    assertThat(response.statusCode()).isEqualTo(401);
  }

  private void assertInvalidKeyProblem(HttpResponse<byte[]> response) {
    assertThat(response.statusCode()).isEqualTo(401);
    assertProblem(response, "unauthorized");
  }

  private void assertProblem(HttpResponse<byte[]> response, String kind) {
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json.readTree(response.body()).get("type").asString())
        .isEqualTo("https://ledgerline.io/problems/" + kind);
  }

  private static String newTenant() {
    return "tenant-" + UUID.randomUUID();
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(uri(path)).GET();
  }

  private HttpRequest.Builder delete(String path) {
    return HttpRequest.newBuilder(uri(path)).DELETE();
  }

  private HttpRequest.Builder patch(String path, String body) {
    return HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(body));
  }

  private HttpRequest.Builder post(String path, String body) {
    return HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
    return http.send(
        request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
