package io.ledgerline.platforms.oauth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.ledgerline.platforms.Platforms;
import io.ledgerline.platforms.http.AllowedHosts;
import io.ledgerline.platforms.http.PlatformHttp;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exact code-exchange and refresh requests each platform documents, and its answers read. */
class TokenEndpointTest {

  private static final WireMockServer platform = new WireMockServer(options().dynamicPort());
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final String REDIRECT = "https://gw.example.com/oauth/callback";

  private TokenEndpoint tokens;

  @BeforeAll
  static void start() {
    platform.start();
  }

  @AfterAll
  static void stop() {
    platform.stop();
  }

  @BeforeEach
  void reset() {
    platform.resetAll();
    tokens =
        new TokenEndpoint(
            PlatformHttp.builder(AllowedHosts.of(List.of("localhost"))).build(),
            Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static OAuth2App app(String platformId) {
    return new OAuth2App(
        "client-1",
        "secret-1",
        REDIRECT,
        List.of(),
        null,
        platform.baseUrl() + "/" + platformId + "/token");
  }

  private static OAuth2Spec spec(String id) {
    return Platforms.installed().get(id).oauth2();
  }

  private static Map<String, String> form(LoggedRequest request) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : request.getBodyAsString().split("&")) {
      String[] kv = pair.split("=", 2);
      form.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return form;
  }

  private static LoggedRequest only(String path) {
    List<LoggedRequest> requests = platform.findAll(postRequestedFor(urlEqualTo(path)));
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  @Test
  void exchangesAHubSpotCodeAsAFormWithTheSecretInTheBody() {
    platform.stubFor(
        post("/hubspot/token")
            .willReturn(
                okJson(
                    "{\"token_type\":\"bearer\",\"refresh_token\":\"r-1\",\"access_token\":\"a-1\",\"expires_in\":1800}")));

    Tokens issued = tokens.exchange(spec("hubspot"), app("hubspot"), "code-1", null, Map.of(), "c");

    LoggedRequest request = only("/hubspot/token");
    assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(form(request))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "grant_type", "authorization_code",
                "code", "code-1",
                "redirect_uri", REDIRECT,
                "client_id", "client-1",
                "client_secret", "secret-1"));
    assertThat(issued.accessToken()).isEqualTo("a-1");
    assertThat(issued.refreshToken()).isEqualTo("r-1");
    assertThat(issued.expiresAt()).isEqualTo(NOW.plusSeconds(1800));
    assertThat(issued.toString()).doesNotContain("a-1", "r-1");
  }

  @Test
  void exchangesASalesforceCodeWithItsPkceVerifierAndKeepsTheInstanceUrl() {
    platform.stubFor(
        post("/salesforce/token")
            .willReturn(
                okJson(
                    "{\"access_token\":\"a-1\",\"refresh_token\":\"r-1\",\"signature\":\"s\",\"scope\":\"refresh_token api\","
                        + "\"instance_url\":\"https://acme.my.salesforce.com\",\"id\":\"https://login.salesforce.com/id/00D5g000004ABCDEAA/0055g00000ABCDEAA\","
                        + "\"token_type\":\"Bearer\",\"issued_at\":\"1764583200000\"}")));

    Tokens issued =
        tokens.exchange(
            spec("salesforce"),
            app("salesforce"),
            "code-1",
            "verifier-0123456789012345678901234567890123456789",
            Map.of(),
            "c");

    assertThat(form(only("/salesforce/token")))
        .containsEntry("code_verifier", "verifier-0123456789012345678901234567890123456789")
        .containsEntry("grant_type", "authorization_code")
        .containsEntry("client_secret", "secret-1");
    assertThat(issued.expiresAt()).isNull();
    assertThat(issued.facts())
        .containsEntry("instance_url", "https://acme.my.salesforce.com")
        .containsKey("id");
  }

