package io.ledgerline.ingest.webhook;

import io.ledgerline.events.SaleEvent;
import io.ledgerline.events.Topics;
import io.ledgerline.platform.outbox.Outbox;
import org.springframework.stereotype.Component;

/** Sales go to {@code pos.sales.v1} through the outbox, never straight to Kafka. */
@Component
class OutboxSaleEvents implements SaleEvents {

  private final Outbox outbox;

  OutboxSaleEvents(Outbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void append(String key, SaleEvent sale) {
    outbox.append(Topics.POS_SALES, key, sale);
  }
}
