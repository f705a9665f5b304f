package io.ledgerline.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.jayway.jsonpath.JsonPath;
import io.ledgerline.events.DealEvent;
import io.ledgerline.events.DealKind;
import io.ledgerline.events.Platform;
import io.ledgerline.events.SyncRequest;
import io.ledgerline.events.Topics;
import io.ledgerline.platform.service.kafka.AvroCodec;
import io.ledgerline.platform.service.kafka.DeadLetterHeaders;
import io.ledgerline.platform.service.metrics.Meters;
import io.ledgerline.platform.test.LedgerlineIntegrationTest;
import io.ledgerline.platform.test.TestTopics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Syncing on the real infrastructure (PostgreSQL, Kafka, registry, config server, the outbox relay)
 * against the HubSpot sandbox (WireMock serving {@code deploy/local/sandbox}, HubSpot under {@code
 * /hubspot/api}). Each test has a tenant and a connection of its own.
 */
@LedgerlineIntegrationTest(
    properties = {
      "LEDGERLINE_CONNECTOR_KEK=AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=",
      "ledgerline.connector.sync.poll-interval=200ms"
    })
@AutoConfigureMockMvc
class SyncIntegrationTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  static final WireMockServer HUBSPOT =
      new WireMockServer(
          WireMockConfiguration.options()
              .dynamicPort()
              .usingFilesUnderDirectory("../deploy/local/sandbox"));

  static {
    HUBSPOT.start();
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class Sandbox {
    @Bean
    @org.springframework.context.annotation.Primary
    ApiClients sandboxApiClients() {
      return new SandboxApiClients(HUBSPOT.baseUrl() + "/hubspot/api");
    }
  }

  @AfterAll
  static void stopSandbox() {
    HUBSPOT.resetRequests();
  }

  @Autowired MockMvcTester mvc;
  @Autowired JdbcClient jdbc;
  @Autowired AvroCodec codec;
  @Autowired KafkaProperties kafka;
  @Autowired MeterRegistry meters;

  private TestTopics topics;
  private TestTopics.Reader deals;
  private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
  private UUID connection;

  @BeforeEach
  void connect() {
    topics =
        new TestTopics(
            String.join(",", kafka.getBootstrapServers()), codec::serialize, codec::deserialize);
    deals = topics.reader(Topics.CRM_DEALS);
    connection = hubspotConnection(tenant, "ACTIVE", Instant.now());
    putOffIncrementalPull(connection);
  }

  /**
   * The sandbox answers every search with the same pages, whatever the filter: a test of webhooks
   * or historical syncs keeps the schedule's pulls out of what it counts.
   */
  private void putOffIncrementalPull(UUID connectionId) {
    jdbc.sql(
            """
            INSERT INTO sync_streams (connection_id, object_type, tenant_id, cursor, interval_secs, next_run_at)
            VALUES (?, 'deal', ?, '{"since":"2026-12-01T00:00:00Z"}', 900, now() + interval '1 day')
            """)
        .params(connectionId, tenant)
        .update();
  }

  @AfterEach
  void disconnect() {
    deals.close();
    topics.close();
  }

  @Test
  void aHistoricalSyncOverSeveralPagesPublishesEveryWonDealOnceAndNoOther() {
    double succeededBefore = syncsEnded("historical", "success");
    String syncId = startSync(connection, "2026-10-01T00:00:00Z");

    awaitStatus(connection, syncId, "SUCCEEDED");
    // ledgerline.syncs (the chart's dashboard): the sync that ended, as it ended
    assertThat(syncsEnded("historical", "success")).isGreaterThan(succeededBefore);

    String sync = getSync(connection, syncId);
    assertThat((Integer) JsonPath.read(sync, "$.counts.fetched")).isEqualTo(5);
    assertThat((Integer) JsonPath.read(sync, "$.counts.published")).isEqualTo(3);
    assertThat((Integer) JsonPath.read(sync, "$.counts.skipped")).isEqualTo(2);
    assertThat((Integer) JsonPath.read(sync, "$.counts.pages")).isEqualTo(2);
    assertThat((String) JsonPath.read(sync, "$.startedAt")).isNotNull();
    assertThat((String) JsonPath.read(sync, "$.finishedAt")).isNotNull();
    List<DealEvent> published =
        awaitDeals(3).stream().sorted(Comparator.comparing(DealEvent::getExternalId)).toList();
    assertThat(published)
        .extracting(DealEvent::getExternalId)
        .containsExactly("1001", "1003", "1005");
    assertThat(published).allSatisfy(d -> assertThat(d.getKind()).isEqualTo(DealKind.WON));
    DealEvent acme = published.get(0);
    assertThat(acme.getAccountId()).isEqualTo(portalOf(connection));
    assertThat(acme.getConnectionId()).isEqualTo(connection.toString());
    assertThat(acme.getAmount().getAmount()).isEqualByComparingTo("1150.50");
    assertThat(acme.getLines()).hasSize(2);
    assertThat(acme.getCustomer().getName()).isEqualTo("Acme Nigeria Ltd");
    assertThat(acme.getCustomer().getEmail()).isEqualTo("ada@acme.example");
    DealEvent soylent = published.get(2);
    assertThat(soylent.getCustomer().getName()).isEqualTo("Grace Hopper");
    assertThat(soylent.getLines().get(0).getQuantity()).isEqualByComparingTo("3");

    // Again: the same events (same ids), which the idempotent consumers absorb.
    String again = startSync(connection, "2026-10-01T00:00:00Z");
    awaitStatus(connection, again, "SUCCEEDED");
    List<DealEvent> twice = awaitDeals(6);
    assertThat(twice.stream().map(DealEvent::getEventId).distinct())
        .containsExactlyInAnyOrderElementsOf(
            published.stream().map(DealEvent::getEventId).toList());

    String list =
        body(
            mvc.get()
                .uri("/api/v1/connections/{id}/syncs", connection)
                .with(tenant(tenant, "connections:read"))
                .exchange());
    assertThat((List<String>) JsonPath.read(list, "$.syncs[*].id")).containsExactly(again, syncId);
  }

  @Test
  void severalEventsOfOneDealMakeOneFetchAndOneEvent() {
    Instant changed =
        Instant.parse("2026-10-05T14:02:10Z"); // before the deal's hs_lastmodifieddate
    send(request(connection, "1001", "propertyChange", changed));
    send(request(connection, "1001", "propertyChange", changed.plusMillis(500)));
    send(request(connection, "1001", "propertyChange", changed.plusMillis(900)));

    List<DealEvent> published = awaitDeals(1);
    assertThat(published.get(0).getExternalId()).isEqualTo("1001");
    Awaitility.await().atMost(WAIT).until(() -> processed(connection) == 3);
    assertThat(deals.drain(Duration.ofSeconds(2)).stream().filter(this::ours)).hasSize(1);
    assertThat(
            jdbc.sql(
                    "SELECT outcome FROM processed_sync_requests WHERE tenant_id = ? ORDER BY processed_at")
                .param(tenant)
                .query(String.class)
                .list())
        .containsExactly("PUBLISHED", "COVERED", "COVERED");
  }

  @Test
  void aDealThatIsGoneIsDeadLetteredWithItsReason() {
    TestTopics.Reader dead = topics.reader(Topics.deadLetter(Topics.SYNC_REQUESTS));
    try {
      SyncRequest gone = request(connection, "4040", "propertyChange", Instant.now());
      send(gone);
      List<ConsumerRecord<String, byte[]>> letters =
          dead.await(records -> records.stream().anyMatch(r -> r.key().equals(key(gone))), WAIT);
      ConsumerRecord<String, byte[]> letter =
          letters.stream().filter(r -> r.key().equals(key(gone))).findFirst().orElseThrow();
      assertThat(
              new String(
                  letter.headers().lastHeader(DeadLetterHeaders.REASON).value(),
                  StandardCharsets.UTF_8))
          .contains("deal 4040 is gone");
    } finally {
      dead.close();
    }
  }

  @Test
  void aConnectionWaitingForAPersonParksItsRequestsAndResumesThemAllWhenActive() {
    jdbc.sql("UPDATE connections SET status = 'DISABLED' WHERE id = ?").param(connection).update();
    send(request(connection, "1001", "propertyChange", Instant.parse("2026-10-05T14:02:10Z")));
    send(request(connection, "1005", "creation", Instant.parse("2026-10-09T16:00:00Z")));
    Awaitility.await().atMost(WAIT).until(() -> parked(connection) == 2);
    assertThat(deals.drain(Duration.ofSeconds(1)).stream().filter(this::ours)).isEmpty();

    jdbc.sql("UPDATE connections SET status = 'ACTIVE' WHERE id = ?").param(connection).update();

    assertThat(awaitDeals(2))
        .extracting(DealEvent::getExternalId)
        .containsExactlyInAnyOrder("1001", "1005");
    assertThat(parked(connection)).isZero();
  }

  @Test
  void aNewConnectionsIncrementalPullStartsWhenItConnectedSoOldDealsAreNotInvoicedBySurprise() {
    Instant connectedAt = Instant.parse("2026-10-07T00:00:00Z");
    UUID fresh = hubspotConnection(tenant, "ACTIVE", connectedAt);
    Awaitility.await()
        .atMost(WAIT)
        .until(
            () ->
                jdbc.sql(
                            "SELECT count(*) FROM sync_streams WHERE connection_id = ?"
                                + " AND last_run_at IS NOT NULL AND next_run_at > now() + interval '10 minutes'")
                        .param(fresh)
                        .query(Integer.class)
                        .single()
                    == 1);
    // The search asked for deals changed from when it connected, not before.
    assertThat(
            HUBSPOT.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                    com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                        "/hubspot/api/crm/v3/objects/deals/search"))))
        .anySatisfy(
            r ->
                assertThat(r.getBodyAsString())
                    .contains("\"value\":\"" + connectedAt.toEpochMilli() + "\""));
    // After the last page the next run starts at the newest modification read.
    String cursor =
        jdbc.sql("SELECT cursor FROM sync_streams WHERE connection_id = ?")
            .param(fresh)
            .query(String.class)
            .single();
    assertThat(cursor).contains("2026-10-09T16:00:01Z").doesNotContain("after");
  }

  @Test
  void aConnectionsOwnIntervalSchedulesItsIncrementalSyncAndIsValidated() {
    assertThat(
            mvc.get()
                .uri("/api/v1/connections/{id}/sync-settings", connection)
                .with(tenant(tenant, "connections:read")))
        .hasStatus(200)
        .bodyJson()
        .isLenientlyEqualTo("{\"intervalMinutes\":15,\"own\":false}");

    assertThat(
            mvc.put()
                .uri("/api/v1/connections/{id}/sync-settings", connection)
                .with(tenant(tenant, "connections:write"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"intervalMinutes\":30}"))
        .hasStatus(200)
        .bodyJson()
        .isLenientlyEqualTo("{\"intervalMinutes\":30,\"own\":true}");

    // The stream (put off by a day in connect()) runs every 30 minutes, the next run within them.
    var stream =
        jdbc.sql("SELECT interval_secs, next_run_at FROM sync_streams WHERE connection_id = ?")
            .param(connection)
            .query((rs, row) -> Map.entry(rs.getInt(1), rs.getTimestamp(2).toInstant()))
            .single();
    assertThat(stream.getKey()).isEqualTo(1800);
    assertThat(stream.getValue()).isBefore(Instant.now().plus(Duration.ofMinutes(31)));
    assertThat(
            mvc.get()
                .uri("/api/v1/connections/{id}/sync-settings", connection)
                .with(tenant(tenant, "connections:read")))
        .bodyJson()
        .isLenientlyEqualTo("{\"intervalMinutes\":30,\"own\":true}");
    // A stream made later (another object type, a reconnect) takes the connection's interval.
    UUID other = hubspotConnection(tenant, "DISABLED", Instant.now());
    jdbc.sql(
            "INSERT INTO connection_mappings (connection_id, tenant_id, mapping, sync_interval_secs, updated_at) VALUES (?, ?, '{}'::jsonb, 3600, now())")
        .params(other, tenant)
        .update();
    jdbc.sql("UPDATE connections SET status = 'ACTIVE' WHERE id = ?").param(other).update();
    Awaitility.await()
        .atMost(WAIT)
        .until(
            () ->
                jdbc.sql("SELECT interval_secs FROM sync_streams WHERE connection_id = ?")
                    .param(other)
                    .query(Integer.class)
                    .optional()
                    .orElse(0)
                    .equals(3600));

    for (String bad :
        new String[] {
          "{\"intervalMinutes\":2}",
          "{\"intervalMinutes\":1441}",
          "{\"intervalMinutes\":\"30\"}",
          "{\"intervalMinutes\":7.5}",
          "{\"every\":30}"
        }) {
      assertThat(
              mvc.put()
                  .uri("/api/v1/connections/{id}/sync-settings", connection)
                  .with(tenant(tenant, "connections:write"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(bad))
          .as(bad)
          .hasStatus(400)
          .bodyJson()
          .extractingPath("$.type")
          .asString()
          .endsWith("invalid-sync");
    }
    assertThat(
            mvc.put()
                .uri("/api/v1/connections/{id}/sync-settings", connection)
                .with(tenant("other", "connections:write"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"intervalMinutes\":30}"))
        .hasStatus(404);
    assertThat(
            mvc.put()
                .uri("/api/v1/connections/{id}/sync-settings", connection)
                .with(tenant(tenant, "connections:read"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"intervalMinutes\":30}"))
        .hasStatus(403);
  }

  @Test
  void refusesSyncsThatCannotRun() {
    assertThat(
            mvc.post()
                .uri("/api/v1/connections/{id}/syncs", connection)
                .with(tenant(tenant, "connections:write"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .hasStatus(400)
        .bodyJson()
        .extractingPath("$.field")
        .isEqualTo("since");
    assertThat(
            mvc.post()
                .uri("/api/v1/connections/{id}/syncs", connection)
                .with(tenant("other", "connections:write"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"since\":\"2026-10-01T00:00:00Z\"}"))
        .hasStatus(404);
    assertThat(
            mvc.post()
                .uri("/api/v1/connections/{id}/syncs", connection)
                .with(tenant(tenant, "connections:write"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"since\":\"2026-10-01T00:00:00Z\",\"objects\":[\"order\"]}"))
        .hasStatus(400)
        .bodyJson()
        .extractingPath("$.field")
        .isEqualTo("objects[0]");
    assertThat(
            mvc.post()
                .uri("/api/v1/connections/{id}/syncs", connection)
                .with(tenant(tenant, "connections:read"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"since\":\"2026-10-01T00:00:00Z\"}"))
        .hasStatus(403);
    UUID webhookOnly = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO connections (id, tenant_id, platform, name, status, settings, created_at) VALUES (?, ?, 'hubspot', 'w', 'ACTIVE', '{}'::jsonb, now())")
        .params(webhookOnly, tenant)
        .update();
    assertThat(
            mvc.post()
                .uri("/api/v1/connections/{id}/syncs", webhookOnly)
                .with(tenant(tenant, "connections:write"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"since\":\"2026-10-01T00:00:00Z\"}"))
        .hasStatus(409);
  }

  @Test
  void syncAllStartsOneSyncPerSyncableConnection() {
    UUID second = hubspotConnection(tenant, "ACTIVE", Instant.now());
    putOffIncrementalPull(second);
    MvcTestResult result =
        mvc.post()
            .uri("/api/v1/syncs")
            .with(tenant(tenant, "connections:write"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"since\":\"2026-10-01T00:00:00Z\"}")
            .exchange();
    assertThat(result).hasStatus(202);
    String body = body(result);
    assertThat((List<String>) JsonPath.read(body, "$.syncs[*].connectionId"))
        .containsExactlyInAnyOrder(connection.toString(), second.toString());
  }

  // --- helpers

  /** One live connection per account: each test connection has a portal of its own. */
  private static String portalOf(UUID connectionId) {
    return Long.toString(Math.abs(connectionId.getMostSignificantBits() % 1_000_000_000L));
  }

  private static String body(MvcTestResult result) {
    try {
      return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private UUID hubspotConnection(String tenantId, String status, Instant createdAt) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO connections (id, tenant_id, platform, name, status, settings, created_at, auth, account_id)
            VALUES (?, ?, 'hubspot', 'Sandbox portal', ?, '{}'::jsonb, ?, 'oauth2', ?)
            """)
        .params(id, tenantId, status, Timestamp.from(createdAt), portalOf(id))
        .update();
    return id;
  }

  private String startSync(UUID connectionId, String since) {
    MvcTestResult result =
        mvc.post()
            .uri("/api/v1/connections/{id}/syncs", connectionId)
            .with(tenant(tenant, "connections:write"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"since\": \"" + since + "\"}")
            .exchange();
    assertThat(result).hasStatus(202);
    String body = body(result);
    assertThat((String) JsonPath.read(body, "$.status")).isEqualTo("QUEUED");
    return JsonPath.read(body, "$.id");
  }

  private String getSync(UUID connectionId, String syncId) {
    MvcTestResult result =
        mvc.get()
            .uri("/api/v1/connections/{id}/syncs/{syncId}", connectionId, syncId)
            .with(tenant(tenant, "connections:read"))
            .exchange();
    assertThat(result).hasStatus(200);
    return body(result);
  }

  private double syncsEnded(String kind, String outcome) {
    return meters
        .find(Meters.SYNCS)
        .tag("platform", "hubspot")
        .tag("kind", kind)
        .tag("outcome", outcome)
        .counters()
        .stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  private void awaitStatus(UUID connectionId, String syncId, String status) {
    Awaitility.await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> status.equals(JsonPath.read(getSync(connectionId, syncId), "$.status")));
  }

  private List<DealEvent> awaitDeals(int count) {
    return awaitDeals(d -> d.getConnectionId().equals(connection.toString()), count);
  }

  private List<DealEvent> awaitDeals(java.util.function.Predicate<DealEvent> which, int count) {
    List<ConsumerRecord<String, byte[]>> records =
        deals.await(rs -> decoded(rs).stream().filter(which).count() >= count, WAIT);
    return decoded(records).stream().filter(which).toList();
  }

  private List<DealEvent> decoded(List<ConsumerRecord<String, byte[]>> records) {
    return records.stream()
        .filter(this::ours)
        .map(r -> (DealEvent) topics.decode(Topics.CRM_DEALS, r.value()))
        .toList();
  }

  private boolean ours(ConsumerRecord<String, byte[]> record) {
    return record.key().startsWith(tenant + ":");
  }

  private SyncRequest request(UUID connectionId, String dealId, String action, Instant occurredAt) {
    return SyncRequest.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setTenantId(tenant)
        .setConnectionId(connectionId.toString())
        .setPlatform(Platform.HUBSPOT)
        .setObjectType("deal")
        .setExternalId(dealId)
        .setAction(action)
        .setOccurredAt(occurredAt)
        .setWebhookId(UUID.randomUUID().toString())
        .setReplay(false)
        .build();
  }

  private void send(SyncRequest request) {
    topics.send(Topics.SYNC_REQUESTS, key(request), request);
  }

  private static String key(SyncRequest request) {
    return Topics.sourceKey(request.getTenantId(), request.getPlatform(), request.getExternalId());
  }

  private int processed(UUID connectionId) {
    return jdbc.sql("SELECT count(*) FROM processed_sync_requests WHERE tenant_id = ?")
        .param(tenant)
        .query(Integer.class)
        .single();
  }

  private int parked(UUID connectionId) {
    return jdbc.sql("SELECT count(*) FROM parked_sync_requests WHERE connection_id = ?")
        .param(connectionId)
        .query(Integer.class)
        .single();
  }

  private static JwtRequestPostProcessor tenant(String tenantId, String... scopes) {
    return jwt()
        .jwt(j -> j.subject("key-" + tenantId).claim("tenant_id", tenantId))
        .authorities(
            java.util.Arrays.stream(scopes)
                .map(
                    s ->
                        (org.springframework.security.core.GrantedAuthority)
                            new SimpleGrantedAuthority("SCOPE_" + s))
                .toList());
  }
}