  @Test
  void authenticatesPipedrivesTokenRequestWithHttpBasic() {
    platform.stubFor(
        post("/pipedrive/token")
            .willReturn(
                okJson(
                    "{\"access_token\":\"a-1\",\"token_type\":\"Bearer\",\"expires_in\":3599,\"refresh_token\":\"r-1\","
                        + "\"scope\":\"deals:read\",\"api_domain\":\"https://acme.pipedrive.com\"}")));

    Tokens issued =
        tokens.exchange(spec("pipedrive"), app("pipedrive"), "code-1", null, Map.of(), "c");

    LoggedRequest request = only("/pipedrive/token");
    assertThat(request.getHeader("Authorization"))
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString("client-1:secret-1".getBytes(StandardCharsets.UTF_8)));
    assertThat(form(request))
        .containsEntry("grant_type", "authorization_code")
        .containsEntry("code", "code-1")
        .containsEntry("redirect_uri", REDIRECT)
        .doesNotContainKey("client_secret");
    assertThat(issued.facts()).containsEntry("api_domain", "https://acme.pipedrive.com");
  }

  @Test
  void exchangesAZohoCodeAtTheAccountsServerTheCallbackNamed() {
    platform.stubFor(
        post("/eu/oauth/v2/token")
            .willReturn(
                okJson(
                    "{\"access_token\":\"a-1\",\"refresh_token\":\"r-1\",\"api_domain\":\"https://www.zohoapis.eu\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
    OAuth2App noOverride = new OAuth2App("client-1", "secret-1", REDIRECT, List.of(), null, null);

    Tokens issued =
        tokens.exchange(
            spec("zoho"),
            noOverride,
            "code-1",
            null,
            Map.of("accounts-server", platform.baseUrl() + "/eu"),
            "c");

    assertThat(form(only("/eu/oauth/v2/token")))
        .containsEntry("client_id", "client-1")
        .containsEntry("client_secret", "secret-1")
        .containsEntry("grant_type", "authorization_code");
    assertThat(issued.facts()).containsEntry("api_domain", "https://www.zohoapis.eu");
  }

  @Test
  void refusesAnAccountsServerThatIsNotAConfiguredHost() {
    OAuth2App noOverride = new OAuth2App("client-1", "secret-1", REDIRECT, List.of(), null, null);

    assertThatThrownBy(
            () ->
                tokens.exchange(
                    spec("zoho"),
                    noOverride,
                    "code-1",
                    null,
                    Map.of("accounts-server", "https://accounts.evil.example"),
                    "c"))
        .isInstanceOf(io.ledgerline.platforms.http.PlatformCallFailed.class);
  }

  @Test
  void exchangesASquareCodeAsJsonAndReadsItsIsoExpiry() {
    platform.stubFor(
        post("/square/token")
            .willReturn(
                okJson(
                    "{\"access_token\":\"a-1\",\"token_type\":\"bearer\",\"expires_at\":\"2026-12-31T10:00:00Z\","
                        + "\"merchant_id\":\"MLQW6E3P7SXQ4\",\"refresh_token\":\"r-1\",\"short_lived\":false}")));

    Tokens issued = tokens.exchange(spec("square"), app("square"), "code-1", null, Map.of(), "c");

    platform.verify(
        postRequestedFor(urlEqualTo("/square/token"))
            .withHeader("Content-Type", containing("application/json"))
            .withRequestBody(
                equalToJson(
                    "{\"client_id\":\"client-1\",\"client_secret\":\"secret-1\",\"grant_type\":\"authorization_code\","
                        + "\"redirect_uri\":\""
                        + REDIRECT
                        + "\",\"code\":\"code-1\"}")));
    assertThat(issued.expiresAt()).isEqualTo(Instant.parse("2026-12-31T10:00:00Z"));
    assertThat(issued.facts()).containsEntry("merchant_id", "MLQW6E3P7SXQ4");
  }

  @Test
  void exchangesAShopifyCodeAtTheShopsAdmin() {
    platform.stubFor(
        post("/shopify/token")
            .willReturn(okJson("{\"access_token\":\"shpat-1\",\"scope\":\"read_orders\"}")));

    Tokens issued = tokens.exchange(spec("shopify"), app("shopify"), "code-1", null, Map.of(), "c");

    assertThat(form(only("/shopify/token")))
        .containsEntry("client_id", "client-1")
        .containsEntry("client_secret", "secret-1")
        .containsEntry("code", "code-1");
    assertThat(issued.refreshToken()).isNull();
    assertThat(issued.expiresAt()).isNull();
  }

  @Test
  void exchangesALightspeedCodeAtTheStoreTheCallbackNamed() {
    platform.stubFor(
        post("/acme/api/1.0/token")
            .willReturn(
                okJson(
                    "{\"access_token\":\"a-1\",\"token_type\":\"Bearer\",\"expires\":1765188000,\"expires_in\":604800,"
                        + "\"refresh_token\":\"r-1\",\"domain_prefix\":\"acme\",\"scope\":\"\"}")));
    OAuth2App noOverride = new OAuth2App("client-1", "secret-1", REDIRECT, List.of(), null, null);
    OAuth2Spec lightspeed = spec("lightspeed");
    // The store's host from the callback's domain_prefix; here the test server stands in for it.
    OAuth2App store =
        new OAuth2App(
            "client-1",
            "secret-1",
            REDIRECT,
            List.of(),
            null,
            platform.baseUrl() + "/{domain_prefix}/api/1.0/token");

    assertThat(lightspeed.tokenUrlFor(noOverride, Map.of("domain_prefix", "acme")))
        .isEqualTo("https://acme.retail.lightspeed.app/api/1.0/token");
    Tokens issued =
        tokens.exchange(lightspeed, store, "code-1", null, Map.of("domain_prefix", "acme"), "c");

    LoggedRequest request = only("/acme/api/1.0/token");
    assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(form(request))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "grant_type", "authorization_code",
                "code", "code-1",
                "redirect_uri", REDIRECT,
                "client_id", "client-1",
                "client_secret", "secret-1"));
    assertThat(issued.facts()).containsEntry("domain_prefix", "acme");
    assertThat(issued.expiresAt()).isEqualTo(NOW.plusSeconds(604800));
  }

  @Test
  void exchangesALightspeedCodeAndRotatesItsRefreshToken() {
    platform.stubFor(
        post("/lightspeed/token")
            .willReturn(
                okJson(
                    "{\"access_token\":\"a-2\",\"token_type\":\"Bearer\",\"expires\":1765188000,\"expires_in\":604800,"
                        + "\"refresh_token\":\"r-2\",\"domain_prefix\":\"acme\",\"scope\":\"\"}")));

    Tokens refreshed = tokens.refresh(spec("lightspeed"), app("lightspeed"), "r-1", Map.of(), "c");

    assertThat(form(only("/lightspeed/token")))
        .containsEntry("grant_type", "refresh_token")
        .containsEntry("refresh_token", "r-1")
        .containsEntry("client_id", "client-1")
        .containsEntry("client_secret", "secret-1");
    assertThat(refreshed.refreshToken()).isEqualTo("r-2");
    assertThat(refreshed.expiresAt()).isEqualTo(NOW.plusSeconds(604800));
  }

  @Test
  void exchangesACloverCodeAsJsonWithoutGrantTypeAndRefreshesAtItsOwnEndpoint() {
    platform.stubFor(
        post("/clover/token")
            .willReturn(
                okJson(
                    "{\"access_token\":\"a-1\",\"access_token_expiration\":1764585000,\"refresh_token\":\"r-1\",\"refresh_token_expiration\":1796121000}")));
    platform.stubFor(
        post("/clover/refresh")
            .willReturn(
                okJson(
                    "{\"access_token\":\"a-2\",\"access_token_expiration\":1764586800,\"refresh_token\":\"r-2\",\"refresh_token_expiration\":1796122800}")));

    Tokens issued = tokens.exchange(spec("clover"), app("clover"), "code-1", null, Map.of(), "c");
    Tokens refreshed = tokens.refresh(spec("clover"), app("clover"), "r-1", Map.of(), "c");

    platform.verify(
        postRequestedFor(urlEqualTo("/clover/token"))
            .withRequestBody(
                equalToJson(
                    "{\"client_id\":\"client-1\",\"client_secret\":\"secret-1\",\"code\":\"code-1\"}")));
    platform.verify(
        postRequestedFor(urlEqualTo("/clover/refresh"))
            .withRequestBody(
                equalToJson("{\"client_id\":\"client-1\",\"refresh_token\":\"r-1\"}")));
    assertThat(issued.expiresAt()).isEqualTo(Instant.ofEpochSecond(1764585000));
    assertThat(refreshed.refreshToken()).isEqualTo("r-2");
  }

  @Test
  void saysWhyARefreshWasRefusedWithoutRepeatingAnyToken() {
    platform.stubFor(
        post("/hubspot/token")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"status\":\"BAD_REFRESH_TOKEN\",\"message\":\"missing or invalid refresh token r-1\",\"error\":\"invalid_grant\"}")));
    platform.stubFor(
        post("/square/token")
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"errors\":[{\"category\":\"AUTHENTICATION_ERROR\",\"code\":\"UNAUTHORIZED\",\"detail\":\"r-1\"}]}")));

    assertThatThrownBy(() -> tokens.refresh(spec("hubspot"), app("hubspot"), "r-1", Map.of(), "c"))
        .isInstanceOfSatisfying(
            TokenRefused.class,
            e -> {
              assertThat(e.error()).isEqualTo("invalid_grant");
              assertThat(e.isFinal()).isTrue();
              assertThat(e.getMessage()).doesNotContain("r-1");
            });
    assertThatThrownBy(() -> tokens.refresh(spec("square"), app("square"), "r-1", Map.of(), "c"))
        .isInstanceOfSatisfying(
            TokenRefused.class, e -> assertThat(e.error()).isEqualTo("UNAUTHORIZED"));
    platform.verify(
        postRequestedFor(urlEqualTo("/hubspot/token"))
            .withRequestBody(containing("grant_type=refresh_token"))
            .withRequestBody(containing("refresh_token=r-1")));
    assertThat(
            platform
                .findAll(postRequestedFor(urlEqualTo("/square/token")))
                .get(0)
                .getHeader("Content-Type"))
        .contains("application/json");
    platform.verify(
        postRequestedFor(urlEqualTo("/square/token"))
            .withRequestBody(
                equalToJson(
                    "{\"client_id\":\"client-1\",\"client_secret\":\"secret-1\",\"grant_type\":\"refresh_token\",\"refresh_token\":\"r-1\"}")));
  }

  @Test
  void takesZohosRefusalInA200AsFinalAndItsThrottleAsPassing() {
    OAuth2App zoho = app("zoho");
    // Zoho answers a revoked or unknown refresh token with 200 and an error, no access token.
    platform.stubFor(
        post("/zoho/token")
            .withRequestBody(containing("refresh_token=r-revoked"))
            .willReturn(okJson("{\"error\":\"invalid_code\"}")));
    // ... and more than ten refreshes in ten minutes with a 400 that is no verdict on the grant.
    platform.stubFor(
        post("/zoho/token")
            .withRequestBody(containing("refresh_token=r-busy"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json;charset=UTF-8")
                    .withBody(
                        "{\"error_description\":\"You have made too many requests continuously. Please try again after some time.\",\"error\":\"Access Denied\",\"status\":\"failure\"}")));

    platform.stubFor(
        post("/hubspot/token")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":\"Access Denied\"}")));

    Map<String, String> values = Map.of("accounts-server", platform.baseUrl());
    assertThatThrownBy(() -> tokens.refresh(spec("zoho"), zoho, "r-revoked", values, "c"))
        .isInstanceOfSatisfying(
            TokenRefused.class,
            e -> {
              assertThat(e.error()).isEqualTo("invalid_code");
              assertThat(e.isFinal()).as("re-authorize").isTrue();
            });
    assertThatThrownBy(() -> tokens.refresh(spec("zoho"), zoho, "r-busy", values, "c"))
        .isInstanceOfSatisfying(
            TokenRefused.class,
            e -> {
              assertThat(e.error()).isEqualTo("Access Denied");
              assertThat(e.isFinal()).as("throttled: try again later").isFalse();
            });
    assertThatThrownBy(() -> tokens.refresh(spec("hubspot"), app("hubspot"), "r-busy", values, "c"))
        .as("the same error from another platform is a 400 like any other")
        .isInstanceOfSatisfying(TokenRefused.class, e -> assertThat(e.isFinal()).isTrue());
  }

  @Test
  void namesHubSpotsRefusalByItsStatusField() {
    platform.stubFor(
        post("/hubspot/token")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"status\":\"BAD_REFRESH_TOKEN\",\"message\":\"missing or invalid refresh token\",\"correlationId\":\"aeb5f871-7f07-4993-9211-075dc63e7cbf\"}")));

    assertThatThrownBy(() -> tokens.refresh(spec("hubspot"), app("hubspot"), "r-1", Map.of(), "c"))
        .isInstanceOfSatisfying(
            TokenRefused.class,
            e -> {
              assertThat(e.error()).isEqualTo("BAD_REFRESH_TOKEN");
              assertThat(e.isFinal()).isTrue();
            });
  }

  @Test
  void checksShopifysSignatureOnTheCallbackAndThatItIsTheConnectionsShop() throws Exception {
    CallbackCheck check = spec("shopify").callbackCheck();
    OAuth2App app = app("shopify");
    Map<String, String> query = new LinkedHashMap<>();
    query.put("code", "0907a61c0c8d55e99db179b68161bc00");
    query.put("shop", "acme.myshopify.com");
    query.put("state", "s-1");
    query.put("timestamp", "1337178173");
    // printf
    // 'code=0907a61c0c8d55e99db179b68161bc00&shop=acme.myshopify.com&state=s-1&timestamp=1337178173' | openssl dgst -sha256 -hmac secret-1
    String hmac =
        hex(
            "code=0907a61c0c8d55e99db179b68161bc00&shop=acme.myshopify.com&state=s-1&timestamp=1337178173");
    query.put("hmac", hmac);
    Map<String, String> settings = Map.of("shopDomain", "acme.myshopify.com");

    check.check(query, app, settings);

    Map<String, String> tampered = new LinkedHashMap<>(query);
    tampered.put("code", "another");
    assertThatThrownBy(() -> check.check(tampered, app, settings))
        .isInstanceOf(InvalidCallback.class);
    assertThatThrownBy(() -> check.check(query, app, Map.of("shopDomain", "other.myshopify.com")))
        .isInstanceOf(InvalidCallback.class);
    Map<String, String> unsigned = new LinkedHashMap<>(query);
    unsigned.remove("hmac");
    assertThatThrownBy(() -> check.check(unsigned, app, settings))
        .isInstanceOf(InvalidCallback.class);
  }

  private static String hex(String message) throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(
        new javax.crypto.spec.SecretKeySpec(
            "secret-1".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return java.util.HexFormat.of()
        .formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void usesTheSandboxHostsWhenAConnectionAsksForThem() {
    OAuth2App noOverride = new OAuth2App("client-1", "secret-1", REDIRECT, List.of(), null, null);
    Map<String, String> sandbox = Map.of(OAuth2Spec.ENVIRONMENT, OAuth2Spec.SANDBOX);

    assertThat(spec("square").tokenUrlFor(noOverride, sandbox))
        .isEqualTo("https://connect.squareupsandbox.com/oauth2/token");
    assertThat(spec("salesforce").authorizeUrlFor(noOverride, sandbox))
        .isEqualTo("https://test.salesforce.com/services/oauth2/authorize");
    assertThat(spec("clover").refreshUrlFor(noOverride, sandbox))
        .isEqualTo("https://apisandbox.dev.clover.com/oauth/v2/refresh");
    assertThat(spec("clover").tokenUrlFor(noOverride, Map.of()))
        .isEqualTo("https://api.clover.com/oauth/v2/token");
    assertThat(spec("square").tokenUrlFor(app("square"), sandbox))
        .as("an override wins for every account")
        .isEqualTo(platform.baseUrl() + "/square/token");
  }
}
