package io.ledgerline.invoice.invoice;

import io.ledgerline.events.InvoiceAction;
import io.ledgerline.events.InvoiceCommand;
import io.ledgerline.events.Topics;
import io.ledgerline.platform.service.kafka.PermanentFailure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Kafka adapter for invoice commands: reads the command, calls {@link IssueInvoice}. A command that
 * breaks an invoice rule goes to the dead-letter topic at once; anything else is retried.
 */
@Component
class InvoiceCommandListener {

  private final IssueInvoice issueInvoice;

  InvoiceCommandListener(IssueInvoice issueInvoice) {
    this.issueInvoice = issueInvoice;
  }

  @KafkaListener(
      id = "invoice-service-commands",
      groupId = "invoice-service",
      topics = Topics.INVOICE_COMMANDS)
  void onCommand(ConsumerRecord<String, Object> record) {
    if (!(record.value() instanceof InvoiceCommand command)) {
      throw new PermanentFailure("not an InvoiceCommand: " + typeOf(record.value()));
    }
    if (command.getAction() != InvoiceAction.ISSUE) {
      throw new PermanentFailure("unsupported invoice action: " + command.getAction());
    }
    try {
      issueInvoice.issue(IssueRequests.of(command));
    } catch (InvalidInvoice e) {
      throw new PermanentFailure(
          "command " + command.getCommandId() + " cannot be issued: " + e.getMessage(), e);
    }
  }

  private static String typeOf(Object value) {
    return value == null ? "null" : value.getClass().getName();
  }
}
