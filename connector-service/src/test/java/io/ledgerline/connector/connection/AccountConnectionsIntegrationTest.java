package io.ledgerline.connector.connection;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.JsonPath;
import io.ledgerline.platform.service.crypto.EnvelopeEncryption;
import io.ledgerline.platform.test.LedgerlineIntegrationTest;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Connecting accounts of all eight OAuth platforms against WireMock playing each platform from its
 * documented shapes: the local sandbox's own mappings ({@code deploy/local/sandbox}), plus stubs
 * for what a test needs to go wrong.
 */
@LedgerlineIntegrationTest(
    properties = {
      "LEDGERLINE_CONNECTOR_KEK=AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=",
      "LEDGERLINE_PUBLIC_WEBHOOK_BASE_URL=https://hooks.ledgerline.test",
      "ledgerline.connector.accounts.jobs-enabled=false"
    })
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class AccountConnectionsIntegrationTest {

  static final List<String> PLATFORMS =
      List.of(
          "hubspot",
          "salesforce",
          "pipedrive",
          "zoho",
          "square",
          "shopify",
          "lightspeed",
          "clover");

  static final WireMockServer platforms =
      new WireMockServer(
          options()
              .dynamicPort()
              .usingFilesUnderDirectory(Path.of("..", "deploy", "local", "sandbox").toString())
              .globalTemplating(false));

  static {
    platforms.start();
  }

  @AfterAll
  static void stop() {
    platforms.stop();
  }

  @DynamicPropertySource
  static void apps(DynamicPropertyRegistry registry) {
    for (String p : PLATFORMS) {
      String prefix = "LEDGERLINE_" + p.toUpperCase() + "_";
      registry.add(prefix + "CLIENT_ID", () -> "client-" + p);
      registry.add(prefix + "CLIENT_SECRET", () -> "secret-" + p);
      registry.add(prefix + "AUTHORIZE_URL", () -> platforms.baseUrl() + "/" + p + "/authorize");
      registry.add(prefix + "TOKEN_URL", () -> platforms.baseUrl() + "/" + p + "/token");
      registry.add(prefix + "API_URL", () -> platforms.baseUrl() + "/" + p + "/api");
    }
    registry.add("LEDGERLINE_SQUARE_WEBHOOK_SECRET", () -> "square-signature-key");
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class ClockConfiguration {
    @Bean
    @Primary
    MovableClock movableClock() {
      return new MovableClock();
    }
  }

  @Autowired MockMvcTester mvc;
  @Autowired JdbcClient jdbc;
  @Autowired MovableClock clock;
  @Autowired TokenRefresher refresher;
  @Autowired Connections connections;
  @Autowired EnvelopeEncryption encryption;
  @Autowired TransactionTemplate transactions;

  private final HttpClient browser =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeEach
  void freshPlatforms() {
    platforms.resetToDefaultMappings();
    platforms.resetRequests();
    // Every test connects its own accounts: one live connection per account.
    jdbc.sql("UPDATE connections SET status = 'DELETED' WHERE account_id IS NOT NULL").update();
  }

  private static JwtRequestPostProcessor tenant(String tenantId) {
    return jwt()
        .jwt(j -> j.subject("key-" + tenantId).claim("tenant_id", tenantId))
        .authorities(
            List.of(
                (GrantedAuthority) new SimpleGrantedAuthority("SCOPE_connections:write"),
                new SimpleGrantedAuthority("SCOPE_connections:read")));
  }

  private static JwtRequestPostProcessor service() {
    return jwt()
        .jwt(j -> j.subject("webhook-ingest"))
        .authorities(List.of((GrantedAuthority) new SimpleGrantedAuthority("SCOPE_internal")));
  }

  private static Map<String, String> settingsOf(String platform) {
    return switch (platform) {
      case "shopify" -> Map.of("shopDomain", "ledgerline-demo.myshopify.com");
      case "lightspeed" -> Map.of("currency", "EUR");
      default -> Map.of();
    };
  }

  private static String json(Map<String, String> settings) {
    return settings.entrySet().stream()
        .map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"")
        .collect(Collectors.joining(", ", "{", "}"));
  }

  /** Creates an OAuth connection; returns the response body. */
  private String createOAuth(String tenantId, String platform) throws Exception {
    MvcTestResult result =
        mvc.post()
            .uri("/api/v1/connections")
            .with(tenant(tenantId))
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                "{\"platform\": \""
                    + platform
                    + "\", \"name\": \"My "
                    + platform
                    + "\", \"auth\": \"oauth2\", \"settings\": "
                    + json(settingsOf(platform))
                    + "}")
            .exchange();
    assertThat(result).hasStatus(201);
    return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  private static Map<String, String> query(URI url) {
    Map<String, String> query = new LinkedHashMap<>();
    if (url.getRawQuery() == null) {
      return query;
    }
    for (String pair : url.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      query.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return query;
  }

  /**
   * Opens the consent page as a browser would; returns where the platform sends the browser back.
   */
  private URI consent(String platform, String authorizationUrl) throws Exception {
    if (platform.equals("shopify")) {
      // The sandbox signs Shopify's callback with its own WireMock extension; here the test signs
      // it.
      Map<String, String> q = query(URI.create(authorizationUrl));
      TreeMap<String, String> signed = new TreeMap<>();
      signed.put("code", "sandbox-shopify-code");
      signed.put("shop", "ledgerline-demo.myshopify.com");
      signed.put("state", q.get("state"));
      signed.put("timestamp", Long.toString(Instant.now().getEpochSecond()));
      String message =
          signed.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("&"));
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec("secret-shopify".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      signed.put(
          "hmac",
          java.util.HexFormat.of()
              .formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8))));
      return URI.create(
          q.get("redirect_uri")
              + "?"
              + signed.entrySet().stream()
                  .map(
                      e ->
                          e.getKey()
                              + "="
                              + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                  .collect(Collectors.joining("&")));
    }
    HttpResponse<String> page =
        browser.send(
            HttpRequest.newBuilder(URI.create(authorizationUrl)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).as(platform + " consent page").isEqualTo(302);
    return URI.create(page.headers().firstValue("Location").orElseThrow());
  }

  /** The callback as the gateway routes it: path and query of the redirect. */
  private MvcTestResult callback(URI redirect) {
    assertThat(redirect.toString()).startsWith("https://hooks.ledgerline.test/oauth/");
    return mvc.get().uri(redirect.getRawPath() + "?" + redirect.getRawQuery()).exchange();
  }

  private String connect(String tenantId, String platform) throws Exception {
    String created = createOAuth(tenantId, platform);
    String id = JsonPath.read(created, "$.id");
    URI redirect = consent(platform, JsonPath.read(created, "$.authorizationUrl"));
    assertThat(callback(redirect)).as(platform + " callback").hasStatus(200);
    return id;
  }

  private String show(String tenantId, String id) throws Exception {
    MvcTestResult result =
        mvc.get().uri("/api/v1/connections/" + id).with(tenant(tenantId)).exchange();
    assertThat(result).hasStatus(200);
    return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  private static final Map<String, String> ACCOUNTS =
      Map.of(
          "hubspot", "62515",
          "salesforce", "00D5g00000SANDBXEA",
          "pipedrive", "ledgerline-demo",
          "zoho", "20105534",
          "square", "MLSANDBOX7SXQ4",
          "shopify", "ledgerline-demo.myshopify.com",
          "lightspeed", "ledgerlinedemo",
          "clover", "SANDBOXMRCH01");

  @Test
  void connectsAnAccountOfEachOAuthPlatformThroughItsConsentPageAndShowsItActive()
      throws Exception {
    for (String platform : PLATFORMS) {
      String created = createOAuth("t-oauth", platform);
      assertThat((String) JsonPath.read(created, "$.status")).isEqualTo("PENDING_AUTHORIZATION");
      assertThat((String) JsonPath.read(created, "$.auth")).isEqualTo("oauth2");
      Map<String, String> q = query(URI.create(JsonPath.read(created, "$.authorizationUrl")));
      assertThat(q)
          .as(platform)
          .containsEntry("client_id", "client-" + platform)
          .containsEntry(
              "redirect_uri", "https://hooks.ledgerline.test/oauth/" + platform + "/callback")
          .containsEntry("response_type", "code")
          .containsKey("state");
      assertThat(q.containsKey("code_challenge"))
          .as(platform + " PKCE")
          .isEqualTo(platform.equals("salesforce"));
      String id = JsonPath.read(created, "$.id");

      URI redirect = consent(platform, JsonPath.read(created, "$.authorizationUrl"));
      MvcTestResult back = callback(redirect);

      assertThat(back).as(platform).hasStatus(200);
      assertThat(back.getResponse().getContentAsString(StandardCharsets.UTF_8))
          .contains("is connected");
      String shown = show("t-oauth", id);
      assertThat((String) JsonPath.read(shown, "$.status")).as(platform).isEqualTo("ACTIVE");
      assertThat((String) JsonPath.read(shown, "$.account.id"))
          .as(platform)
          .isEqualTo(ACCOUNTS.get(platform));
      assertThat((String) JsonPath.read(shown, "$.health.status")).as(platform).isEqualTo("OK");
      assertThat((String) JsonPath.read(shown, "$.health.lastSuccessAt")).as(platform).isNotNull();
    }
    // The exact code exchange HubSpot documents, and Salesforce's PKCE verifier matching its
    // challenge.
    LoggedRequest hubspot =
        platforms.findAll(postRequestedFor(urlPathEqualTo("/hubspot/token"))).get(0);
    assertThat(query(URI.create("x:/?" + hubspot.getBodyAsString())))
        .containsOnlyKeys("grant_type", "code", "redirect_uri", "client_id", "client_secret")
        .containsEntry("grant_type", "authorization_code")
        .containsEntry("code", "sandbox-hubspot-code")
        .containsEntry("client_secret", "secret-hubspot")
        .containsEntry("redirect_uri", "https://hooks.ledgerline.test/oauth/hubspot/callback");
    platforms.verify(
        postRequestedFor(urlPathEqualTo("/pipedrive/token"))
            .withHeader(
                "Authorization",
                equalTo(
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString("client-pipedrive:secret-pipedrive".getBytes()))));
    platforms.verify(
        postRequestedFor(urlPathEqualTo("/square/token"))
            .withHeader("Content-Type", containing("application/json")));
    platforms.verify(
        getRequestedFor(urlPathEqualTo("/zoho/api/crm/v6/org"))
            .withHeader("Authorization", equalTo("Zoho-oauthtoken sandbox-zoho-access")));
    platforms.verify(
        getRequestedFor(urlPathEqualTo("/shopify/api/admin/api/2025-07/shop.json"))
            .withHeader("X-Shopify-Access-Token", equalTo("shpat_sandbox_access")));
    // Webhooks registered where the platform's API allows.
    platforms.verify(
        postRequestedFor(urlPathEqualTo("/pipedrive/api/api/v1/webhooks"))
            .withRequestBody(containing("\"http_auth_user\"")));
    platforms.verify(postRequestedFor(urlPathEqualTo("/zoho/api/crm/v6/actions/watch")));
    platforms.verify(
        2, postRequestedFor(urlPathEqualTo("/shopify/api/admin/api/2025-07/webhooks.json")));
    platforms.verify(postRequestedFor(urlPathEqualTo("/lightspeed/api/api/webhooks")));
  }

  @Test
  void refusesAReusedExpiredOrTamperedStateAndADeniedConsentChangingNothing() throws Exception {
    String created = createOAuth("t-state", "hubspot");
    String id = JsonPath.read(created, "$.id");
    URI redirect = consent("hubspot", JsonPath.read(created, "$.authorizationUrl"));
    Map<String, String> q = query(redirect);

    MvcTestResult tampered =
        mvc.get().uri("/oauth/hubspot/callback?code=c&state=" + q.get("state") + "x").exchange();
    MvcTestResult otherPlatform =
        mvc.get().uri("/oauth/square/callback?code=c&state=" + q.get("state")).exchange();

    assertThat(tampered).hasStatus(400);
    assertThat(tampered.getResponse().getContentAsString(StandardCharsets.UTF_8))
        .contains("authorization-failed");
    assertThat(otherPlatform).hasStatus(400);
    // The other platform's try used the state up (a state is used once, whatever happens).
    assertThat(callback(redirect)).hasStatus(400);
    assertThat((String) JsonPath.read(show("t-state", id), "$.status"))
        .isEqualTo("PENDING_AUTHORIZATION");

    String fresh = JsonPath.read(authorize("t-state", id), "$.authorizationUrl");
    URI again = consent("hubspot", fresh);
    assertThat(callback(again)).hasStatus(200);
    assertThat(callback(again)).as("reused").hasStatus(400);

    String expiring = JsonPath.read(createOAuth("t-state", "square"), "$.id");
    URI late =
        consent("square", JsonPath.read(authorize("t-state", expiring), "$.authorizationUrl"));
    clock.advance(Duration.ofMinutes(11));
    MvcTestResult expired = callback(late);
    assertThat(expired).hasStatus(400);
    assertThat(expired.getResponse().getContentAsString(StandardCharsets.UTF_8))
        .contains("expired");

    String denied = JsonPath.read(createOAuth("t-state", "clover"), "$.id");
    Map<String, String> dq =
        query(URI.create(JsonPath.read(authorize("t-state", denied), "$.authorizationUrl")));
    MvcTestResult refused =
        mvc.get()
            .uri("/oauth/clover/callback?error=access_denied&state=" + dq.get("state"))
            .exchange();
    assertThat(refused).hasStatus(400);
    assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
        .contains("did not grant access");
    assertThat((String) JsonPath.read(show("t-state", denied), "$.status"))
        .isEqualTo("PENDING_AUTHORIZATION");
    assertThat(tokenRows(UUID.fromString(denied))).isZero();
    assertThat(tokenRows(UUID.fromString(expiring))).isZero();
  }

  private String authorize(String tenantId, String id) throws Exception {
    MvcTestResult result =
        mvc.post()
            .uri("/api/v1/connections/" + id + "/authorize")
            .with(tenant(tenantId))
            .exchange();
    assertThat(result).hasStatus(200);
    return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  private long tokenRows(UUID id) {
    return jdbc.sql("SELECT count(*) FROM connection_tokens WHERE connection_id = :id")
        .param("id", id)
        .query(Long.class)
        .single();
  }

  @Test
  void refreshesBeforeExpiryAndOnceOnA401KeepingTheRotatedRefreshToken() throws Exception {
    String id = connect("t-refresh", "lightspeed");
    // The token expires within the refresh-ahead window: the next call refreshes first.
    clock.advance(Duration.ofDays(7).minusMinutes(2));

    MvcTestResult tested =
        mvc.post().uri("/api/v1/connections/" + id + "/test").with(tenant("t-refresh")).exchange();

    assertThat(tested).hasStatus(200);
    assertThat(
            (Boolean)
                JsonPath.read(
                    tested.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.ok"))
        .isTrue();
    LoggedRequest refresh =
        platforms
            .findAll(
                postRequestedFor(urlPathEqualTo("/lightspeed/token"))
                    .withRequestBody(containing("grant_type=refresh_token")))
            .get(0);
    assertThat(query(URI.create("x:/?" + refresh.getBodyAsString())))
        .containsEntry("refresh_token", "sandbox-lightspeed-refresh")
        .containsEntry("client_id", "client-lightspeed")
        .containsEntry("client_secret", "secret-lightspeed");
    platforms.verify(
        getRequestedFor(urlPathEqualTo("/lightspeed/api/api/2.0/outlets"))
            .withHeader("Authorization", equalTo("Bearer sandbox-lightspeed-access-2")));
    AccountTokens.Stored stored =
        new AccountTokens(jdbc, encryption).of(UUID.fromString(id)).orElseThrow();
    assertThat(stored.refreshToken())
        .as("the rotated refresh token is kept")
        .isEqualTo("sandbox-lightspeed-refresh-2");

    // A 401 on a call: one refresh, then the call again with the new token.
    String hubspot = connect("t-refresh", "hubspot");
    platforms.stubFor(
        get(urlPathEqualTo("/hubspot/api/crm/v3/objects/deals"))
            .withHeader("Authorization", equalTo("Bearer sandbox-hubspot-access"))
            .willReturn(aResponse().withStatus(401)));
    MvcTestResult afterRejection =
        mvc.post()
            .uri("/api/v1/connections/" + hubspot + "/test")
            .with(tenant("t-refresh"))
            .exchange();
    assertThat(
            (Boolean)
                JsonPath.read(
                    afterRejection.getResponse().getContentAsString(StandardCharsets.UTF_8),
                    "$.ok"))
        .isTrue();
    platforms.verify(
        1,
        postRequestedFor(urlPathEqualTo("/hubspot/token"))
            .withRequestBody(containing("grant_type=refresh_token")));
    platforms.verify(
        getRequestedFor(urlPathEqualTo("/hubspot/api/crm/v3/objects/deals"))
            .withHeader("Authorization", equalTo("Bearer sandbox-hubspot-access-2")));
    assertThat(meter("hubspot", "refreshed")).isGreaterThanOrEqualTo(1.0);
  }

  @Autowired io.micrometer.core.instrument.MeterRegistry meters;

  private double meter(String platform, String outcome) {
    var counter =
        meters
            .find("ledgerline.token.refreshes")
            .tag("platform", platform)
            .tag("outcome", outcome)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void refreshesOnceWhenManyCallersFindTheTokenRejectedAtOnce() throws Exception {
    String id = connect("t-flight", "clover");
    platforms.stubFor(
        post(urlPathEqualTo("/clover/refresh"))
            .willReturn(
                okJson(
                        "{\"access_token\":\"clover-access-2\",\"access_token_expiration\":1896000000,\"refresh_token\":\"clover-refresh-2\",\"refresh_token_expiration\":1927536000}")
                    .withFixedDelay(300)));
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<String>> results = new ArrayList<>();
    try {
      for (int i = 0; i < 6; i++) {
        Callable<String> call =
            () -> refresher.refresh(UUID.fromString(id), "sandbox-clover-access");
        results.add(pool.submit(call));
      }
      for (Future<String> r : results) {
        assertThat(r.get()).isEqualTo("clover-access-2");
      }
    } finally {
      pool.shutdownNow();
    }
    platforms.verify(1, postRequestedFor(urlPathEqualTo("/clover/refresh")));
    platforms.verify(
        postRequestedFor(urlPathEqualTo("/clover/refresh"))
            .withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.equalToJson(
                    "{\"client_id\":\"client-clover\",\"refresh_token\":\"sandbox-clover-refresh\"}")));
  }

  @Test
  void aRefusedRefreshNeedsReauthorizationNeverLoopsAndAFreshAuthorizationMakesItActiveAgain()
      throws Exception {
    String id = connect("t-grant", "pipedrive");
    platforms.stubFor(
        post(urlPathEqualTo("/pipedrive/token"))
            .withRequestBody(containing("grant_type=refresh_token"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"success\":false,\"message\":\"Invalid grant: refresh token is invalid\",\"error\":\"invalid_grant\"}")));
    platforms.stubFor(
        get(urlPathEqualTo("/pipedrive/api/api/v1/deals")).willReturn(aResponse().withStatus(401)));

    MvcTestResult first =
        mvc.post().uri("/api/v1/connections/" + id + "/test").with(tenant("t-grant")).exchange();
    MvcTestResult second =
        mvc.post().uri("/api/v1/connections/" + id + "/test").with(tenant("t-grant")).exchange();

    assertThat(
            (Boolean)
                JsonPath.read(
                    first.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.ok"))
        .isFalse();
    assertThat(second).as("no silent loop: the connection waits for the tenant").hasStatus(409);
    platforms.verify(
        1,
        postRequestedFor(urlPathEqualTo("/pipedrive/token"))
            .withRequestBody(containing("grant_type=refresh_token")));
    String shown = show("t-grant", id);
    assertThat((String) JsonPath.read(shown, "$.status")).isEqualTo("NEEDS_REAUTHORIZATION");
    assertThat((String) JsonPath.read(shown, "$.health.lastError")).contains("invalid_grant");
    assertThat(meter("pipedrive", "refused")).isGreaterThanOrEqualTo(1.0);

    platforms.resetToDefaultMappings();
    URI redirect =
        consent("pipedrive", JsonPath.read(authorize("t-grant", id), "$.authorizationUrl"));
    assertThat(callback(redirect)).hasStatus(200);
    assertThat((String) JsonPath.read(show("t-grant", id), "$.status")).isEqualTo("ACTIVE");
  }

  @Test
  void checksAnAccountTokenAgainstThePlatformBeforeTheConnectionIsActive() throws Exception {
    platforms.stubFor(
        get(urlPathEqualTo("/hubspot/api/account-info/v3/details"))
            .withHeader("Authorization", equalTo("Bearer pat-na1-good"))
            .willReturn(okJson("{\"portalId\": 7700123, \"accountType\": \"STANDARD\"}")));
    platforms.stubFor(
        get(urlPathEqualTo("/hubspot/api/account-info/v3/details"))
            .withHeader("Authorization", equalTo("Bearer pat-na1-bad"))
            .willReturn(aResponse().withStatus(401)));

    MvcTestResult bad = createToken("t-token", "hubspot", "pat-na1-bad");
    MvcTestResult good = createToken("t-token", "hubspot", "pat-na1-good");
    MvcTestResult oauthOnly = createToken("t-token", "salesforce", "00Dxx!token");

    assertThat(bad).hasStatus(400);
    assertThat(bad.getResponse().getContentAsString(StandardCharsets.UTF_8))
        .contains("token-rejected");
    assertThat(good).hasStatus(201);
    String body = good.getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat((String) JsonPath.read(body, "$.status")).isEqualTo("ACTIVE");
    assertThat((String) JsonPath.read(body, "$.account.id")).isEqualTo("7700123");
    assertThat(body).doesNotContain("pat-na1-good");
    assertThat(oauthOnly).hasStatus(400);
    assertThat(
            jdbc.sql("SELECT count(*) FROM connections WHERE tenant_id = 't-token'")
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  private MvcTestResult createToken(String tenantId, String platform, String token) {
    return mvc.post()
        .uri("/api/v1/connections")
        .with(tenant(tenantId))
        .contentType(MediaType.APPLICATION_JSON)
        .content(
            "{\"platform\": \""
                + platform
                + "\", \"name\": \"Private app\", \"auth\": \"token\", \"token\": \""
                + token
                + "\"}")
        .exchange();
  }

  @Test
  void handsAppLevelWebhooksTheConnectionOfTheAccountWithTheAppsSecret() throws Exception {
    String hubspot = connect("t-app", "hubspot");
    String square = connect("t-app", "square");

    MvcTestResult byPortal =
        mvc.get()
            .uri("/internal/accounts/hubspot/62515/webhook-credentials")
            .with(service())
            .exchange();
    MvcTestResult byMerchant =
        mvc.get()
            .uri("/internal/accounts/square/MLSANDBOX7SXQ4/webhook-credentials")
            .with(service())
            .exchange();
    MvcTestResult unknown =
        mvc.get()
            .uri("/internal/accounts/hubspot/999/webhook-credentials")
            .with(service())
            .exchange();

    assertThat(byPortal).hasStatus(200);
    assertThat(
            (Boolean)
                JsonPath.read(
                    byPortal.getResponse().getContentAsString(StandardCharsets.UTF_8),
                    "$.apiAccess"))
        .as("an OAuth2 connection: its webhooks may name objects to fetch")
        .isTrue();
    assertThat(
            (String)
                JsonPath.read(
                    byPortal.getResponse().getContentAsString(StandardCharsets.UTF_8),
                    "$.connectionId"))
        .isEqualTo(hubspot);
    assertThat(
            (String)
                JsonPath.read(
                    byPortal.getResponse().getContentAsString(StandardCharsets.UTF_8),
                    "$.secrets[0].value"))
        .isEqualTo("secret-hubspot");
    assertThat(
            (String)
                JsonPath.read(
                    byMerchant.getResponse().getContentAsString(StandardCharsets.UTF_8),
                    "$.connectionId"))
        .isEqualTo(square);
    assertThat(
            (String)
                JsonPath.read(
                    byMerchant.getResponse().getContentAsString(StandardCharsets.UTF_8),
                    "$.secrets[0].value"))
        .isEqualTo("square-signature-key");
    assertThat(unknown).hasStatus(404);

    MvcTestResult seen =
        mvc.post()
            .uri("/internal/connections/" + hubspot + "/webhook-received")
            .with(service())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"receivedAt\": \"2026-12-01T10:00:00Z\"}")
            .exchange();
    assertThat(seen).hasStatus(204);
    assertThat((String) JsonPath.read(show("t-app", hubspot), "$.health.lastWebhookAt"))
        .isEqualTo("2026-12-01T10:00:00Z");
  }

  @Test
  void deletesAConnectionRevokingItsTokensAndKeepsItAsHistory() throws Exception {
    String id = connect("t-delete", "hubspot");

    MvcTestResult deleted =
        mvc.delete().uri("/api/v1/connections/" + id).with(tenant("t-delete")).exchange();

    assertThat(deleted).hasStatus(204);
    platforms.verify(
        deleteRequestedFor(
            urlPathMatching("/hubspot/api/oauth/v1/refresh-tokens/sandbox-hubspot-refresh")));
    assertThat((String) JsonPath.read(show("t-delete", id), "$.status")).isEqualTo("DELETED");
    assertThat(tokenRows(UUID.fromString(id))).isZero();
    MvcTestResult credentials =
        mvc.get()
            .uri("/internal/connections/" + id + "/webhook-credentials")
            .with(service())
            .exchange();
    assertThat(
            (String)
                JsonPath.read(
                    credentials.getResponse().getContentAsString(StandardCharsets.UTF_8),
                    "$.status"))
        .isEqualTo("DELETED");
    assertThat(
            mvc.post()
                .uri("/api/v1/connections/" + id + "/test")
                .with(tenant("t-delete"))
                .exchange())
        .hasStatus(409);
  }

  @Test
  void keepsEveryNewEndpointToItsOwnTenant() throws Exception {
    String id = connect("t-mine", "zoho");
    for (MvcTestResult other :
        List.of(
            mvc.post()
                .uri("/api/v1/connections/" + id + "/authorize")
                .with(tenant("t-other"))
                .exchange(),
            mvc.post()
                .uri("/api/v1/connections/" + id + "/test")
                .with(tenant("t-other"))
                .exchange(),
            mvc.delete().uri("/api/v1/connections/" + id).with(tenant("t-other")).exchange(),
            mvc.get().uri("/api/v1/connections/" + id).with(tenant("t-other")).exchange())) {
      assertThat(other).hasStatus(404);
    }
    assertThat((String) JsonPath.read(show("t-mine", id), "$.status")).isEqualTo("ACTIVE");
  }

  @Test
  void neverShowsLogsOrStoresATokenInPlainText(CapturedOutput output) throws Exception {
    String id = connect("t-secret", "salesforce");
    mvc.post().uri("/api/v1/connections/" + id + "/test").with(tenant("t-secret")).exchange();
    String shown = show("t-secret", id);
    String listed =
        mvc.get()
            .uri("/api/v1/connections")
            .with(tenant("t-secret"))
            .exchange()
            .getResponse()
            .getContentAsString();

    for (String token :
        List.of("sandbox-salesforce-access", "sandbox-salesforce-refresh", "secret-salesforce")) {
      assertThat(shown).doesNotContain(token);
      assertThat(listed).doesNotContain(token);
      assertThat(output.getAll()).doesNotContain(token);
      Long plain =
          jdbc.sql(
                  "SELECT count(*) FROM connection_tokens WHERE position(convert_to(:t, 'UTF8') in ciphertext) > 0"
                      + " OR position(convert_to(:t, 'UTF8') in wrapped_data_key) > 0")
              .param("t", token)
              .query(Long.class)
              .single();
      assertThat(plain).isZero();
    }
    Long states =
        jdbc.sql("SELECT count(*) FROM authorization_states WHERE length(state_hash) <> 64")
            .query(Long.class)
            .single();
    assertThat(states).isZero();
  }

  @Test
  void rewrapsEveryDataKeyUnderTheNewKeySoTheOldOneCanBeRemoved() throws Exception {
    String id = connect("t-kek", "shopify");
    String webhook = connect("t-kek", "pipedrive");
    String pending = JsonPath.read(createOAuth("t-kek", "salesforce"), "$.id");
    byte[] kek2 = new byte[32];
    java.util.Arrays.fill(kek2, (byte) 2);
    byte[] kek1 = Base64.getDecoder().decode("AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=");
    EnvelopeEncryption rotating =
        new EnvelopeEncryption(Map.of("kek-1", kek1, "kek-2", kek2), "kek-2");

    RewrapSecrets.Report report = new RewrapSecrets(jdbc, rotating, transactions).rewrap();

    assertThat(report.rewrapped()).isPositive();
    assertThat(report.remaining()).isZero();
    EnvelopeEncryption onlyNew = new EnvelopeEncryption(Map.of("kek-2", kek2), "kek-2");
    AccountTokens tokens = new AccountTokens(jdbc, onlyNew);
    assertThat(tokens.of(UUID.fromString(id)).orElseThrow().accessToken())
        .isEqualTo("shpat_sandbox_access");
    assertThat(tokens.of(UUID.fromString(webhook)).orElseThrow().refreshToken())
        .isEqualTo("sandbox-pipedrive-refresh");
    Connections readable = new Connections(jdbc, onlyNew);
    for (Connection c : readable.allOf("t-kek")) {
      readable.secretsOf(c).forEach(s -> assertThat(s.value()).isNotBlank());
    }
    Long verifiers =
        jdbc.sql(
                "SELECT count(*) FROM authorization_states WHERE connection_id = :id AND kek_id = 'kek-2'")
            .param("id", UUID.fromString(pending))
            .query(Long.class)
            .single();
    assertThat(verifiers).as("the PKCE verifier re-wrapped too").isEqualTo(1);
    assertThat(new AuthorizationStates(jdbc, onlyNew)).isNotNull();
    // Put the rows back under kek-1 for the other tests of this JVM.
    new RewrapSecrets(
            jdbc,
            new EnvelopeEncryption(Map.of("kek-1", kek1, "kek-2", kek2), "kek-1"),
            transactions)
        .rewrap();
  }

  // ---------------------------------------------------------------------------------------------
  // Refresh, platform by platform: our side of each platform's documented refresh (endpoint, grant,
  // client authentication, what the answer says of the refresh token and the expiry) and of its
  // documented refusal.

  @Autowired AccountSettings accountSettings;

  /**
   * One platform's documented refresh.
   *
   * @param path where the refresh goes (the deployment's token URL, or Clover's own endpoint)
   * @param request checks the exact request the platform gets
   * @param answer the platform's documented answer to it
   * @param refreshToken the refresh token stored after it: rotated, or the one we had kept
   * @param expiry the access token's expiry the answer means, from the time of the request (null:
   *     the platform does not say, Salesforce)
   * @param facts account facts the answer changes
   * @param refusal the platform's documented answer to a revoked refresh token: status and body
   * @param error the error the connection's health then names
   */
  record RefreshCase(
      String platform,
      String path,
      java.util.function.Consumer<LoggedRequest> request,
      String answer,
      String accessToken,
      String refreshToken,
      java.util.function.Function<Instant, Instant> expiry,
      Map<String, String> facts,
      int refusalStatus,
      String refusal,
      String error) {
    @Override
    public String toString() {
      return platform;
    }
  }

  private static java.util.function.Consumer<LoggedRequest> form(
      Map<String, String> fields, String basicAuth) {
    return r -> {
      assertThat(r.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
      assertThat(query(URI.create("x:/?" + r.getBodyAsString())))
          .containsExactlyInAnyOrderEntriesOf(fields);
      if (basicAuth == null) {
        assertThat(r.containsHeader("Authorization")).as("client_secret_post only").isFalse();
      } else {
        assertThat(r.getHeader("Authorization"))
            .isEqualTo(
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)));
      }
    };
  }

  private static java.util.function.Consumer<LoggedRequest> json(String exactly) {
    return r -> {
      assertThat(r.getHeader("Content-Type")).startsWith("application/json");
      assertThat(
              com.github.tomakehurst.wiremock.client.WireMock.equalToJson(exactly)
                  .match(r.getBodyAsString())
                  .isExactMatch())
          .as("exactly " + exactly + ", got " + r.getBodyAsString())
          .isTrue();
    };
  }

  private static Map<String, String> secretPost(String platform) {
    return Map.of(
        "grant_type", "refresh_token",
        "refresh_token", "sandbox-" + platform + "-refresh",
        "client_id", "client-" + platform,
        "client_secret", "secret-" + platform);
  }

  static List<RefreshCase> refreshCases() {
    return List.of(
        // POST /oauth/v1/token, form, client id and secret in the body; the same refresh token
        // back, 30 minutes; refused with 400 BAD_REFRESH_TOKEN (no RFC 6749 error field).
        new RefreshCase(
            "hubspot",
            "/hubspot/token",
            form(secretPost("hubspot"), null),
            "{\"token_type\":\"bearer\",\"refresh_token\":\"sandbox-hubspot-refresh\",\"access_token\":\"hubspot-access-r2\",\"expires_in\":1800}",
            "hubspot-access-r2",
            "sandbox-hubspot-refresh",
            at -> at.plusSeconds(1800),
            Map.of(),
            400,
            "{\"status\":\"BAD_REFRESH_TOKEN\",\"message\":\"missing or invalid refresh token\",\"correlationId\":\"aeb5f871-7f07-4993-9211-075dc63e7cbf\"}",
            "BAD_REFRESH_TOKEN"),
        // POST /services/oauth2/token, form with the secret; no refresh token (not rotated unless
        // the connected app enables rotation), no expiry, and the instance URL to use from now on.
        new RefreshCase(
            "salesforce",
            "/salesforce/token",
            form(secretPost("salesforce"), null),
            "{\"access_token\":\"salesforce-access-r2\",\"signature\":\"c2FuZGJveA==\",\"scope\":\"refresh_token api\","
                + "\"instance_url\":\"https://ledgerline-demo-moved.my.salesforce.com\","
                + "\"id\":\"https://login.salesforce.com/id/00D5g00000SANDBXEA/0055g00000SANDBXAAA\",\"token_type\":\"Bearer\",\"issued_at\":\"1764586800000\"}",
            "salesforce-access-r2",
            "sandbox-salesforce-refresh",
            at -> null,
            Map.of("instance_url", "https://ledgerline-demo-moved.my.salesforce.com"),
            400,
            "{\"error\":\"invalid_grant\",\"error_description\":\"expired access/refresh token\"}",
            "invalid_grant"),
        // POST oauth.pipedrive.com/oauth/token, HTTP Basic client authentication, only grant and
        // refresh token in the form; an hour, a new refresh token, the company's api_domain.
        new RefreshCase(
            "pipedrive",
            "/pipedrive/token",
            form(
                Map.of(
                    "grant_type", "refresh_token",
                    "refresh_token", "sandbox-pipedrive-refresh"),
                "client-pipedrive:secret-pipedrive"),
            "{\"access_token\":\"pipedrive-access-r2\",\"token_type\":\"Bearer\",\"expires_in\":3599,\"refresh_token\":\"pipedrive-refresh-r2\","
                + "\"scope\":\"deals:read\",\"api_domain\":\"https://ledgerline-demo.pipedrive.com\"}",
            "pipedrive-access-r2",
            "pipedrive-refresh-r2",
            at -> at.plusSeconds(3599),
            Map.of(),
            400,
            "{\"success\":false,\"message\":\"Invalid grant: refresh token is invalid\",\"error\":\"invalid_grant\"}",
            "invalid_grant"),
        // POST {accounts-server}/oauth/v2/token, the secret in the request; no refresh token back
        // (Zoho's never expires), an hour; a revoked one is a 200 with {"error":"invalid_code"}.
        new RefreshCase(
            "zoho",
            "/zoho/token",
            form(secretPost("zoho"), null),
            "{\"access_token\":\"zoho-access-r2\",\"scope\":\"ZohoCRM.modules.deals.READ\",\"api_domain\":\"https://www.zohoapis.eu\",\"token_type\":\"Bearer\",\"expires_in\":3600}",
            "zoho-access-r2",
            "sandbox-zoho-refresh",
            at -> at.plusSeconds(3600),
            Map.of("api_domain", "https://www.zohoapis.eu"),
            200,
            "{\"error\":\"invalid_code\"}",
            "invalid_code"),
        // POST /oauth2/token as JSON with the secret and grant_type; the code flow's refresh token
        // stays, the expiry is an ISO instant (30 days).
        new RefreshCase(
            "square",
            "/square/token",
            json(
                "{\"client_id\":\"client-square\",\"client_secret\":\"secret-square\",\"grant_type\":\"refresh_token\","
                    + "\"refresh_token\":\"sandbox-square-refresh\"}"),
            "{\"access_token\":\"square-access-r2\",\"token_type\":\"bearer\",\"expires_at\":\"2027-02-01T00:00:00Z\","
                + "\"merchant_id\":\"MLSANDBOX7SXQ4\",\"refresh_token\":\"sandbox-square-refresh\",\"short_lived\":false}",
            "square-access-r2",
            "sandbox-square-refresh",
            at -> Instant.parse("2027-02-01T00:00:00Z"),
            Map.of("merchant_id", "MLSANDBOX7SXQ4"),
            401,
            "{\"errors\":[{\"category\":\"AUTHENTICATION_ERROR\",\"code\":\"UNAUTHORIZED\",\"detail\":\"The refresh token has been revoked.\"}]}",
            "UNAUTHORIZED"),
        // POST https://<domain_prefix>.retail.lightspeed.app/api/1.0/token, form with the secret;
        // since March 2025 every refresh rotates the refresh token (the old one is revoked).
        new RefreshCase(
            "lightspeed",
            "/lightspeed/token",
            form(secretPost("lightspeed"), null),
            "{\"access_token\":\"lightspeed-access-r2\",\"token_type\":\"Bearer\",\"expires\":1896604800,\"expires_in\":604800,"
                + "\"refresh_token\":\"lightspeed-refresh-r2\",\"domain_prefix\":\"ledgerlinedemo\",\"scope\":\"\"}",
            "lightspeed-access-r2",
            "lightspeed-refresh-r2",
            at -> at.plusSeconds(604800),
            Map.of(),
            400,
            "{\"error\":\"invalid_grant\",\"error_description\":\"The refresh token is invalid.\"}",
            "invalid_grant"),
        // POST /oauth/v2/refresh as JSON with client id and refresh token only (no secret, no
        // grant_type); single-use refresh tokens, expiries as epoch seconds.
        new RefreshCase(
            "clover",
            "/clover/refresh",
            json("{\"client_id\":\"client-clover\",\"refresh_token\":\"sandbox-clover-refresh\"}"),
            "{\"access_token\":\"clover-access-r2\",\"access_token_expiration\":1896000000,\"refresh_token\":\"clover-refresh-r2\","
                + "\"refresh_token_expiration\":1927536000}",
            "clover-access-r2",
            "clover-refresh-r2",
            at -> Instant.ofEpochSecond(1896000000),
            Map.of(),
            401,
            "{\"message\":\"401 Unauthorized\"}",
            "http_401"));
  }

  private AccountTokens.Stored stored(String id) {
    return new AccountTokens(jdbc, encryption).of(UUID.fromString(id)).orElseThrow();
  }

  private List<LoggedRequest> refreshes(RefreshCase c) {
    return platforms.findAll(postRequestedFor(urlPathEqualTo(c.path()))).stream()
        .filter(r -> r.getBodyAsString().contains("refresh_token"))
        .filter(r -> !r.getBodyAsString().contains("authorization_code"))
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refreshCases")
  void refreshesEachPlatformAsItDocumentsAndARevokedGrantNeedsReauthorization(RefreshCase c)
      throws Exception {
    String id = connect("t-refresh-" + c.platform(), c.platform());
    AccountTokens.Stored issued = stored(id);
    assertThat(issued.refreshable()).isTrue();
    platforms.stubFor(
        post(urlPathEqualTo(c.path()))
            .atPriority(1)
            .withRequestBody(containing("refresh_token"))
            .willReturn(okJson(c.answer())));
    AccountJobs job = new AccountJobs(tokensRepository(), refresher, accountSettings, clock);

    Instant asked = clock.instant();
    if (c.expiry().apply(asked) == null) {
      // No expiry known: nothing to refresh ahead of; the first 401 refreshes.
      assertThat(issued.expiresAt()).isNull();
      assertThat(job.refreshExpiring()).isZero();
      assertThat(refresher.refresh(UUID.fromString(id), issued.accessToken()))
          .isEqualTo(c.accessToken());
    } else {
      // The token expires within the refresh-ahead window: the job refreshes it.
      assertThat(issued.expiresAt()).isNotNull();
      jdbc.sql("UPDATE connection_tokens SET expires_at = :at WHERE connection_id = :id")
          .param("at", java.sql.Timestamp.from(asked.plusSeconds(60)))
          .param("id", UUID.fromString(id))
          .update();
      assertThat(job.refreshExpiring()).isEqualTo(1);
    }

    List<LoggedRequest> sent = refreshes(c);
    assertThat(sent).as("one refresh request").hasSize(1);
    c.request().accept(sent.get(0));
    AccountTokens.Stored now = stored(id);
    assertThat(now.accessToken()).isEqualTo(c.accessToken());
    assertThat(now.refreshToken()).as("rotated, or kept").isEqualTo(c.refreshToken());
    Instant expected = c.expiry().apply(asked);
    if (expected == null) {
      assertThat(now.expiresAt()).isNull();
    } else {
      assertThat(now.expiresAt())
          .isCloseTo(expected, org.assertj.core.api.Assertions.within(Duration.ofSeconds(30)));
    }
    Connection connection = connections.findById(UUID.fromString(id)).orElseThrow();
    assertThat(connection.facts()).containsAllEntriesOf(c.facts());
    assertThat(connection.status()).isEqualTo(ConnectionStatus.ACTIVE);
    assertThat(job.refreshExpiring()).as("fresh: nothing more to do").isZero();

    // The grant is revoked: the next refresh is refused, once, and the connection waits for its
    // tenant to authorize again.
    platforms.stubFor(
        post(urlPathEqualTo(c.path()))
            .atPriority(1)
            .withRequestBody(containing("refresh_token"))
            .willReturn(
                aResponse()
                    .withStatus(c.refusalStatus())
                    .withHeader("Content-Type", "application/json")
                    .withBody(c.refusal())));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> refresher.refresh(UUID.fromString(id), c.accessToken()))
        .isInstanceOfSatisfying(
            io.ledgerline.platforms.http.PlatformCallFailed.class,
            e ->
                assertThat(e.kind())
                    .isEqualTo(io.ledgerline.platforms.http.PlatformCallFailed.Kind.UNAUTHORIZED));
    String shown = show("t-refresh-" + c.platform(), id);
    assertThat((String) JsonPath.read(shown, "$.status")).isEqualTo("NEEDS_REAUTHORIZATION");
    assertThat((String) JsonPath.read(shown, "$.health.lastError")).contains(c.error());
    jdbc.sql("UPDATE connection_tokens SET expires_at = :at WHERE connection_id = :id")
        .param("at", java.sql.Timestamp.from(clock.instant().plusSeconds(60)))
        .param("id", UUID.fromString(id))
        .update();
    assertThat(job.refreshExpiring()).as("the job leaves it alone").isZero();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> refresher.refresh(UUID.fromString(id), c.accessToken()))
        .isInstanceOf(io.ledgerline.platforms.http.PlatformCallFailed.class);
    assertThat(refreshes(c)).as("never a silent loop: one refused request").hasSize(2);
    assertThat(stored(id).refreshToken())
        .as("the refused grant is kept for the record, not replaced")
        .isEqualTo(c.refreshToken());
  }

  private AccountTokens tokensRepository() {
    return new AccountTokens(jdbc, encryption);
  }

  @Test
  void takesZohosThrottleAsNotNowAndTriesAgainLater() throws Exception {
    String id = connect("t-throttle", "zoho");
    platforms.stubFor(
        post(urlPathEqualTo("/zoho/token"))
            .atPriority(1)
            .withRequestBody(containing("grant_type=refresh_token"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json;charset=UTF-8")
                    .withBody(
                        "{\"error_description\":\"You have made too many requests continuously. Please try again after some time.\","
                            + "\"error\":\"Access Denied\",\"status\":\"failure\"}")));

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> refresher.refresh(UUID.fromString(id), "sandbox-zoho-access"))
        .isInstanceOfSatisfying(
            io.ledgerline.platforms.http.PlatformCallFailed.class,
            e ->
                assertThat(e.kind())
                    .isEqualTo(io.ledgerline.platforms.http.PlatformCallFailed.Kind.UNAVAILABLE));

    String shown = show("t-throttle", id);
    assertThat((String) JsonPath.read(shown, "$.status")).isEqualTo("ACTIVE");
    assertThat((String) JsonPath.read(shown, "$.health.lastError")).contains("Access Denied");
    platforms.resetToDefaultMappings();
    assertThat(refresher.refresh(UUID.fromString(id), "sandbox-zoho-access"))
        .as("asked again later, it works")
        .isEqualTo("sandbox-zoho-access-2");
  }

  @Test
  void neverRefreshesAShopifyOfflineTokenWhichDoesNotExpire() throws Exception {
    String id = connect("t-shopify-refresh", "shopify");
    AccountTokens.Stored issued = stored(id);
    assertThat(issued.refreshable()).isFalse();
    assertThat(issued.expiresAt()).isNull();
    Connection connection = connections.findById(UUID.fromString(id)).orElseThrow();

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> refresher.of(connection).afterRejection(issued.accessToken()))
        .isInstanceOfSatisfying(
            io.ledgerline.platforms.http.PlatformCallFailed.class,
            e ->
                assertThat(e.kind())
                    .isEqualTo(io.ledgerline.platforms.http.PlatformCallFailed.Kind.UNAUTHORIZED));
    assertThat(
            new AccountJobs(tokensRepository(), refresher, accountSettings, clock)
                .refreshExpiring())
        .isZero();
    assertThat(platforms.findAll(postRequestedFor(urlPathEqualTo("/shopify/token"))))
        .as("only the code exchange")
        .hasSize(1);
  }

  // ---------------------------------------------------------------------------------------------
  // The connection test, platform by platform, through the API.

  private static final Map<String, String> PROBES =
      Map.of(
          "hubspot", "/crm/v3/objects/deals?limit=1",
          "salesforce", "/services/data/v62.0/limits",
          "pipedrive", "/api/v1/deals?limit=1",
          "zoho", "/crm/v6/Deals?fields=Deal_Name&per_page=1",
          "square", "/v2/locations",
          "shopify", "/admin/api/2025-07/orders/count.json?status=any",
          "lightspeed", "/api/2.0/outlets",
          "clover", "/v3/merchants/SANDBOXMRCH01/orders?limit=1");

  static List<String> platformIds() {
    return PLATFORMS;
  }

  private static String accessToken(String platform) {
    return platform.equals("shopify") ? "shpat_sandbox_access" : "sandbox-" + platform + "-access";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("platformIds")
  void testsEachPlatformsConnectionAtItsCheapEndpointAndShowsTheOutcomeInItsHealth(String platform)
      throws Exception {
    String tenant = "t-probe-" + platform;
    String id = connect(tenant, platform);
    String probe = PROBES.get(platform);
    var probed =
        getRequestedFor(
            com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(
                "/" + platform + "/api" + probe));
    int connecting = platforms.findAll(probed).size(); // Lightspeed's identity call is the same

    MvcTestResult tested =
        mvc.post().uri("/api/v1/connections/" + id + "/test").with(tenant(tenant)).exchange();

    assertThat(tested).hasStatus(200);
    String body = tested.getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat((Boolean) JsonPath.read(body, "$.ok")).as(body).isTrue();
    assertThat((String) JsonPath.read(body, "$.endpoint")).isEqualTo("GET " + probe);
    assertThat((String) JsonPath.read(body, "$.found")).isNotBlank();
    assertThat(body).doesNotContain(accessToken(platform));
    List<LoggedRequest> calls = platforms.findAll(probed);
    assertThat(calls).as("the probe reached the platform").hasSize(connecting + 1);
    assertThat(
            calls.get(calls.size() - 1).getHeaders().all().stream()
                .anyMatch(
                    h -> h.values().stream().anyMatch(v -> v.endsWith(accessToken(platform)))))
        .as("with the connection's token")
        .isTrue();
    String before = JsonPath.read(show(tenant, id), "$.health.lastSuccessAt");
    assertThat(before).isNotNull();

    // The account took the read scope away: the test says so, the health shows it, the
    // connection stays (the tenant decides).
    platforms.stubFor(
        get(urlPathEqualTo("/" + platform + "/api" + probe.replaceAll("\\?.*", "")))
            .atPriority(1)
            .willReturn(aResponse().withStatus(403)));
    MvcTestResult refused =
        mvc.post().uri("/api/v1/connections/" + id + "/test").with(tenant(tenant)).exchange();
    String failed = refused.getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat((Boolean) JsonPath.read(failed, "$.ok")).isFalse();
    assertThat((String) JsonPath.read(failed, "$.error")).contains("403");
    String shown = show(tenant, id);
    assertThat((String) JsonPath.read(shown, "$.health.lastError")).contains("test failed");
    assertThat((String) JsonPath.read(shown, "$.status")).isEqualTo("ACTIVE");
  }

  // ---------------------------------------------------------------------------------------------
  // Webhooks registered by API on connecting, removed on deleting.

  /** Where each platform removes one registered webhook (from its id), as its API documents. */
  private static final Map<String, java.util.function.Function<String, String>> REMOVALS =
      Map.of(
          "pipedrive", id -> "/pipedrive/api/api/v1/webhooks/" + id,
          "zoho", id -> "/zoho/api/crm/v6/actions/watch?channel_ids=" + id,
          "shopify", id -> "/shopify/api/admin/api/2025-07/webhooks/" + id + ".json",
          "lightspeed", id -> "/lightspeed/api/api/webhooks/" + id);

  static List<String> registeringPlatforms() {
    return List.of("pipedrive", "zoho", "shopify", "lightspeed");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("registeringPlatforms")
  void removesTheWebhooksItRegisteredWhenTheConnectionIsDeleted(String platform) throws Exception {
    String tenant = "t-unregister-" + platform;
    String id = connect(tenant, platform);
    List<String> registered =
        connections.findById(UUID.fromString(id)).orElseThrow().registeredWebhooks();
    assertThat(registered).as("registered on connecting").isNotEmpty().doesNotHaveDuplicates();

    MvcTestResult deleted =
        mvc.delete().uri("/api/v1/connections/" + id).with(tenant(tenant)).exchange();

    assertThat(deleted).hasStatus(204);
    for (String webhook : registered) {
      platforms.verify(
          1,
          deleteRequestedFor(
              com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(
                  REMOVALS.get(platform).apply(webhook))));
    }
    assertThat((String) JsonPath.read(show(tenant, id), "$.status")).isEqualTo("DELETED");
  }

  @Test
  void deletesTheConnectionEvenWhenThePlatformCannotRemoveItsWebhooks(CapturedOutput output)
      throws Exception {
    String id = connect("t-unregister-down", "pipedrive");
    platforms.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.delete(
                urlPathMatching("/pipedrive/api/api/v1/webhooks/.*"))
            .atPriority(1)
            .willReturn(aResponse().withStatus(503)));

    assertThat(mvc.delete().uri("/api/v1/connections/" + id).with(tenant("t-unregister-down")))
        .hasStatus(204);

    assertThat((String) JsonPath.read(show("t-unregister-down", id), "$.status"))
        .isEqualTo("DELETED");
    assertThat(tokenRows(UUID.fromString(id))).isZero();
    assertThat(output.getAll()).contains("Removing webhooks of connection " + id + " failed");
  }

  @Test
  void registersASquarePersonalTokensSubscriptionKeepsItsSignatureKeyAndRemovesItOnDelete()
      throws Exception {
    platforms.stubFor(
        get(urlPathEqualTo("/square/api/v2/merchants/me"))
            .withHeader("Authorization", equalTo("Bearer EAAAl-personal-1"))
            .willReturn(
                okJson(
                    "{\"merchant\":{\"id\":\"MLPERSONAL01\",\"business_name\":\"Corner Bakery\",\"country\":\"US\","
                        + "\"language_code\":\"en-US\",\"currency\":\"USD\",\"status\":\"ACTIVE\"}}")));
    platforms.stubFor(
        post(urlPathEqualTo("/square/api/v2/webhooks/subscriptions"))
            .willReturn(
                okJson(
                    "{\"subscription\":{\"id\":\"wbhk_b35f6b3145074cf9ad513610786c19d5\",\"name\":\"Ledgerline\",\"enabled\":true,"
                        + "\"event_types\":[\"payment.updated\",\"refund.updated\",\"order.updated\"],"
                        + "\"notification_url\":\"https://hooks.ledgerline.test/webhooks/square/x\",\"api_version\":\"2025-10-16\","
                        + "\"signature_key\":\"1k9bIJKCeTmSQwyagtNRLg\",\"created_at\":\"2026-12-02 10:00:00 +0000 UTC\","
                        + "\"updated_at\":\"2026-12-02 10:00:00 +0000 UTC\"}}")));
    platforms.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.delete(
                urlPathEqualTo(
                    "/square/api/v2/webhooks/subscriptions/wbhk_b35f6b3145074cf9ad513610786c19d5"))
            .willReturn(okJson("{}")));

    MvcTestResult created = createToken("t-square-token", "square", "EAAAl-personal-1");

    assertThat(created).hasStatus(201);
    String body = created.getResponse().getContentAsString(StandardCharsets.UTF_8);
    String id = JsonPath.read(body, "$.id");
    assertThat((String) JsonPath.read(body, "$.status")).isEqualTo("ACTIVE");
    assertThat((String) JsonPath.read(body, "$.account.id")).isEqualTo("MLPERSONAL01");
    assertThat(body).doesNotContain("1k9bIJKCeTmSQwyagtNRLg", "EAAAl-personal-1");
    LoggedRequest subscribe =
        platforms
            .findAll(postRequestedFor(urlPathEqualTo("/square/api/v2/webhooks/subscriptions")))
            .get(0);
    assertThat(subscribe.getHeader("Authorization")).isEqualTo("Bearer EAAAl-personal-1");
    assertThat(subscribe.getHeader("Square-Version")).isNotBlank();
    String sent = subscribe.getBodyAsString();
    assertThat((String) JsonPath.read(sent, "$.subscription.notification_url"))
        .isEqualTo("https://hooks.ledgerline.test/webhooks/square/" + id);
    assertThat((List<String>) JsonPath.read(sent, "$.subscription.event_types"))
        .containsExactlyInAnyOrder("payment.updated", "refund.updated", "order.updated");
    assertThat((String) JsonPath.read(sent, "$.idempotency_key")).isNotBlank();
    // webhook-ingest verifies the subscription's notifications with the key Square issued.
    MvcTestResult credentials =
        mvc.get()
            .uri("/internal/connections/" + id + "/webhook-credentials")
            .with(service())
            .exchange();
    assertThat(
            (String)
                JsonPath.read(
                    credentials.getResponse().getContentAsString(StandardCharsets.UTF_8),
                    "$.secrets[0].value"))
        .isEqualTo("1k9bIJKCeTmSQwyagtNRLg");
    Long plain =
        jdbc.sql(
                "SELECT count(*) FROM connection_secrets WHERE position(convert_to('1k9bIJKCeTmSQwyagtNRLg', 'UTF8') in ciphertext) > 0")
            .query(Long.class)
            .single();
    assertThat(plain).as("the key is stored encrypted").isZero();

    assertThat(mvc.delete().uri("/api/v1/connections/" + id).with(tenant("t-square-token")))
        .hasStatus(204);

    platforms.verify(
        1,
        deleteRequestedFor(
                urlPathEqualTo(
                    "/square/api/v2/webhooks/subscriptions/wbhk_b35f6b3145074cf9ad513610786c19d5"))
            .withHeader("Authorization", equalTo("Bearer EAAAl-personal-1")));
    platforms.verify(0, postRequestedFor(urlPathEqualTo("/square/api/oauth2/revoke")));
  }

  @Test
  void registersNoSubscriptionForASquareOAuthConnectionTheAppsCoversIt() throws Exception {
    String id = connect("t-square-app", "square");

    platforms.verify(0, postRequestedFor(urlPathEqualTo("/square/api/v2/webhooks/subscriptions")));
    assertThat(connections.findById(UUID.fromString(id)).orElseThrow().registeredWebhooks())
        .isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // Zoho's notification channels expire: renewed before they do.

  @Autowired WebhookRenewals renewals;

  @Test
  void renewsAZohoChannelBeforeItExpiresOnceAndAgainAfterAFailure() throws Exception {
    String id = connect("t-renew", "zoho");
    UUID uuid = UUID.fromString(id);
    String channel = connections.findById(uuid).orElseThrow().settings().get("channelId");
    Instant registered = connections.webhooksExpiryOf(uuid).orElseThrow();
    assertThat(registered)
        .as("a week less an hour")
        .isCloseTo(
            clock.instant().plus(Duration.ofDays(7)).minus(Duration.ofHours(1)),
            org.assertj.core.api.Assertions.within(Duration.ofMinutes(1)));
    var renewal =
        com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor(
            urlPathEqualTo("/zoho/api/crm/v6/actions/watch"));

    assertThat(renewals.renewExpiring()).as("not due yet").isZero();
    platforms.verify(0, renewal);

    // Within a day of its expiry, and Zoho cannot be reached: the health says so, the channel
    // keeps its expiry and the next run tries again.
    clock.advance(Duration.ofDays(6).plusHours(1));
    platforms.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.patch(
                urlPathEqualTo("/zoho/api/crm/v6/actions/watch"))
            .atPriority(1)
            .willReturn(aResponse().withStatus(503)));
    assertThat(renewals.renewExpiring()).isZero();
    assertThat((String) JsonPath.read(show("t-renew", id), "$.health.lastError"))
        .contains("webhook renewal failed");
    assertThat(connections.webhooksExpiryOf(uuid)).contains(registered);

    platforms.resetToDefaultMappings();
    platforms.resetRequests();
    assertThat(renewals.renewExpiring()).isEqualTo(1);

    List<LoggedRequest> sent = platforms.findAll(renewal);
    assertThat(sent).hasSize(1);
    String body = sent.get(0).getBodyAsString();
    assertThat((String) JsonPath.read(body, "$.watch[0].channel_id")).isEqualTo(channel);
    assertThat((List<String>) JsonPath.read(body, "$.watch[0].events"))
        .containsExactly("Deals.all");
    Instant renewed = connections.webhooksExpiryOf(uuid).orElseThrow();
    assertThat(renewed)
        .isCloseTo(
            clock.instant().plus(Duration.ofDays(7)).minus(Duration.ofHours(1)),
            org.assertj.core.api.Assertions.within(Duration.ofMinutes(1)));
    assertThat(sent.get(0).getHeader("Authorization")).startsWith("Zoho-oauthtoken ");
    platforms.verify(0, postRequestedFor(urlPathEqualTo("/zoho/api/crm/v6/actions/watch")));
    assertThat(renewals.renewExpiring()).as("renewed: nothing more to do").isZero();
    assertThat(connections.findById(uuid).orElseThrow().status())
        .isEqualTo(ConnectionStatus.ACTIVE);

    // A deleted connection's channel is removed, never renewed.
    assertThat(mvc.delete().uri("/api/v1/connections/" + id).with(tenant("t-renew")))
        .hasStatus(204);
    clock.advance(Duration.ofDays(6).plusHours(1));
    assertThat(renewals.renewExpiring()).isZero();
    platforms.verify(1, renewal);
  }

  @Test
  void registersWebhooksThatDoNotExpireWithoutAnExpiry() throws Exception {
    String id = connect("t-renew-none", "pipedrive");

    assertThat(connections.webhooksExpiryOf(UUID.fromString(id))).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // Account tokens, platform by platform: checked against the platform before ACTIVE.

  /**
   * @param settings what a token connection of the platform names (its store, merchant, shop)
   * @param path the identity call's path under the platform's API
   * @param header where the platform wants the token, and its value for token {@code good}
   * @param answer the platform's documented answer for the good token
   * @param account the account id the connection then shows
   */
  record TokenCase(
      String platform,
      Map<String, String> settings,
      String path,
      String header,
      String value,
      String answer,
      String account) {
    @Override
    public String toString() {
      return platform;
    }
  }

  static List<TokenCase> tokenCases() {
    return List.of(
        new TokenCase(
            "pipedrive",
            Map.of(),
            "/pipedrive/api/api/v1/users/me",
            "x-api-token",
            "good-pipedrive-token",
            "{\"success\":true,\"data\":{\"id\":4512,\"name\":\"Ada\",\"company_id\":7431,\"company_name\":\"Token Co\",\"company_domain\":\"tokenco\"}}",
            "tokenco"),
        new TokenCase(
            "shopify",
            Map.of("shopDomain", "token-shop.myshopify.com"),
            "/shopify/api/admin/api/2025-07/shop.json",
            "X-Shopify-Access-Token",
            "good-shopify-token",
            "{\"shop\":{\"id\":548380009,\"name\":\"Token Shop\",\"myshopify_domain\":\"token-shop.myshopify.com\",\"currency\":\"EUR\"}}",
            "token-shop.myshopify.com"),
        new TokenCase(
            "lightspeed",
            Map.of("currency", "EUR", "domainPrefix", "tokenstore"),
            "/lightspeed/api/api/2.0/outlets",
            "Authorization",
            "Bearer good-lightspeed-token",
            "{\"data\":[{\"id\":\"0adfd74a-153e-11e9-fa42-67b5781ba1fb\",\"name\":\"Token Street\"}]}",
            "tokenstore"),
        new TokenCase(
            "clover",
            Map.of("merchantId", "TOKENMRCH0001"),
            "/clover/api/v3/merchants/TOKENMRCH0001",
            "Authorization",
            "Bearer good-clover-token",
            "{\"href\":\"https://api.clover.com/v3/merchants/TOKENMRCH0001\",\"id\":\"TOKENMRCH0001\",\"name\":\"Token Diner\"}",
            "TOKENMRCH0001"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tokenCases")
  void checksEachPlatformsAccountTokenBeforeTheConnectionIsActive(TokenCase c) throws Exception {
    String tenant = "t-token-" + c.platform();
    platforms.stubFor(
        get(urlPathEqualTo(c.path()))
            .atPriority(1)
            .withHeader(c.header(), equalTo(c.value()))
            .willReturn(okJson(c.answer())));
    platforms.stubFor(
        get(urlPathEqualTo(c.path())).atPriority(2).willReturn(aResponse().withStatus(401)));

    MvcTestResult bad = createToken(tenant, c.platform(), "bad-token", c.settings());
    assertThat(bad).hasStatus(400);
    assertThat(bad.getResponse().getContentAsString(StandardCharsets.UTF_8))
        .contains("token-rejected")
        .doesNotContain("bad-token");
    assertThat(
            jdbc.sql("SELECT count(*) FROM connections WHERE tenant_id = :t")
                .param("t", tenant)
                .query(Long.class)
                .single())
        .as("nothing stored for a refused token")
        .isZero();

    String good = c.value().replace("Bearer ", "");
    MvcTestResult created = createToken(tenant, c.platform(), good, c.settings());
    assertThat(created).hasStatus(201);
    String body = created.getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat((String) JsonPath.read(body, "$.status")).isEqualTo("ACTIVE");
    assertThat((String) JsonPath.read(body, "$.auth")).isEqualTo("token");
    assertThat((String) JsonPath.read(body, "$.account.id")).isEqualTo(c.account());
    assertThat(body).doesNotContain(good);
    String id = JsonPath.read(body, "$.id");
    AccountTokens.Stored stored = stored(id);
    assertThat(stored.accessToken()).isEqualTo(good);
    assertThat(stored.refreshable()).as("an account token is not refreshed").isFalse();
  }

  private MvcTestResult createToken(
      String tenantId, String platform, String token, Map<String, String> settings) {
    return mvc.post()
        .uri("/api/v1/connections")
        .with(tenant(tenantId))
        .contentType(MediaType.APPLICATION_JSON)
        .content(
            "{\"platform\": \""
                + platform
                + "\", \"name\": \"Account token\", \"auth\": \"token\", \"token\": \""
                + token
                + "\", \"settings\": "
                + json(settings)
                + "}")
        .exchange();
  }
}
