package io.ledgerline.platform.outbox;

import io.ledgerline.platform.service.kafka.AvroCodec;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends events to the service's outbox, in the caller's transaction: the state change and its
 * event commit together or not at all. The relay publishes them to Kafka afterwards.
 */
public class Outbox {

  private final JdbcTemplate jdbc;
  private final AvroCodec codec;

  public Outbox(JdbcTemplate jdbc, AvroCodec codec) {
    this.jdbc = jdbc;
    this.codec = codec;
  }

  /**
   * Writes {@code event} to be published on {@code topic} with {@code key}. Must run inside the
   * caller's transaction; outside one it fails, because an event without its state change (or the
   * reverse) is the bug the outbox exists to prevent.
   *
   * @return the outbox id, which travels as the {@code id} header (consumers de-duplicate on it)
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public UUID append(String topic, String key, SpecificRecord event) {
    return insert(topic, key, event.getSchema().getName(), codec.serialize(topic, event));
  }

  /**
   * Writes a value that is already in the wire format, byte for byte: a dead letter sent again to
   * its topic after a fix. Same rules as {@link #append}.
   *
   * @param eventType the simple name of the Avro record, as the {@code eventType} header
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public UUID appendEncoded(String topic, String key, String eventType, byte[] payload) {
    return insert(topic, key, eventType, payload);
  }

  private UUID insert(String topic, String key, String eventType, byte[] payload) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalTransactionStateException(
          "Outbox.append must run in the transaction of the state change it announces");
    }
    UUID id = UUID.randomUUID();
    jdbc.update(
        "insert into outbox (id, aggregatetype, aggregateid, type, payload, traceparent)"
            + " values (?, ?, ?, ?, ?, ?)",
        id,
        topic,
        key,
        eventType,
        payload,
        // the relay publishes the event in this trace (a webhook's, a consumed record's)
        TraceParent.current());
    return id;
  }
}
