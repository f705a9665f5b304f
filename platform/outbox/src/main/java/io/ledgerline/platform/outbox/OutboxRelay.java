package io.ledgerline.platform.outbox;

import io.debezium.embedded.Connect;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.ledgerline.platform.service.metrics.Meters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Scope;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes the outbox rows to Kafka: a Debezium embedded engine reads the inserts from the
 * replication slot (pgoutput), the outbox event router turns each into topic ({@code
 * aggregatetype}), key ({@code aggregateid}), value ({@code payload}, the Avro bytes as they are)
 * and the headers {@code id} and {@code eventType}; an idempotent producer with {@code acks=all}
 * sends them. A row's stored {@code traceparent} becomes the parent of the send, so the event
 * travels in the trace of what appended it (with the javaagent, its Kafka instrumentation writes
 * the producer span's context into the header; without it the stored value is sent as it is).
 *
 * <p>Delivery is at least once: the engine's offsets (in the {@code outbox_offsets} table) and the
 * slot's confirmed position only move after Kafka acknowledged a whole batch, so a crash re-sends
 * at most the batch in flight. Consumers de-duplicate on the {@code id} header. After a failure the
 * engine restarts by itself.
 */
public class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final String HEARTBEAT_TOPIC_PREFIX = "__debezium-heartbeat";

  private final PostgresDatabase database;
  private final ParkedRows parked;
  private final String slotName;
  private final String publicationName;
  private final OutboxSettings.Relay settings;
  private final Map<String, Object> producerConfig;
  private final MeterRegistry meters;
  private final Object monitor = new Object();

  private volatile boolean running;
  private @Nullable ExecutorService executor;
  private @Nullable DebeziumEngine<ChangeEvent<SourceRecord, SourceRecord>> engine;
  private @Nullable KafkaProducer<String, byte[]> producer;

  OutboxRelay(
      PostgresDatabase database,
      ParkedRows parked,
      String slotName,
      String publicationName,
      OutboxSettings.Relay settings,
      Map<String, Object> kafkaProducerProperties,
      MeterRegistry meters) {
    this.database = database;
    this.meters = meters;
    this.parked = parked;
    this.slotName = slotName;
    this.publicationName = publicationName;
    this.settings = settings;
    Map<String, Object> config = new HashMap<>(kafkaProducerProperties);
    config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, slotName + "-relay");
    this.producerConfig = Map.copyOf(config);
  }

  @Override
  public void start() {
    synchronized (monitor) {
      if (running) {
        return;
      }
      running = true;
      producer = new KafkaProducer<>(producerConfig);
      executor = Executors.newSingleThreadExecutor(r -> new Thread(r, slotName + "-relay"));
      executor.execute(this::runUntilStopped);
    }
  }

  @Override
  public void stop() {
    ExecutorService stopping;
    synchronized (monitor) {
      if (!running) {
        return;
      }
      running = false;
      closeEngine();
      monitor.notifyAll();
      stopping = executor;
    }
    if (stopping != null) {
      stopping.shutdown();
      try {
        if (!stopping.awaitTermination(30, TimeUnit.SECONDS)) {
          log.warn("The outbox relay did not stop within 30 s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    KafkaProducer<String, byte[]> closing = producer;
    if (closing != null) {
      closing.close(Duration.ofSeconds(10));
    }
    producer = null;
    executor = null;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Late: the relay starts after everything else and stops before the database and Kafka go. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 512;
  }

  private void runUntilStopped() {
    while (running) {
      DebeziumEngine<ChangeEvent<SourceRecord, SourceRecord>> current;
      synchronized (monitor) {
        if (!running) {
          return;
        }
        current =
            DebeziumEngine.create(Connect.class)
                .using(engineProperties())
                .notifying(this::publish)
                .using(
                    (success, message, error) -> {
                      if (!success && running) {
                        log.error("The outbox relay stopped: {}", message, error);
                      }
                    })
                .build();
        engine = current;
      }
      try {
        current.run();
      } catch (RuntimeException e) {
        log.error("The outbox relay failed", e);
      } finally {
        synchronized (monitor) {
          closeEngine();
        }
      }
      waitBeforeRestart();
    }
  }

  private void waitBeforeRestart() {
    synchronized (monitor) {
      if (!running) {
        return;
      }
      log.info("Restarting the outbox relay in {}", settings.restartDelay());
      Counter.builder(Meters.OUTBOX_RELAY_RESTARTS)
          .description("Restarts of the outbox relay after a failure")
          .tag("slot", slotName)
          .register(meters)
          .increment();
      try {
        monitor.wait(Math.max(1, settings.restartDelay().toMillis()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
    }
  }

  private void closeEngine() {
    DebeziumEngine<ChangeEvent<SourceRecord, SourceRecord>> closing = engine;
    engine = null;
    if (closing != null) {
      try {
        closing.close();
      } catch (Exception e) {
        log.warn("Closing the outbox relay's engine failed", e);
      }
    }
  }

  /**
   * One batch: sends every record, waits for all acknowledgements, then lets the offsets move. A
   * record Kafka refuses for good (too large, an invalid topic) is parked with the reason and the
   * batch goes on; any other failure (the broker is down, a timeout) fails the batch, which the
   * restarted engine sends again, however long the broker stays away.
   */
  private void publish(
      List<ChangeEvent<SourceRecord, SourceRecord>> events,
      DebeziumEngine.RecordCommitter<ChangeEvent<SourceRecord, SourceRecord>> committer)
      throws InterruptedException {
    KafkaProducer<String, byte[]> kafka = producer;
    if (kafka == null) {
      throw new IllegalStateException("The outbox relay is stopped");
    }
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>(events.size());
    List<Future<RecordMetadata>> sends = new ArrayList<>(events.size());
    List<String> topics = new ArrayList<>(events.size());
    for (ChangeEvent<SourceRecord, SourceRecord> event : events) {
      ProducerRecord<String, byte[]> record = toKafka(event.value(), topicPrefix());
      if (record != null) {
        records.add(record);
        sends.add(sendInItsTrace(kafka, record));
      }
    }
    for (int i = 0; i < sends.size(); i++) {
      try {
        sends.get(i).get();
        topics.add(records.get(i).topic());
      } catch (ExecutionException e) {
        if (!neverPublishable(e.getCause())) {
          // nothing of this batch is committed: the restarted engine sends it again
          throw new IllegalStateException("Publishing an outbox batch failed", e.getCause());
        }
        park(records.get(i), e.getCause());
      }
    }
    for (ChangeEvent<SourceRecord, SourceRecord> event : events) {
      committer.markProcessed(event);
    }
    committer.markBatchFinished();
    countPublished(topics);
  }

  private static Future<RecordMetadata> sendInItsTrace(
      KafkaProducer<String, byte[]> kafka, ProducerRecord<String, byte[]> record) {
    org.apache.kafka.common.header.Header stored = record.headers().lastHeader(TraceParent.HEADER);
    String traceparent =
        stored == null ? null : new String(stored.value(), StandardCharsets.US_ASCII);
    try (Scope ignored = TraceParent.context(traceparent).makeCurrent()) {
      return kafka.send(record);
    }
  }

  private void countPublished(List<String> topics) {
    Map<String, Long> byTopic = new HashMap<>();
    topics.forEach(topic -> byTopic.merge(topic, 1L, Long::sum));
    byTopic.forEach(
        (topic, count) ->
            Counter.builder(Meters.OUTBOX_PUBLISHED)
                .description("Outbox rows published to Kafka")
                .tag("topic", topic)
                .register(meters)
                .increment(count));
  }

  /** What no retry can publish: the record itself is wrong for Kafka. */
  static boolean neverPublishable(Throwable failure) {
    return failure instanceof RecordTooLargeException
        || failure instanceof RecordBatchTooLargeException
        || failure instanceof InvalidRecordException
        || failure instanceof InvalidTopicException
        || failure instanceof SerializationException;
  }

  private void park(ProducerRecord<String, byte[]> record, Throwable failure) {
    String id = headerText(record, "id");
    String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
    log.error(
        "Parking outbox row {} for {}: Kafka refuses it for good ({}); the relay goes on",
        id,
        record.topic(),
        reason);
    parked.park(
        UUID.fromString(id),
        record.topic(),
        record.key(),
        headerText(record, "eventType"),
        record.value(),
        reason);
  }

  private static String headerText(ProducerRecord<String, byte[]> record, String name) {
    org.apache.kafka.common.header.Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** Debezium's own topics (heartbeats, logical messages) start with this; outbox rows never do. */
  private String topicPrefix() {
    return database.outboxObjectName() + ".";
  }

  private static @Nullable ProducerRecord<String, byte[]> toKafka(
      SourceRecord source, String debeziumTopicPrefix) {
    if (source.topic().startsWith(HEARTBEAT_TOPIC_PREFIX)
        || source.topic().startsWith(debeziumTopicPrefix)) {
      return null; // the heartbeat and the heartbeat action's logical messages
    }
    byte[] value = bytes(source.value());
    if (value == null) {
      log.warn("Skipping a change without an outbox payload on {}", source.topic());
      return null;
    }
    RecordHeaders headers = new RecordHeaders();
    for (Header header : source.headers()) {
      if (header.value() == null) {
        // an optional column (traceparent) that the row left empty
        continue;
      }
      byte[] headerValue = bytes(header.value());
      headers.add(
          header.key(),
          headerValue != null
              ? headerValue
              : String.valueOf(header.value()).getBytes(StandardCharsets.UTF_8));
    }
    String key = source.key() == null ? null : source.key().toString();
    return new ProducerRecord<>(source.topic(), null, null, key, value, headers);
  }

  private static byte @Nullable [] bytes(@Nullable Object value) {
    if (value instanceof byte[] bytes) {
      return bytes;
    }
    if (value instanceof ByteBuffer buffer) {
      ByteBuffer copy = buffer.duplicate();
      byte[] bytes = new byte[copy.remaining()];
      copy.get(bytes);
      return bytes;
    }
    return null;
  }

  private Properties engineProperties() {
    Properties props = new Properties();
    props.setProperty("name", slotName);
    props.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
    // Connect 4.x validates a worker config that insists on it; the engine never connects to it
    props.setProperty("bootstrap.servers", "unused:9092");
    props.setProperty("offset.storage", JdbcOffsetStore.class.getName());
    props.setProperty(JdbcOffsetStore.URL, database.jdbcUrl());
    props.setProperty(JdbcOffsetStore.USER, database.user());
    props.setProperty(JdbcOffsetStore.PASSWORD, database.password());
    // offsets are written after every acknowledged batch: a restart re-sends at most one batch
    props.setProperty("offset.flush.interval.ms", "0");
    props.setProperty("offset.flush.timeout.ms", "10000");

    props.setProperty("database.hostname", database.host());
    props.setProperty("database.port", Integer.toString(database.port()));
    props.setProperty("database.user", database.user());
    props.setProperty("database.password", database.password());
    props.setProperty("database.dbname", database.name());
    props.setProperty("topic.prefix", database.outboxObjectName());
    props.setProperty("plugin.name", "pgoutput");
    props.setProperty("slot.name", slotName);
    props.setProperty("publication.name", publicationName);
    // both made by OutboxSchema at start-up, before any append could happen
    props.setProperty("publication.autocreate.mode", "disabled");
    props.setProperty("table.include.list", "public.outbox");
    // no snapshot: the slot predates every row, so streaming from it sees them all
    props.setProperty("snapshot.mode", "no_data");
    props.setProperty("tombstones.on.delete", "false");
    // Debezium waits this long when its queue is empty before it looks again (its default, 500 ms,
    // was half a second of every outbox hop); an idle relay still costs next to nothing.
    props.setProperty("poll.interval.ms", Long.toString(settings.pollInterval().toMillis()));
    props.setProperty(
        "heartbeat.interval.ms", Long.toString(settings.heartbeatInterval().toMillis()));
    // An idle outbox sees no changes of its own, so its slot's position would never move while
    // other databases on the server write WAL, and the slot would hold all of it. Each heartbeat
    // therefore writes a (non-transactional, tiny) logical message into this database's WAL; the
    // relay reads it, confirms its position, and the server can recycle the WAL behind it.
    props.setProperty(
        "heartbeat.action.query",
        "SELECT pg_logical_emit_message(false, 'ledgerline-outbox-heartbeat', now()::text)");

    props.setProperty("transforms", "outbox");
    props.setProperty("transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter");
    // only the outbox table's rows are events; the heartbeat's messages pass untouched (and unsent)
    props.setProperty("transforms.outbox.predicate", "isOutbox");
    props.setProperty("predicates", "isOutbox");
    props.setProperty(
        "predicates.isOutbox.type",
        "org.apache.kafka.connect.transforms.predicates.TopicNameMatches");
    props.setProperty(
        "predicates.isOutbox.pattern",
        java.util.regex.Pattern.quote(database.outboxObjectName() + ".public.outbox"));
    props.setProperty("transforms.outbox.route.by.field", "aggregatetype");
    props.setProperty("transforms.outbox.route.topic.replacement", "${routedByValue}");
    props.setProperty("transforms.outbox.table.field.event.id", "id");
    props.setProperty("transforms.outbox.table.field.event.key", "aggregateid");
    props.setProperty("transforms.outbox.table.field.event.payload", "payload");
    props.setProperty(
        "transforms.outbox.table.fields.additional.placement",
        "type:header:eventType," + TraceParent.HEADER + ":header:" + TraceParent.HEADER);
    props.setProperty("transforms.outbox.table.expand.json.payload", "false");
    return props;
  }
}
