package io.ledgerline.platforms.zoho;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.ledgerline.platforms.account.AccountCall;
import io.ledgerline.platforms.account.RegisteredWebhooks;
import io.ledgerline.platforms.account.WebhookTarget;
import io.ledgerline.platforms.http.AccessTokens;
import io.ledgerline.platforms.http.AllowedHosts;
import io.ledgerline.platforms.http.PlatformCallFailed;
import io.ledgerline.platforms.http.PlatformHttp;
import io.ledgerline.platforms.http.TokenPlacement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Zoho CRM's notification channels expire (a week at most): registering says when, renewing extends
 * them with PATCH before they do, and a channel Zoho no longer knows is enabled again.
 */
class ZohoWebhookChannelsTest {

  private static final WireMockServer zoho = new WireMockServer(options().dynamicPort());
  private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
  private static final Instant EXPIRY = Instant.parse("2026-12-09T09:00:00Z");
  private static final String WATCH = "/crm/v6/actions/watch";

  private final ZohoAccountApi api = new ZohoAccountApi();

  @BeforeAll
  static void start() {
    zoho.start();
  }

  @AfterAll
  static void stop() {
    zoho.stop();
  }

  @BeforeEach
  void reset() {
    zoho.resetAll();
  }

  private static AccountCall call() {
    return new AccountCall(
        PlatformHttp.builder(AllowedHosts.of(List.of("localhost")))
            .maxAttempts(1)
            .backoff(Duration.ofMillis(1), Duration.ofMillis(1))
            .build(),
        "connection-1",
        AccessTokens.fixed("t-1"),
        TokenPlacement.authorization("Zoho-oauthtoken"),
        zoho.baseUrl(),
        Map.of(),
        Map.of(),
        null,
        null,
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static WebhookTarget target() {
    return new WebhookTarget(
        "https://hooks.example.com/webhooks/zoho/c-1",
        "0123456789abcdef0123456789abcdef",
        Map.of(ZohoConnectionRules.CHANNEL_ID, "1000000068001"));
  }

  private static String answer(String expiry) {
    return "{\"watch\":[{\"code\":\"SUCCESS\",\"details\":{\"events\":[{\"channel_expiry\":\""
        + expiry
        + "\",\"resource_uri\":\"https://www.zohoapis.com/crm/v6/Deals\",\"resource_id\":\"5843104000000002175\","
        + "\"resource_name\":\"Deals\",\"channel_id\":\"1000000068001\"}]},\"message\":\"Successfully subscribed for actions-watch of the given module\","
        + "\"status\":\"success\"}]}";
  }

  @Test
  void registersAChannelForAWeekLessAnHourAndSaysWhenItExpires() {
    zoho.stubFor(post(WATCH).willReturn(okJson(answer("2026-12-09T09:00:00+00:00"))));

    RegisteredWebhooks registered = api.registerWebhooks(call(), target()).orElseThrow();

    zoho.verify(
        postRequestedFor(urlEqualTo(WATCH))
            .withHeader("Authorization", equalTo("Zoho-oauthtoken t-1"))
            .withRequestBody(
                equalToJson(
                    "{\"watch\":[{\"channel_id\":\"1000000068001\",\"events\":[\"Deals.all\"],"
                        + "\"channel_expiry\":\"2026-12-09T09:00:00+00:00\",\"notify_url\":\"https://hooks.example.com/webhooks/zoho/c-1\","
                        + "\"token\":\"0123456789abcdef0123456789abcdef\"}]}")));
    assertThat(registered.ids()).containsExactly("1000000068001");
    assertThat(registered.expiresAt()).isEqualTo(EXPIRY);
  }

  @Test
  void keepsTheShorterExpiryWhereZohoGrantsLess() {
    zoho.stubFor(post(WATCH).willReturn(okJson(answer("2026-12-03T10:00:00+05:30"))));

    RegisteredWebhooks registered = api.registerWebhooks(call(), target()).orElseThrow();

    assertThat(registered.expiresAt()).isEqualTo(Instant.parse("2026-12-03T04:30:00Z"));
  }

  @Test
  void renewsTheChannelWithAPatchThatChangesOnlyItsExpiry() {
    zoho.stubFor(patch(urlEqualTo(WATCH)).willReturn(okJson(answer("2026-12-09T09:00:00Z"))));

    RegisteredWebhooks renewed = api.renewWebhooks(call(), target(), List.of("1000000068001"));

    zoho.verify(
        patchRequestedFor(urlEqualTo(WATCH))
            .withHeader("Authorization", equalTo("Zoho-oauthtoken t-1"))
            .withRequestBody(
                equalToJson(
                    "{\"watch\":[{\"channel_id\":\"1000000068001\",\"events\":[\"Deals.all\"],"
                        + "\"channel_expiry\":\"2026-12-09T09:00:00+00:00\"}]}")));
    zoho.verify(0, postRequestedFor(urlEqualTo(WATCH)));
    assertThat(renewed.ids()).containsExactly("1000000068001");
    assertThat(renewed.expiresAt()).isEqualTo(EXPIRY);
  }

  @Test
  void enablesAChannelAgainThatZohoNoLongerKnows() {
    zoho.stubFor(
        patch(urlEqualTo(WATCH))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"watch\":[{\"code\":\"INVALID_DATA\",\"details\":{\"api_name\":\"channel_id\"},"
                            + "\"message\":\"the given channel id is invalid\",\"status\":\"error\"}]}")));
    zoho.stubFor(post(WATCH).willReturn(okJson(answer("2026-12-09T09:00:00Z"))));

    RegisteredWebhooks renewed = api.renewWebhooks(call(), target(), List.of("1000000068001"));

    zoho.verify(
        postRequestedFor(urlEqualTo(WATCH))
            .withRequestBody(
                equalToJson(
                    "{\"watch\":[{\"channel_id\":\"1000000068001\",\"events\":[\"Deals.all\"],"
                        + "\"channel_expiry\":\"2026-12-09T09:00:00+00:00\",\"notify_url\":\"https://hooks.example.com/webhooks/zoho/c-1\","
                        + "\"token\":\"0123456789abcdef0123456789abcdef\"}]}")));
    assertThat(renewed.expiresAt()).isEqualTo(EXPIRY);
  }

  @Test
  void leavesTheChannelAloneWhenZohoCannotBeReached() {
    zoho.stubFor(patch(urlEqualTo(WATCH)).willReturn(aResponse().withStatus(503)));

    assertThatThrownBy(() -> api.renewWebhooks(call(), target(), List.of("1000000068001")))
        .isInstanceOfSatisfying(
            PlatformCallFailed.class,
            e -> assertThat(e.kind()).isEqualTo(PlatformCallFailed.Kind.UNAVAILABLE));
    zoho.verify(0, postRequestedFor(urlEqualTo(WATCH)));
  }
}
