package io.ledgerline.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ledgerline.events.Platform;
import io.ledgerline.events.SyncRequest;
import io.ledgerline.events.Topics;
import io.ledgerline.platform.service.kafka.AvroCodec;
import io.ledgerline.platform.service.metrics.Meters;
import io.ledgerline.platform.test.SharedInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox end to end on the real PostgreSQL (logical decoding) and the real Kafka and registry:
 * what is appended in a committed transaction reaches its topic exactly as stored, what is rolled
 * back never does, and a relay restart neither loses nor repeats events. What operators see of it:
 * events published in the trace of what appended them, and the relay's meters.
 */
@SpringBootTest(
    classes = OutboxRelayIntegrationTest.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "ledgerline.database=outbox_relay_test",
      "ledgerline.kafka.partitions=1",
      "ledgerline.outbox.relay.heartbeat-interval=500ms"
    })
@DirtiesContext
class OutboxRelayIntegrationTest {

  static final String TOPIC = Topics.SYNC_REQUESTS;

  @Autowired Outbox outbox;
  @Autowired OutboxRelay relay;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcTemplate jdbc;
  @Autowired AvroCodec codec;
  @Autowired MeterRegistry meters;

  static KafkaConsumer<String, byte[]> consumer;
  static final List<ConsumerRecord<String, byte[]>> published = new ArrayList<>();

  @BeforeAll
  static void consumer(@Autowired KafkaProperties kafka) {
    Map<String, Object> config = new java.util.HashMap<>(kafka.buildConsumerProperties());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "outbox-test-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    consumer = new KafkaConsumer<>(config);
    consumer.subscribe(List.of(TOPIC));
  }

  @AfterAll
  static void closeConsumer() {
    consumer.close();
  }

  @Test
  void publishesACommittedEventWithItsKeyHeadersAndExactlyTheStoredBytes() {
    SyncRequest event = syncRequest();
    String key = Topics.sourceKey("tenant-1", Platform.HUBSPOT, event.getExternalId());

    UUID id = transactions.execute(status -> outbox.append(TOPIC, key, event));

    ConsumerRecord<String, byte[]> record = awaitPublished(id);
    byte[] stored =
        jdbc.queryForObject("select payload from outbox where id = ?", byte[].class, id);
    assertThat(record.key()).isEqualTo(key);
    assertThat(record.value()).isEqualTo(stored);
    assertThat(header(record, "eventType")).isEqualTo("SyncRequest");
    assertThat(record.value()[0]).as("Confluent magic byte").isZero();
    assertThat((SyncRequest) codec.deserialize(TOPIC, record.value())).isEqualTo(event);
  }

  @Test
  void publishesNothingForARolledBackTransaction() {
    UUID rolledBack =
        transactions.execute(
            status -> {
              UUID id = outbox.append(TOPIC, "k", syncRequest());
              status.setRollbackOnly();
              return id;
            });
    UUID committed = transactions.execute(status -> outbox.append(TOPIC, "k", syncRequest()));

    awaitPublished(committed);
    assertThat(idsPublished()).doesNotContain(rolledBack.toString());
    assertThat(
            jdbc.queryForObject(
                "select count(*) from outbox where id = ?", Integer.class, rolledBack))
        .isZero();
  }

  @Test
  void anEventAppendedInATraceIsPublishedWithThatTraceAsItsParent() {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    String spanId = "00f067aa0ba902b7";
    SpanContext webhook =
        SpanContext.createFromRemoteParent(
            traceId, spanId, TraceFlags.getSampled(), TraceState.getDefault());

    UUID id;
    try (Scope ignored = Span.wrap(webhook).makeCurrent()) {
      id = transactions.execute(status -> outbox.append(TOPIC, "k", syncRequest()));
    }

    String expected = "00-" + traceId + "-" + spanId + "-01";
    assertThat(jdbc.queryForObject("select traceparent from outbox where id = ?", String.class, id))
        .isEqualTo(expected);
    assertThat(header(awaitPublished(id), "traceparent")).isEqualTo(expected);
  }

