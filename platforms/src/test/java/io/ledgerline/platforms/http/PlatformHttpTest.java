package io.ledgerline.platforms.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlatformHttpTest {

  private static final WireMockServer platform = new WireMockServer(options().dynamicPort());

  private PlatformHttp http;

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
    http =
        PlatformHttp.builder(AllowedHosts.of(List.of("localhost")))
            .backoff(Duration.ofMillis(1), Duration.ofMillis(5))
            .timeout(Duration.ofMillis(500))
            .build();
  }

  private static URI url(String path) {
    return URI.create(platform.baseUrl() + path);
  }

  @Test
  void neverCallsAHostThatIsNotConfigured() {
    PlatformHttp strict = PlatformHttp.builder(AllowedHosts.of(List.of("api.hubapi.com"))).build();

    assertThatThrownBy(() -> strict.send(PlatformRequest.get(url("/x")).build()))
        .isInstanceOfSatisfying(
            PlatformCallFailed.class,
            e -> assertThat(e.kind()).isEqualTo(PlatformCallFailed.Kind.HOST_NOT_ALLOWED));
    assertThat(platform.getAllServeEvents()).isEmpty();
    assertThat(
            AllowedHosts.of(List.of("*.myshopify.com"))
                .allows(URI.create("https://acme.myshopify.com/a")))
        .isTrue();
    assertThat(
            AllowedHosts.of(List.of("*.myshopify.com"))
                .allows(URI.create("https://myshopify.com.evil.io/a")))
        .isFalse();
    assertThat(
            AllowedHosts.of(List.of("api.hubapi.com"))
                .allows(URI.create("https://api.hubapi.com:8443/a")))
        .isFalse();
  }

  @Test
  void sendsTheTokenWhereThePlatformWantsIt() {
    platform.stubFor(get("/me").willReturn(ok("{\"ok\":true}")));

    PlatformResponse bearer =
        http.send(
            PlatformRequest.get(url("/me"))
                .auth(AccessTokens.fixed("t-1"), TokenPlacement.bearer())
                .build());
    http.send(
        PlatformRequest.get(url("/me"))
            .auth(AccessTokens.fixed("t-2"), TokenPlacement.header("X-Shopify-Access-Token"))
            .build());
    http.send(
        PlatformRequest.get(url("/me"))
            .auth(AccessTokens.fixed("t-3"), TokenPlacement.authorization("Zoho-oauthtoken"))
            .build());

    assertThat(bearer.json().get("ok").asBoolean()).isTrue();
    platform.verify(
        getRequestedFor(urlEqualTo("/me")).withHeader("Authorization", equalTo("Bearer t-1")));
    platform.verify(
        getRequestedFor(urlEqualTo("/me")).withHeader("X-Shopify-Access-Token", equalTo("t-2")));
    platform.verify(
        getRequestedFor(urlEqualTo("/me"))
            .withHeader("Authorization", equalTo("Zoho-oauthtoken t-3")));
  }

  @Test
  void asksForAFreshTokenOnceOnA401AndNeverLoops() {
    platform.stubFor(
        get("/me")
            .withHeader("Authorization", equalTo("Bearer old"))
            .willReturn(aResponse().withStatus(401)));
    platform.stubFor(
        get("/me").withHeader("Authorization", equalTo("Bearer new")).willReturn(ok("{}")));
    platform.stubFor(get("/always").willReturn(aResponse().withStatus(401)));
    AtomicInteger refreshes = new AtomicInteger();
    AccessTokens tokens =
        new AccessTokens() {
          @Override
          public String current() {
            return "old";
          }

          @Override
          public String afterRejection(String rejected) {
            assertThat(rejected).isEqualTo("old");
            refreshes.incrementAndGet();
            return "new";
          }
        };

    PlatformResponse ok =
        http.send(PlatformRequest.get(url("/me")).auth(tokens, TokenPlacement.bearer()).build());
    PlatformResponse refused =
        http.send(
            PlatformRequest.get(url("/always")).auth(tokens, TokenPlacement.bearer()).build());

    assertThat(ok.status()).isEqualTo(200);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refreshes).hasValue(2);
    platform.verify(2, getRequestedFor(urlEqualTo("/always")));
    assertThatThrownBy(refused::requireSuccess)
        .isInstanceOfSatisfying(
            PlatformCallFailed.class,
            e -> assertThat(e.kind()).isEqualTo(PlatformCallFailed.Kind.UNAUTHORIZED));
  }

  @Test
  void waitsTheRetryAfterOfA429ThenTriesAgain() {
    platform.stubFor(
        get("/deals")
            .inScenario("limit")
            .whenScenarioStateIs(STARTED)
            .willSetStateTo("open")
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
    platform.stubFor(
        get("/deals").inScenario("limit").whenScenarioStateIs("open").willReturn(ok("{}")));

    long started = System.nanoTime();
    PlatformResponse response = http.send(PlatformRequest.get(url("/deals")).budget("c-1").build());

    assertThat(response.status()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    platform.verify(2, getRequestedFor(urlEqualTo("/deals")));
  }

  @Test
  void returnsA429WhoseRetryAfterIsTooLongInsteadOfWaiting() {
    platform.stubFor(
        get("/deals").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

    PlatformResponse response = http.send(PlatformRequest.get(url("/deals")).build());

    assertThat(response.status()).isEqualTo(429);
    platform.verify(1, getRequestedFor(urlEqualTo("/deals")));
  }

  @Test
  void retriesServerErrorsOfRetryableCallsOnly() {
    platform.stubFor(
        get("/flaky")
            .inScenario("flaky")
            .whenScenarioStateIs(STARTED)
            .willSetStateTo("once")
            .willReturn(aResponse().withStatus(503)));
    platform.stubFor(
        get("/flaky")
            .inScenario("flaky")
            .whenScenarioStateIs("once")
            .willSetStateTo("twice")
            .willReturn(aResponse().withStatus(502)));
    platform.stubFor(
        get("/flaky").inScenario("flaky").whenScenarioStateIs("twice").willReturn(ok("{}")));
    platform.stubFor(post("/token").willReturn(aResponse().withStatus(500)));
    platform.stubFor(get("/down").willReturn(aResponse().withStatus(500)));

    assertThat(http.send(PlatformRequest.get(url("/flaky")).build()).status()).isEqualTo(200);
    assertThat(
            http.send(PlatformRequest.post(url("/token")).form(Map.of("a", "b")).build()).status())
        .isEqualTo(500);
    assertThat(http.send(PlatformRequest.get(url("/down")).build()).status()).isEqualTo(500);

    platform.verify(3, getRequestedFor(urlEqualTo("/flaky")));
    platform.verify(1, postRequestedFor(urlEqualTo("/token")));
    platform.verify(4, getRequestedFor(urlEqualTo("/down")));
  }

  @Test
  void retriesATimeoutThenSaysThePlatformIsUnavailable() throws Exception {
    platform.stubFor(get("/slow").willReturn(ok("{}").withFixedDelay(1500)));

    assertThatThrownBy(() -> http.send(PlatformRequest.get(url("/slow")).build()))
        .isInstanceOfSatisfying(
            PlatformCallFailed.class,
            e -> assertThat(e.kind()).isEqualTo(PlatformCallFailed.Kind.UNAVAILABLE));
    platform.verify(4, getRequestedFor(urlEqualTo("/slow")));

    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    URI nowhere = URI.create("http://localhost:" + closed + "/x");
    assertThatThrownBy(() -> http.send(PlatformRequest.post(nowhere).build()))
        .isInstanceOfSatisfying(
            PlatformCallFailed.class,
            e -> assertThat(e.kind()).isEqualTo(PlatformCallFailed.Kind.UNAVAILABLE));
  }

  @Test
  void spendsEachConnectionsOwnRateBudget() {
    platform.stubFor(get("/x").willReturn(ok("{}")));
    PlatformHttp budgeted =
        PlatformHttp.builder(AllowedHosts.of(List.of("localhost")))
            .rateBudget(2, Duration.ofMinutes(1), Duration.ZERO)
            .build();

    budgeted.send(PlatformRequest.get(url("/x")).budget("c-1").build());
    budgeted.send(PlatformRequest.get(url("/x")).budget("c-1").build());

    assertThatThrownBy(() -> budgeted.send(PlatformRequest.get(url("/x")).budget("c-1").build()))
        .isInstanceOfSatisfying(
            PlatformCallFailed.class,
            e -> assertThat(e.kind()).isEqualTo(PlatformCallFailed.Kind.RATE_LIMITED));
    assertThat(budgeted.send(PlatformRequest.get(url("/x")).budget("c-2").build()).status())
        .isEqualTo(200);
    platform.verify(3, getRequestedFor(urlEqualTo("/x")));
  }

  @Test
  void showsNoCredentialInItsDescriptions() {
    PlatformRequest request =
        PlatformRequest.get(URI.create("https://api.example.com/v1/me?api_token=s3cret"))
            .header("Authorization", "Bearer s3cret")
            .auth(AccessTokens.fixed("s3cret"), TokenPlacement.bearer())
            .build();
    PlatformResponse response =
        new PlatformResponse(200, Map.of(), "{\"access_token\":\"s3cret\"}".getBytes());

    assertThat(request.toString()).doesNotContain("s3cret").contains("api.example.com/v1/me");
    assertThat(response.toString()).doesNotContain("s3cret");
    assertThat(AccessTokens.fixed("s3cret").toString()).doesNotContain("s3cret");
  }
}
