package io.ledgerline.sync.directory;

import io.ledgerline.events.InvoiceEvent;
import io.ledgerline.events.Topics;
import io.ledgerline.platform.service.kafka.PermanentFailure;
import io.ledgerline.sync.invoicing.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps what each client was invoiced and credited, per currency, from {@code billing.invoices.v1}:
 * an issued invoice adds its total, a credit note its total; each event once (processed-event
 * record in the same transaction).
 */
@Component
class ClientInvoiceTotals {

  static final String CONSUMER = "sync-worker.client-totals";

  private final ProcessedEvents processedEvents;
  private final JdbcClient jdbc;

  ClientInvoiceTotals(ProcessedEvents processedEvents, JdbcClient jdbc) {
    this.processedEvents = processedEvents;
    this.jdbc = jdbc;
  }

  @KafkaListener(
      id = "sync-worker-invoice-totals",
      groupId = "sync-worker-invoice-totals",
      topics = Topics.INVOICES)
  @Transactional
  void onInvoiceEvent(ConsumerRecord<String, Object> record) {
    if (!(record.value() instanceof InvoiceEvent event)) {
      throw new PermanentFailure("not an InvoiceEvent: " + typeOf(record.value()));
    }
    boolean issued = event.getKind() == io.ledgerline.events.InvoiceEventKind.ISSUED;
    boolean credited =
        event.getKind() == io.ledgerline.events.InvoiceEventKind.CREDIT_NOTE_ISSUED
            && event.getCreditNote() != null;
    if (!issued && !credited) {
      return;
    }
    if (!processedEvents.record(CONSUMER, event.getEventId(), event.getTenantId(), "COUNTED")) {
      return;
    }
    jdbc.sql(
            """
            insert into client_invoice_totals (tenant_id, client_id, currency, invoice_count,
                invoiced_total, credited_total)
            values (?, ?, ?, ?, ?, ?)
            on conflict (tenant_id, client_id, currency) do update set
                invoice_count = client_invoice_totals.invoice_count + excluded.invoice_count,
                invoiced_total = client_invoice_totals.invoiced_total + excluded.invoiced_total,
                credited_total = client_invoice_totals.credited_total + excluded.credited_total
            """)
        .params(
            event.getTenantId(),
            event.getClientId(),
            event.getCurrency(),
            issued ? 1 : 0,
            issued ? event.getTotal().getAmount() : java.math.BigDecimal.ZERO,
            credited ? event.getCreditNote().getTotal().getAmount() : java.math.BigDecimal.ZERO)
        .update();
  }

  private static String typeOf(Object value) {
    return value == null ? "null" : value.getClass().getName();
  }
}