  @Test
  void anEventAppendedOutsideAnyTraceCarriesNoTraceHeader() {
    UUID id = transactions.execute(status -> outbox.append(TOPIC, "k", syncRequest()));

    ConsumerRecord<String, byte[]> record = awaitPublished(id);

    assertThat(record.headers().lastHeader("traceparent")).isNull();
    assertThat(header(record, "eventType")).isEqualTo("SyncRequest");
  }

  @Test
  void countsPublishedRowsByTopic() {
    double before = publishedCount(meters);
    UUID id = transactions.execute(status -> outbox.append(TOPIC, "k", syncRequest()));
    awaitPublished(id);

    await().atMost(Duration.ofSeconds(10)).until(() -> publishedCount(meters) >= before + 1);
  }

  @Test
  void theBacklogGrowsWhileTheRelayIsDownAndShrinksOnceItPublishes(
      @Autowired OutboxMonitor monitor) {
    relay.stop();
    UUID whileDown = transactions.execute(status -> outbox.append(TOPIC, "k", syncRequest()));
    monitor.refresh();
    long behind = monitor.backlogBytes();
    assertThat(behind).as("WAL written since the relay's last confirmed position").isPositive();
    assertThat(
            meters.get(Meters.OUTBOX_BACKLOG_BYTES).tag("slot", "outbox_relay_test_outbox").gauge())
        .extracting(gauge -> gauge.value())
        .as("the gauge shows it (the monitor refreshes on its own too; nothing confirms meanwhile)")
        .satisfies(value -> assertThat(value).isGreaterThanOrEqualTo(behind));

    relay.start();
    awaitPublished(whileDown);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              monitor.refresh();
              return monitor.backlogBytes() < behind;
            });
  }

  private static double publishedCount(MeterRegistry meters) {
    var counter = meters.find(Meters.OUTBOX_PUBLISHED).tag("topic", TOPIC).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void refusesToAppendOutsideATransaction() {
    assertThatThrownBy(() -> outbox.append(TOPIC, "k", syncRequest()))
        .isInstanceOf(IllegalTransactionStateException.class);
  }

  @Test
  void publishesWhatWasAppendedWhileTheRelayWasDownOnceAndResendsNothingElse() {
    UUID before = transactions.execute(status -> outbox.append(TOPIC, "k", syncRequest()));
    awaitPublished(before);

    relay.stop();
    List<UUID> whileDown = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      whileDown.add(transactions.execute(status -> outbox.append(TOPIC, "k", syncRequest())));
    }
    relay.start();

    whileDown.forEach(OutboxRelayIntegrationTest::awaitPublished);
    UUID after = transactions.execute(status -> outbox.append(TOPIC, "k", syncRequest()));
    awaitPublished(after);
    List<String> ours = new ArrayList<>(List.of(before.toString(), after.toString()));
    whileDown.forEach(id -> ours.add(id.toString()));
    assertThat(idsPublished().stream().filter(ours::contains))
        .as("each event exactly once")
        .hasSize(ours.size())
        .doesNotHaveDuplicates();
  }

  @Test
  void withoutStoredOffsetsResumesFromTheSlotResendingAtMostTheLastTransaction() {
    UUID published = transactions.execute(status -> outbox.append(TOPIC, "k", syncRequest()));
    awaitPublished(published);
    relay.stop();
    assertThat(jdbc.queryForObject("select count(*) from outbox_offsets", Integer.class))
        .as("offsets stored durably")
        .isPositive();

    // as on the very first start: the slot exists (made at start-up), the engine has no offsets yet
    jdbc.update("delete from outbox_offsets");
    UUID beforeFirstStart =
        transactions.execute(status -> outbox.append(TOPIC, "k", syncRequest()));
    relay.start();

    awaitPublished(beforeFirstStart);
    Map<String, Long> counts =
        idsPublished().stream()
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(counts.get(beforeFirstStart.toString())).isEqualTo(1);
    // the slot confirms a transaction only once a later one is processed: at most that one again
    assertThat(counts.values().stream().filter(count -> count > 1)).hasSizeLessThanOrEqualTo(1);
    assertThat(counts.values()).allMatch(count -> count <= 2);
  }

  @Test
  void deletesRowsOlderThanTheRetentionOnly(@Autowired OutboxRetention retention) {
    UUID old = transactions.execute(status -> outbox.append(TOPIC, "k", syncRequest()));
    UUID recent = transactions.execute(status -> outbox.append(TOPIC, "k", syncRequest()));
    jdbc.update("update outbox set created_at = now() - interval '30 days' where id = ?", old);

    retention.deleteExpired();

    assertThat(
            jdbc.queryForList("select id from outbox where id in (?, ?)", UUID.class, old, recent))
        .containsExactly(recent);
  }

  @Test
  void parksARowKafkaRefusesForGoodAndPublishesTheNextOne(@Autowired OutboxMonitor monitor) {
    // larger than the producer's max.request.size (1 MB): no retry can ever publish it
    SyncRequest tooLarge = syncRequest();
    tooLarge.setExternalId("x".repeat(1_200_000));
    UUID refused = transactions.execute(status -> outbox.append(TOPIC, "k", tooLarge));
    UUID next = transactions.execute(status -> outbox.append(TOPIC, "k", syncRequest()));

    awaitPublished(next);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from outbox_parked where id = ?", Integer.class, refused)
                    == 1);

    Map<String, Object> parked =
        jdbc.queryForMap(
            "select aggregatetype, reason, payload from outbox_parked where id = ?", refused);
    assertThat(parked.get("aggregatetype")).isEqualTo(TOPIC);
    assertThat((String) parked.get("reason")).startsWith("RecordTooLargeException");
    assertThat((byte[]) parked.get("payload"))
        .isEqualTo(
            jdbc.queryForObject("select payload from outbox where id = ?", byte[].class, refused));
    assertThat(idsPublished()).doesNotContain(refused.toString());
    monitor.refresh();
    assertThat(meters.get("ledgerline.outbox.parked").gauge().value()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void anIdleOutboxLetsTheServerRecycleTheWalOtherDatabasesWrite(@Autowired OutboxMonitor monitor) {
    UUID last = transactions.execute(status -> outbox.append(TOPIC, "k", syncRequest()));
    awaitPublished(last);
    long written = writeWalInAnotherDatabase(32);

    // nothing more is appended here: only the heartbeat can move this slot's position
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              jdbc.execute("checkpoint");
              monitor.refresh();
              return monitor.retainedWalBytes() < written / 4;
            });
    assertThat(
            meters
                .get("ledgerline.outbox.slot.retained.wal")
                .tag("slot", "outbox_relay_test_outbox")
                .gauge()
                .value())
        .isLessThan(written / 4.0);
  }

  /**
   * Writes about {@code megabytes} MB of WAL in a database without an outbox; returns the bytes.
   */
  private long writeWalInAnotherDatabase(int megabytes) {
    JdbcTemplate other =
        new JdbcTemplate(
            new org.springframework.jdbc.datasource.DriverManagerDataSource(
                SharedInfrastructure.get().jdbcUrl("outbox_relay_test_busy"),
                SharedInfrastructure.get().postgresUsername(),
                SharedInfrastructure.get().postgresPassword()));
    String before = other.queryForObject("select pg_current_wal_lsn()::text", String.class);
    other.execute("create table if not exists busy (filler text)");
    other.update(
        "insert into busy select repeat(md5(g::text), 32) from generate_series(1, ?) g",
        megabytes * 1024);
    return other.queryForObject(
        "select pg_wal_lsn_diff(pg_current_wal_lsn(), ?::pg_lsn)::bigint", Long.class, before);
  }

  private static ConsumerRecord<String, byte[]> awaitPublished(UUID id) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              poll();
              synchronized (published) {
                return published.stream()
                    .filter(r -> id.toString().equals(header(r, "id")))
                    .findFirst()
                    .orElse(null);
              }
            },
            record -> record != null);
  }

  private static List<String> idsPublished() {
    poll();
    synchronized (published) {
      return published.stream().map(r -> header(r, "id")).toList();
    }
  }

  private static void poll() {
    synchronized (published) {
      consumer.poll(Duration.ofMillis(300)).forEach(published::add);
    }
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  static SyncRequest syncRequest() {
    return SyncRequest.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setTenantId("tenant-1")
        .setConnectionId("connection-1")
        .setPlatform(Platform.HUBSPOT)
        .setObjectType("deal")
        .setExternalId(UUID.randomUUID().toString())
        .setAction("creation")
        .setOccurredAt(Instant.parse("2026-01-02T03:04:05Z"))
        .build();
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }
}
