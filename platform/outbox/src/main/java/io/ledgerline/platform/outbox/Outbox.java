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
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalTransactionStateException(
          "Outbox.append must run in the transaction of the state change it announces");
    }
    UUID id = UUID.randomUUID();
    byte[] payload = codec.serialize(topic, event);
    jdbc.update(
        "insert into outbox (id, aggregatetype, aggregateid, type, payload, traceparent)"
            + " values (?, ?, ?, ?, ?, ?)",
        id,
        topic,
        key,
        event.getSchema().getName(),
        payload,
        // the relay publishes the event in this trace (a webhook's, a consumed record's)
        TraceParent.current());
    return id;
  }
}
