package io.ledgerline.invoice.firs;

import io.ledgerline.events.InvoiceEvent;
import io.ledgerline.events.InvoiceEventKind;
import io.ledgerline.events.Topics;
import io.ledgerline.invoice.invoice.CreditNotes;
import io.ledgerline.invoice.invoice.Invoices;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Kafka adapter: each invoice or credit note that invoice-service issues ({@code
 * billing.invoices.v1}, {@code ISSUED} and {@code CREDIT_NOTE_ISSUED}) gets its IRN through {@link
 * AssignIrn}, asynchronously from the issue; other events are skipped.
 */
@Component
class FirsEventListener {

  private final AssignIrn assignIrn;
  private final Invoices invoices;
  private final CreditNotes creditNotes;

  FirsEventListener(AssignIrn assignIrn, Invoices invoices, CreditNotes creditNotes) {
    this.assignIrn = assignIrn;
    this.invoices = invoices;
    this.creditNotes = creditNotes;
  }

  @KafkaListener(
      id = "invoice-service-firs",
      groupId = "invoice-service-firs",
      topics = Topics.INVOICES)
  void onEvent(ConsumerRecord<String, Object> record) {
    if (!(record.value() instanceof InvoiceEvent event)) {
      return;
    }
    String tenant = event.getTenantId();
    if (event.getKind() == InvoiceEventKind.ISSUED) {
      invoices
          .findById(tenant, UUID.fromString(event.getInvoiceId()))
          .ifPresent(
              i ->
                  assignIrn.assign(
                      new AssignIrn.Document(
                          tenant, i.id(), "INVOICE", i.number().toString(), i.issueDate())));
    } else if (event.getKind() == InvoiceEventKind.CREDIT_NOTE_ISSUED
        && event.getCreditNote() != null) {
      creditNotes
          .findById(tenant, UUID.fromString(event.getCreditNote().getCreditNoteId()))
          .ifPresent(
              n ->
                  assignIrn.assign(
                      new AssignIrn.Document(
                          tenant, n.id(), "CREDIT_NOTE", n.number().toString(), n.issueDate())));
    }
  }
}
