package io.ledgerline.connector.sync;

import io.ledgerline.events.SyncRequest;
import io.ledgerline.events.Topics;
import io.ledgerline.platform.service.kafka.PermanentFailure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Kafka adapter: checks the record is a sync request and hands it to {@link FetchObject}. */
@Component
class SyncRequestListener {

  private final FetchObject fetchObject;

  SyncRequestListener(FetchObject fetchObject) {
    this.fetchObject = fetchObject;
  }

  @KafkaListener(
      id = "connector-sync-requests",
      groupId = "connector-service",
      topics = Topics.SYNC_REQUESTS)
  void onSyncRequest(ConsumerRecord<String, Object> record) {
    if (!(record.value() instanceof SyncRequest request)) {
      throw new PermanentFailure(
          "not a SyncRequest: "
              + (record.value() == null ? "null" : record.value().getClass().getName()));
    }
    fetchObject.handle(request);
  }
}
