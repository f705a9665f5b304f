package io.ledgerline.invoice.invoice;

import io.ledgerline.events.InvoiceCommand;
import io.ledgerline.events.Topics;
import io.ledgerline.platform.service.kafka.PermanentFailure;
import io.ledgerline.platform.service.metrics.Meters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Kafka adapter for invoice commands: reads the command, calls {@link IssueInvoice} or {@link
 * CreditInvoice}. A command that breaks an invoice rule goes to the dead-letter topic at once;
 * anything else is retried.
 */
@Component
class InvoiceCommandListener {

  private final IssueInvoice issueInvoice;
  private final CreditInvoice creditInvoice;
  private final Counter issued;

  InvoiceCommandListener(
      IssueInvoice issueInvoice, CreditInvoice creditInvoice, MeterRegistry meters) {
    this.issueInvoice = issueInvoice;
    this.creditInvoice = creditInvoice;
    this.issued =
        Counter.builder(Meters.INVOICES_ISSUED)
            .description("Invoices issued (committed; a redelivered command counts once)")
            .register(meters);
  }

  @KafkaListener(
      id = "invoice-service-commands",
      groupId = "invoice-service",
      topics = Topics.INVOICE_COMMANDS)
  void onCommand(ConsumerRecord<String, Object> record) {
    if (!(record.value() instanceof InvoiceCommand command)) {
      throw new PermanentFailure("not an InvoiceCommand: " + typeOf(record.value()));
    }
    try {
      switch (command.getAction()) {
        case ISSUE -> {
          // issue() has committed when it returns: only a new invoice is counted
          if (issueInvoice.issue(IssueRequests.of(command)).isNew()) {
            issued.increment();
          }
        }
        case CREDIT ->
            creditInvoice.creditSource(
                command.getTenantId(),
                IssueRequests.source(command.getSource()),
                IssueRequests.credit(command));
        default -> throw new PermanentFailure("unsupported invoice action: " + command.getAction());
      }
    } catch (InvalidInvoice e) {
      throw new PermanentFailure(
          "command " + command.getCommandId() + " cannot be applied: " + e.getMessage(), e);
    }
  }

  private static String typeOf(Object value) {
    return value == null ? "null" : value.getClass().getName();
  }
}
