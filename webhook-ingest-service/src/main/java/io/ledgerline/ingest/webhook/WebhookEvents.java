package io.ledgerline.ingest.webhook;

import io.ledgerline.events.DealEvent;
import io.ledgerline.events.Platform;
import io.ledgerline.events.SaleEvent;
import io.ledgerline.events.SyncRequest;
import io.ledgerline.events.Topics;
import io.ledgerline.platform.outbox.Outbox;
import java.util.Locale;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Component;

/**
 * Normalized events go to their topic through the outbox (in the caller's transaction), never
 * straight to Kafka, keyed so one tenant's one source object stays in order.
 */
@Component
class WebhookEvents {

  private final Outbox outbox;

  WebhookEvents(Outbox outbox) {
    this.outbox = outbox;
  }

  void append(String tenantId, String platform, SpecificRecord event) {
    outbox.append(
        topicOf(event), Topics.sourceKey(tenantId, platformOf(platform), externalId(event)), event);
  }

  static String topicOf(SpecificRecord event) {
    if (event instanceof SaleEvent) {
      return Topics.POS_SALES;
    }
    if (event instanceof DealEvent) {
      return Topics.CRM_DEALS;
    }
    if (event instanceof SyncRequest) {
      return Topics.SYNC_REQUESTS;
    }
    throw new IllegalArgumentException(
        "not an event webhook-ingest emits: " + event.getSchema().getFullName());
  }

  static Platform platformOf(String platformId) {
    return Platform.valueOf(platformId.toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  static String eventId(SpecificRecord event) {
    return String.valueOf(event.get(event.getSchema().getField("eventId").pos()));
  }

  private static String externalId(SpecificRecord event) {
    return String.valueOf(event.get(event.getSchema().getField("externalId").pos()));
  }

  /**
   * The connection's platform account on an event that names none (a Shopify order body does not
   * name its shop): invoices key on the account, so two connections of one account, or a connection
   * made again, cannot invoice a sale twice.
   */
  static SpecificRecord withAccount(SpecificRecord event, String accountId) {
    if (accountId == null || accountId.isBlank()) {
      return event;
    }
    if (event instanceof SaleEvent sale && sale.getAccountId() == null) {
      sale.setAccountId(accountId);
    } else if (event instanceof DealEvent deal && deal.getAccountId() == null) {
      deal.setAccountId(accountId);
    }
    return event;
  }

  /** A replay: the same content under a new event id, marked so consumers can tell. */
  static SpecificRecord asReplay(SpecificRecord event, String newEventId) {
    event.put(event.getSchema().getField("eventId").pos(), newEventId);
    event.put(event.getSchema().getField("replay").pos(), true);
    return event;
  }
}
