package io.ledgerline.connector.sync;

import io.ledgerline.events.DealEvent;
import io.ledgerline.events.SaleEvent;
import io.ledgerline.events.Topics;
import io.ledgerline.platform.outbox.Outbox;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Component;

/**
 * Appends fetched and pulled events to the outbox, in the caller's transaction: deals to {@code
 * crm.deals.v1}, sales to {@code pos.sales.v1}, keyed {@code tenantId:platform:externalId} like
 * webhook-ingest's, so one object's events stay in order whichever way they came.
 */
@Component
class Publisher {

  private final Outbox outbox;

  Publisher(Outbox outbox) {
    this.outbox = outbox;
  }

  int publish(List<SpecificRecord> events) {
    for (SpecificRecord event : events) {
      if (event instanceof DealEvent deal) {
        outbox.append(
            Topics.CRM_DEALS,
            Topics.sourceKey(deal.getTenantId(), deal.getPlatform(), deal.getExternalId()),
            deal);
      } else if (event instanceof SaleEvent sale) {
        outbox.append(
            Topics.POS_SALES,
            Topics.sourceKey(sale.getTenantId(), sale.getPlatform(), sale.getExternalId()),
            sale);
      } else {
        throw new IllegalStateException(
            "a platform API made a " + event.getSchema().getName() + ", not a deal or a sale");
      }
    }
    return events.size();
  }
}
