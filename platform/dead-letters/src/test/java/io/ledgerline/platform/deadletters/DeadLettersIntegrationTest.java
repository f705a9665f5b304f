package io.ledgerline.platform.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.ledgerline.events.Platform;
import io.ledgerline.events.SyncRequest;
import io.ledgerline.events.Topics;
import io.ledgerline.platform.outbox.Outbox;
import io.ledgerline.platform.service.kafka.PermanentFailure;
import io.ledgerline.platform.test.TestJwts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A consumer gives up on records it can never handle; after the fix they are listed with their
 * reasons (a tenant sees only its own), reprocessed once, and the consumer handles them.
 */
@SpringBootTest(
    classes = DeadLettersIntegrationTest.App.class,
    properties = {
      "ledgerline.database=dead_letters_test",
      "spring.application.name=dead-letters-test",
      "spring.kafka.consumer.group-id=dead-letters-test",
      "spring.kafka.consumer.auto-offset-reset=earliest",
      "ledgerline.dead-letters.metrics-interval=200ms"
    })
@AutoConfigureMockMvc
@DirtiesContext
class DeadLettersIntegrationTest {

  static final String TOPIC = Topics.SYNC_REQUESTS;
  static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired Outbox outbox;
  @Autowired TransactionTemplate transactions;
  @Autowired Listener listener;
  @Autowired JdbcTemplate jdbc;
  @Autowired MeterRegistry meters;

