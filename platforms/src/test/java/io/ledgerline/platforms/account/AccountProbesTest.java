package io.ledgerline.platforms.account;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.ledgerline.platforms.Platforms;
import io.ledgerline.platforms.http.AccessTokens;
import io.ledgerline.platforms.http.AllowedHosts;
import io.ledgerline.platforms.http.PlatformCallFailed;
import io.ledgerline.platforms.http.PlatformHttp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each platform's connection test ({@link AccountApi#test}): the cheap documented endpoint it calls
 * (one record of the kind fetching reads, so it proves the token and the read scope together), with
 * the token where the platform wants it and its version header, what it says it found, and what a
 * refused token and a missing scope become. Against WireMock answering with each platform's
 * documented shapes.
 */
class AccountProbesTest {

  private static final WireMockServer platform = new WireMockServer(options().dynamicPort());

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
  }

  /**
   * @param oauth whether the connection is an OAuth one (the token placement may differ)
   * @param settings the connection's settings and facts its test call reads
   * @param url the exact path and query called
   * @param header the header the token goes in, and its exact value for token {@code t-1}
   * @param extra a further header the platform requires (its API version), or null
   * @param answer the platform's documented answer
   * @param found what the probe says, for people
   */
  record Probed(
      String platform,
      boolean oauth,
      Map<String, String> settings,
      Map<String, String> facts,
      String url,
      String header,
      String value,
      String extra,
      String answer,
      String found) {
    @Override
    public String toString() {
      return platform;
    }
  }

  static List<Probed> probes() {
    return List.of(
        new Probed(
            "hubspot",
            true,
            Map.of(),
            Map.of(),
            "/crm/v3/objects/deals?limit=1",
            "Authorization",
            "Bearer t-1",
            null,
            "{\"results\":[{\"id\":\"1001\",\"properties\":{\"dealname\":\"Acme\"},\"archived\":false}],"
                + "\"paging\":{\"next\":{\"after\":\"1002\"}}}",
            "deals are readable (first: 1001)"),
        new Probed(
            "salesforce",
            true,
            Map.of(),
            Map.of("instance_url", "https://acme.my.salesforce.com"),
            "/services/data/v62.0/limits",
            "Authorization",
            "Bearer t-1",
            null,
            "{\"DailyApiRequests\":{\"Max\":15000,\"Remaining\":14998},\"DailyBulkApiBatches\":{\"Max\":15000,\"Remaining\":15000}}",
            "daily API requests remaining: 14998 of 15000"),
        new Probed(
            "pipedrive",
            false,
            Map.of(),
            Map.of(),
            "/api/v1/deals?limit=1",
            "x-api-token",
            "t-1",
            null,
            "{\"success\":true,\"data\":[{\"id\":1,\"title\":\"Acme deal\",\"status\":\"won\"}],"
                + "\"additional_data\":{\"pagination\":{\"start\":0,\"limit\":1,\"more_items_in_collection\":true}}}",
            "deals are readable (first: Acme deal)"),
        new Probed(
            "zoho",
            true,
            Map.of(),
            Map.of("api_domain", "https://www.zohoapis.eu"),
            "/crm/v6/Deals?fields=Deal_Name&per_page=1",
            "Authorization",
            "Zoho-oauthtoken t-1",
            null,
            "{\"data\":[{\"Deal_Name\":\"Acme renewal\",\"id\":\"5725767000000411001\"}],"
                + "\"info\":{\"per_page\":1,\"count\":1,\"page\":1,\"more_records\":true}}",
            "deals are readable (first: Acme renewal)"),
        new Probed(
            "square",
            true,
            Map.of(),
            Map.of(),
            "/v2/locations",
            "Authorization",
            "Bearer t-1",
            "Square-Version",
            "{\"locations\":[{\"id\":\"L1\",\"name\":\"Cafe\",\"status\":\"ACTIVE\",\"merchant_id\":\"MLQW6E3P7SXQ4\"},"
                + "{\"id\":\"L2\",\"name\":\"Kiosk\",\"status\":\"ACTIVE\",\"merchant_id\":\"MLQW6E3P7SXQ4\"}]}",
            "2 location(s) visible"),
        new Probed(
            "shopify",
            true,
            Map.of("shopDomain", "acme.myshopify.com"),
            Map.of(),
            "/admin/api/2025-07/orders/count.json?status=any",
            "X-Shopify-Access-Token",
            "t-1",
            null,
            "{\"count\":16}",
            "16 order(s)"),
        new Probed(
            "lightspeed",
            true,
            Map.of(),
            Map.of("domain_prefix", "acme"),
            "/api/2.0/outlets",
            "Authorization",
            "Bearer t-1",
            null,
            "{\"data\":[{\"id\":\"0adfd74a-153e-11e9-fa42-67b5781ba1fb\",\"name\":\"Main Street\"}],\"version\":{\"min\":1,\"max\":9}}",
            "1 outlet(s)"),
        new Probed(
            "clover",
            true,
            Map.of(),
            Map.of("merchant_id", "SANDBOXMRCH01"),
            "/v3/merchants/SANDBOXMRCH01/orders?limit=1",
            "Authorization",
            "Bearer t-1",
            null,
            "{\"elements\":[{\"id\":\"NNDKCR6JA7W0E\",\"total\":1500,\"state\":\"locked\"}],\"href\":\"...\"}",
            "orders are readable"));
  }

  private static AccountCall call(Probed p, AccessTokens tokens) {
    AccountApi api = Platforms.installed().get(p.platform()).accountApi();
    return new AccountCall(
        PlatformHttp.builder(AllowedHosts.of(List.of("localhost")))
            .maxAttempts(1)
            .backoff(Duration.ofMillis(1), Duration.ofMillis(1))
            .build(),
        "connection-1",
        tokens,
        api.tokenPlacement(p.oauth()),
        platform.baseUrl(),
        p.settings(),
        p.facts(),
        null,
        null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("probes")
  void callsItsCheapDocumentedEndpointAndSaysWhatItFound(Probed p) {
    platform.stubFor(
        get(urlEqualTo(p.url()))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(p.answer())));

    Probe probe =
        Platforms.installed()
            .get(p.platform())
            .accountApi()
            .test(call(p, AccessTokens.fixed("t-1")));

    List<LoggedRequest> sent = platform.findAll(getRequestedFor(urlEqualTo(p.url())));
    assertThat(sent).as("one call, exactly this URL").hasSize(1);
    assertThat(sent.get(0).getHeader(p.header())).isEqualTo(p.value());
    if (p.extra() != null) {
      assertThat(sent.get(0).getHeader(p.extra())).isNotBlank();
    }
    assertThat(probe.endpoint()).isEqualTo("GET " + p.url());
    assertThat(probe.found()).isEqualTo(p.found()).doesNotContain("t-1");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("probes")
  void retriesARefusedTokenOnceWithAFreshOneAndThenGivesUp(Probed p) {
    platform.stubFor(get(urlEqualTo(p.url())).willReturn(aResponse().withStatus(401)));
    AtomicInteger rejections = new AtomicInteger();
    AccessTokens refreshing =
        new AccessTokens() {
          @Override
          public String current() {
            return "t-1";
          }

          @Override
          public String afterRejection(String rejected) {
            if (rejections.incrementAndGet() > 1) {
              throw new PlatformCallFailed(PlatformCallFailed.Kind.UNAUTHORIZED, 401, "refused");
            }
            return "t-2";
          }
        };

    assertThatThrownBy(
            () -> Platforms.installed().get(p.platform()).accountApi().test(call(p, refreshing)))
        .isInstanceOfSatisfying(
            PlatformCallFailed.class,
            e -> {
              assertThat(e.kind()).isEqualTo(PlatformCallFailed.Kind.UNAUTHORIZED);
              assertThat(e.getMessage()).doesNotContain("t-1", "t-2");
            });
    assertThat(rejections.get()).as("one refresh per refusal, no loop").isEqualTo(1);
    List<LoggedRequest> sent = platform.findAll(getRequestedFor(urlEqualTo(p.url())));
    assertThat(sent).hasSize(2);
    assertThat(sent.get(1).getHeader(p.header()))
        .as("again with the fresh token")
        .isEqualTo(p.value().replace("t-1", "t-2"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("probes")
  void saysWhenTheTokenLacksTheReadScope(Probed p) {
    platform.stubFor(
        get(urlEqualTo(p.url()))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"message\":\"insufficient scope for t-1\"}")));

    assertThatThrownBy(
            () ->
                Platforms.installed()
                    .get(p.platform())
                    .accountApi()
                    .test(call(p, AccessTokens.fixed("t-1"))))
        .isInstanceOfSatisfying(
            PlatformCallFailed.class,
            e -> {
              assertThat(e.status()).isEqualTo(403);
              assertThat(e.getMessage()).contains("403").doesNotContain("t-1");
            });
  }

  @Test
  void takesZohosNoContentAsNoDealsYet() {
    Probed zoho = probes().stream().filter(p -> p.platform().equals("zoho")).findFirst().get();
    platform.stubFor(get(urlEqualTo(zoho.url())).willReturn(aResponse().withStatus(204)));

    Probe probe =
        Platforms.installed().get("zoho").accountApi().test(call(zoho, AccessTokens.fixed("t-1")));

    assertThat(probe.found()).isEqualTo("no deals visible yet");
  }

  @Test
  void coversEveryPlatformThatConnectsAccounts() {
    assertThat(probes().stream().map(Probed::platform))
        .containsExactlyInAnyOrderElementsOf(
            Platforms.installed().all().stream()
                .filter(p -> p.provides(io.ledgerline.platforms.Platform.Part.ACCOUNT_API))
                .map(io.ledgerline.platforms.Platform::id)
                .toList());
  }
}
