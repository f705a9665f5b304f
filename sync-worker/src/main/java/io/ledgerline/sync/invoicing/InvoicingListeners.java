package io.ledgerline.sync.invoicing;

import io.ledgerline.events.DealEvent;
import io.ledgerline.events.SaleEvent;
import io.ledgerline.events.Topics;
import io.ledgerline.platform.service.kafka.PermanentFailure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Kafka adapter: checks the record is the event its topic carries, calls the use case, and turns
 * "can never be invoiced" into the platform's dead-letter failure. Everything else (the database is
 * down) is retried by the error handler.
 */
@Component
class InvoicingListeners {

  private static final Logger log = LoggerFactory.getLogger(InvoicingListeners.class);

  private final InvoiceSale invoiceSale;
  private final InvoiceDeal invoiceDeal;

  InvoicingListeners(InvoiceSale invoiceSale, InvoiceDeal invoiceDeal) {
    this.invoiceSale = invoiceSale;
    this.invoiceDeal = invoiceDeal;
  }

  @KafkaListener(id = "sync-worker-sales", groupId = "sync-worker", topics = Topics.POS_SALES)
  void onSale(ConsumerRecord<String, Object> record) {
    if (!(record.value() instanceof SaleEvent sale)) {
      throw new PermanentFailure("not a SaleEvent: " + typeOf(record.value()));
    }
    try {
      Outcome outcome = invoiceSale.invoice(sale);
      log.debug("Sale event {}: {}", sale.getEventId(), outcome);
    } catch (Uninvoiceable e) {
      throw new PermanentFailure(
          "sale " + sale.getEventId() + " cannot be invoiced: " + e.getMessage(), e);
    }
  }

  @KafkaListener(id = "sync-worker-deals", groupId = "sync-worker", topics = Topics.CRM_DEALS)
  void onDeal(ConsumerRecord<String, Object> record) {
    if (!(record.value() instanceof DealEvent deal)) {
      throw new PermanentFailure("not a DealEvent: " + typeOf(record.value()));
    }
    try {
      Outcome outcome = invoiceDeal.invoice(deal);
      log.debug("Deal event {}: {}", deal.getEventId(), outcome);
    } catch (Uninvoiceable e) {
      throw new PermanentFailure(
          "deal " + deal.getEventId() + " cannot be invoiced: " + e.getMessage(), e);
    }
  }

  private static String typeOf(Object value) {
    return value == null ? "null" : value.getClass().getName();
  }
}