  @Test
  void aTenantSeesItsDeadLetterWithTheReasonAndReprocessesItOnceAfterTheFix() throws Exception {
    String tenant = "tenant-" + UUID.randomUUID();
    SyncRequest broken = publish(tenant, "broken-" + UUID.randomUUID());

    JsonNode letter = awaitDeadLetter(tenant, broken.getExternalId());
    assertThat(letter.get("reason").asString()).isEqualTo("cannot sync " + broken.getExternalId());
    assertThat(letter.get("kind").asString()).isEqualTo("PERMANENT");
    assertThat(letter.get("status").asString()).isEqualTo("PARKED");
    assertThat(letter.get("originalTopic").asString()).isEqualTo(TOPIC);
    String id = letter.get("id").asString();
    JsonNode detail = getJson("/api/v1/dead-letters/" + id, token(tenant, "dead-letters:read"));
    assertThat(detail.get("event").asString()).contains(broken.getExternalId());
    // another tenant: it does not exist
    mvc.perform(
            get("/api/v1/dead-letters/" + id)
                .header("Authorization", bearer("other", "dead-letters:read")))
        .andExpect(status().isNotFound())
        .andExpect(
            jsonPath("$.type").value("https://ledgerline.io/problems/dead-letter-not-found"));

    listener.fixed.add(broken.getExternalId());
    JsonNode receipt =
        reprocess(token(tenant, "dead-letters:reprocess"), "{\"ids\":[\"" + id + "\"]}", "/api/v1");
    assertThat(receipt.get("reprocessed").asInt()).isEqualTo(1);

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> listener.handled.contains(broken.getExternalId()));
    JsonNode after = getJson("/api/v1/dead-letters/" + id, token(tenant, "dead-letters:read"));
    assertThat(after.get("deadLetter").get("status").asString()).isEqualTo("REPROCESSED");
    assertThat(after.get("deadLetter").get("reprocessCount").asInt()).isEqualTo(1);
    // asked again: nothing left to send
    assertThat(
            reprocess(
                    token(tenant, "dead-letters:reprocess"),
                    "{\"ids\":[\"" + id + "\"]}",
                    "/api/v1")
                .get("reprocessed")
                .asInt())
        .isZero();
  }

  @Test
  void anOperatorReprocessesEveryTenantsParkedDeadLettersOfARange() throws Exception {
    String a = "tenant-" + UUID.randomUUID();
    String b = "tenant-" + UUID.randomUUID();
    Instant from = Instant.now();
    SyncRequest first = publish(a, "broken-" + UUID.randomUUID());
    SyncRequest second = publish(b, "broken-" + UUID.randomUUID());
    awaitDeadLetter(a, first.getExternalId());
    awaitDeadLetter(b, second.getExternalId());
    JsonNode listed = getJson("/admin/dead-letters?status=PARKED&limit=100", adminToken());
    assertThat(listed.get("items").toString())
        .contains(first.getExternalId())
        .contains(second.getExternalId());
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> meters.get("ledgerline.dead.letters").tag("topic", TOPIC).gauge().value() >= 2);

    listener.fixed.add(first.getExternalId());
    listener.fixed.add(second.getExternalId());
    JsonNode receipt =
        reprocess(
            adminToken(), "{\"from\":\"" + from + "\",\"topic\":\"" + TOPIC + "\"}", "/admin");

    assertThat(receipt.get("reprocessed").asInt()).isGreaterThanOrEqualTo(2);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                listener.handled.contains(first.getExternalId())
                    && listener.handled.contains(second.getExternalId()));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from dead_letters where status = 'PARKED' and dead_lettered_at >= ?",
                Integer.class,
                java.sql.Timestamp.from(from)))
        .isZero();
  }

  @Test
  void aSelectionMustNameExactlyOneWayAndTheScopesAreChecked() throws Exception {
    mvc.perform(
            post("/admin/dead-letters/reprocessing")
                .header("Authorization", "Bearer " + adminToken())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"all\":true,\"ids\":[\"" + UUID.randomUUID() + "\"]}"))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.type")
                .value("https://ledgerline.io/problems/invalid-dead-letter-selection"));
    mvc.perform(
            get("/admin/dead-letters").header("Authorization", bearer("t", "dead-letters:read")))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/api/v1/dead-letters/reprocessing")
                .header("Authorization", bearer("t", "dead-letters:read"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"all\":true}"))
        .andExpect(status().isForbidden());
  }

  private SyncRequest publish(String tenant, String externalId) {
    SyncRequest request =
        SyncRequest.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setTenantId(tenant)
            .setConnectionId("connection-1")
            .setPlatform(Platform.HUBSPOT)
            .setObjectType("deal")
            .setExternalId(externalId)
            .setAction("creation")
            .setOccurredAt(Instant.parse("2026-01-02T03:04:05Z"))
            .build();
    transactions.executeWithoutResult(
        status ->
            outbox.append(TOPIC, Topics.sourceKey(tenant, Platform.HUBSPOT, externalId), request));
    return request;
  }

  private JsonNode awaitDeadLetter(String tenant, String externalId) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              JsonNode page = getJson("/api/v1/dead-letters", token(tenant, "dead-letters:read"));
              for (JsonNode item : page.get("items")) {
                if (item.get("key").asString().endsWith(":" + externalId)) {
                  return item;
                }
              }
              return null;
            },
            item -> item != null);
  }

  private JsonNode getJson(String path, String token) throws Exception {
    String body =
        mvc.perform(get(path).header("Authorization", "Bearer " + token))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JSON.readTree(body);
  }

  private JsonNode reprocess(String token, String body, String prefix) throws Exception {
    String path =
        prefix.equals("/admin")
            ? "/admin/dead-letters/reprocessing"
            : "/api/v1/dead-letters/reprocessing";
    return JSON.readTree(
        mvc.perform(
                post(path)
                    .header("Authorization", "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  private static String token(String tenant, String scope) {
    return TestJwts.token(tenant, scope);
  }

  private static String bearer(String tenant, String scope) {
    return "Bearer " + token(tenant, scope);
  }

  private static String adminToken() {
    return TestJwts.token("operators", "admin");
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    @Bean
    Listener listener() {
      return new Listener();
    }

    @Bean
    JwtDecoder jwtDecoder() {
      return TestJwts.decoder();
    }

    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  /** Fails for good on "broken-" ids until they are fixed. */
  static class Listener {
    final Set<String> fixed = ConcurrentHashMap.newKeySet();
    final Set<String> handled = ConcurrentHashMap.newKeySet();

    @KafkaListener(id = "dead-letters-test-listener", groupId = "dead-letters-test", topics = TOPIC)
    void on(SyncRequest request) {
      if (request.getExternalId().startsWith("broken-")
          && !fixed.contains(request.getExternalId())) {
        throw new PermanentFailure("cannot sync " + request.getExternalId());
      }
      handled.add(request.getExternalId());
    }
  }
}
