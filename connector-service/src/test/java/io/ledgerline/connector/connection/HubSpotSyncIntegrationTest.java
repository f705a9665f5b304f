package io.ledgerline.connector.connection;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.jayway.jsonpath.JsonPath;
import io.ledgerline.events.DealEvent;
import io.ledgerline.events.Topics;
import io.ledgerline.platform.service.kafka.AvroCodec;
import io.ledgerline.platform.test.LedgerlineIntegrationTest;
import io.ledgerline.platform.test.TestTopics;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A historical sync of a HubSpot OAuth connection through the real API clients ({@code
 * platforms.http} with the connection's stored, envelope-encrypted tokens) against WireMock playing
 * HubSpot's token endpoint and CRM API ({@code deploy/local/sandbox}): the first search page
 * answers 429 with {@code Retry-After: 1} once, the second rejects the expired access token with a
 * 401. The sync refreshes once (the exact refresh request), waits, and publishes one event per won
 * deal and none for the others; run again, it publishes the same event ids.
 */
@LedgerlineIntegrationTest(
    properties = {
      "LEDGERLINE_CONNECTOR_KEK=AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=",
      "ledgerline.connector.sync.poll-interval=200ms",
      "LEDGERLINE_HUBSPOT_CLIENT_ID=hubspot-app-id",
      "LEDGERLINE_HUBSPOT_CLIENT_SECRET=hubspot-app-secret-0123456789",
      "LEDGERLINE_HUBSPOT_TOKEN_URL=http://127.0.0.1:${hubspot.sandbox.port}/oauth/v1/token",
      "LEDGERLINE_HUBSPOT_API_URL=http://127.0.0.1:${hubspot.sandbox.port}/hubspot/api"
    })
@AutoConfigureMockMvc
class HubSpotSyncIntegrationTest {

  static final WireMockServer HUBSPOT =
      new WireMockServer(
          WireMockConfiguration.options()
              .dynamicPort()
              .usingFilesUnderDirectory("../deploy/local/sandbox"));

  static {
    HUBSPOT.start();
    System.setProperty("hubspot.sandbox.port", Integer.toString(HUBSPOT.port()));
  }

  @Autowired MockMvcTester mvc;
  @Autowired JdbcClient jdbc;
  @Autowired AvroCodec codec;
  @Autowired KafkaProperties kafka;
  @Autowired AccountTokens tokens;

  private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void aHistoricalSyncSurvivesA429AndAnExpiredTokenAndPublishesEachWonDealOnce() {
    String search = "/hubspot/api/crm/v3/objects/deals/search";
    HUBSPOT.stubFor(
        post(urlPathEqualTo(search))
            .atPriority(1)
            // Only this test's connection: the scheduler's own syncs of other connections share
            // the sandbox and must neither take the 429 nor count as asks of this page.
            .withHeader("Authorization", equalTo("Bearer expired-token"))
            .withRequestBody(matchingJsonPath("$[?(!@.after)]"))
            .inScenario("rate limit")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "1")
                    .withBody("{\"status\":\"error\",\"category\":\"RATE_LIMITS\"}"))
            .willSetStateTo("waited"));
    HUBSPOT.stubFor(
        post(urlPathEqualTo(search))
            .atPriority(1)
            .withHeader("Authorization", equalTo("Bearer expired-token"))
            .withRequestBody(matchingJsonPath("$[?(@.after == '3')]"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody("{\"status\":\"error\",\"category\":\"EXPIRED_AUTHENTICATION\"}")));
    HUBSPOT.stubFor(
        post(urlPathEqualTo("/oauth/v1/token"))
            .withRequestBody(containing("refresh_token=refresh-1"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"token_type\":\"bearer\",\"refresh_token\":\"refresh-2\",\"access_token\":\"fresh-token\",\"expires_in\":1800}")));
    UUID connection = oauthConnection();
    // Valid for an hour by our clock, so no refresh ahead: HubSpot refuses it (revoked, rotated
    // elsewhere).
    tokens.store(
        connection,
        tenant,
        new AccountTokens.Stored("expired-token", "refresh-1", Instant.now().plusSeconds(3600)),
        Instant.now(),
        false);

    try (TestTopics topics =
            new TestTopics(
                String.join(",", kafka.getBootstrapServers()),
                codec::serialize,
                codec::deserialize);
        TestTopics.Reader deals = topics.reader(Topics.CRM_DEALS)) {
      String first = start(connection);
      awaitSucceeded(connection, first);
      String sync = get(connection, first);
      assertThat((Integer) JsonPath.read(sync, "$.counts.published")).isEqualTo(3);
      assertThat((Integer) JsonPath.read(sync, "$.counts.skipped")).isEqualTo(2);
      List<DealEvent> published = awaitDeals(topics, deals, connection, 3);
      assertThat(published)
          .extracting(DealEvent::getExternalId)
          .containsExactlyInAnyOrder("1001", "1003", "1005");

      // One refresh, exactly as HubSpot documents it; the rotated refresh token is kept.
      HUBSPOT.verify(
          1,
          postRequestedFor(urlPathEqualTo("/oauth/v1/token"))
              .withRequestBody(containing("grant_type=refresh_token"))
              .withRequestBody(containing("refresh_token=refresh-1"))
              .withRequestBody(containing("client_id=hubspot-app-id")));
      assertThat(tokens.of(connection).orElseThrow().refreshToken()).isEqualTo("refresh-2");
      HUBSPOT.verify(
          postRequestedFor(urlPathEqualTo(search))
              .withHeader("Authorization", equalTo("Bearer fresh-token")));
      var firstPage =
          HUBSPOT.findAll(
              postRequestedFor(urlPathEqualTo(search))
                  .withHeader("Authorization", matching("Bearer (expired|fresh)-token"))
                  .withRequestBody(matchingJsonPath("$[?(!@.after)]")));
      assertThat(firstPage).as("the rate-limited page was asked again").hasSize(2);
      assertThat(
              Duration.between(
                  firstPage.get(0).getLoggedDate().toInstant(),
                  firstPage.get(1).getLoggedDate().toInstant()))
          .as("after its Retry-After")
          .isGreaterThanOrEqualTo(Duration.ofMillis(950));

      String again = start(connection);
      awaitSucceeded(connection, again);
      List<DealEvent> twice = awaitDeals(topics, deals, connection, 6);
      assertThat(twice.stream().map(DealEvent::getEventId).distinct())
          .as("the same deals are the same events: no second invoice downstream")
          .hasSize(3);
    }
  }

  private UUID oauthConnection() {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO connections (id, tenant_id, platform, name, status, settings, created_at, auth, account_id)
            VALUES (?, ?, 'hubspot', 'Portal', 'ACTIVE', '{}'::jsonb, ?, 'oauth2', ?)
            """)
        .params(
            id,
            tenant,
            Timestamp.from(Instant.now()),
            Long.toString(Math.abs(id.getMostSignificantBits() % 1_000_000_000L)))
        .update();
    jdbc.sql(
            """
            INSERT INTO sync_streams (connection_id, object_type, tenant_id, cursor, interval_secs, next_run_at)
            VALUES (?, 'deal', ?, '{"since":"2026-12-01T00:00:00Z"}', 900, now() + interval '1 day')
            """)
        .params(id, tenant)
        .update();
    return id;
  }

  private String start(UUID connection) {
    MvcTestResult result =
        mvc.post()
            .uri("/api/v1/connections/{id}/syncs", connection)
            .with(scopes("connections:write"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"since\":\"2026-10-01T00:00:00Z\"}")
            .exchange();
    assertThat(result).hasStatus(202);
    return JsonPath.read(body(result), "$.id");
  }

  private String get(UUID connection, String syncId) {
    return body(
        mvc.get()
            .uri("/api/v1/connections/{id}/syncs/{s}", connection, syncId)
            .with(scopes("connections:read"))
            .exchange());
  }

  private void awaitSucceeded(UUID connection, String syncId) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> "SUCCEEDED".equals(JsonPath.read(get(connection, syncId), "$.status")));
  }

  private static List<DealEvent> awaitDeals(
      TestTopics topics, TestTopics.Reader reader, UUID connection, int count) {
    java.util.function.Function<List<ConsumerRecord<String, byte[]>>, List<DealEvent>> ours =
        rs ->
            rs.stream()
                .map(r -> (DealEvent) topics.decode(Topics.CRM_DEALS, r.value()))
                .filter(d -> d.getConnectionId().equals(connection.toString()))
                .toList();
    return ours.apply(reader.await(rs -> ours.apply(rs).size() >= count, Duration.ofSeconds(60)));
  }

  private static String body(MvcTestResult result) {
    try {
      return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
          .JwtRequestPostProcessor
      scopes(String... scopes) {
    return jwt()
        .jwt(j -> j.subject("key-" + tenant).claim("tenant_id", tenant))
        .authorities(
            java.util.Arrays.stream(scopes)
                .map(s -> (GrantedAuthority) new SimpleGrantedAuthority("SCOPE_" + s))
                .toList());
  }
}
