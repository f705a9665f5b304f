package io.ledgerline.sync.invoicing;

import io.ledgerline.events.InvoiceCommand;
import io.ledgerline.events.SaleEvent;
import io.ledgerline.events.SaleKind;
import io.ledgerline.events.Topics;
import io.ledgerline.platform.outbox.Outbox;
import io.ledgerline.sync.client.Client;
import io.ledgerline.sync.client.ClientRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: a completed sale becomes a client record and one invoice command, in one transaction
 * with the record that the event was processed (so a redelivery does nothing).
 */
@Service
public class InvoiceSale {

  static final String CONSUMER = "sync-worker.invoice-sale";

  private static final Logger log = LoggerFactory.getLogger(InvoiceSale.class);

  private final ProcessedEvents processedEvents;
  private final ClientRegistry clients;
  private final Outbox outbox;

  InvoiceSale(ProcessedEvents processedEvents, ClientRegistry clients, Outbox outbox) {
    this.processedEvents = processedEvents;
    this.clients = clients;
    this.outbox = outbox;
  }

  /**
   * Handles one sale event.
   *
   * @throws Uninvoiceable when the sale can never be invoiced as it is
   */
  @Transactional
  public Outcome invoice(SaleEvent sale) {
    boolean completed = sale.getKind() == SaleKind.COMPLETED;
    if (completed) {
      // Checked before anything is recorded: a rejected sale leaves no trace but its dead letter.
      InvoiceCommands.checkInvoiceable(sale);
    }
    Outcome outcome = completed ? Outcome.INVOICED : Outcome.SKIPPED;
    if (!processedEvents.record(CONSUMER, sale.getEventId(), sale.getTenantId(), outcome)) {
      log.debug("Sale event {} was processed before", sale.getEventId());
      return Outcome.ALREADY_PROCESSED;
    }
    if (!completed) {
      // Credit notes are not built yet: the refund or void is recorded so it is not lost, not
      // invoiced.
      log.info(
          "Sale {} of tenant {} is {}: credit notes are not supported yet, nothing to invoice",
          sale.getExternalId(),
          sale.getTenantId(),
          sale.getKind());
      return outcome;
    }
    Client client =
        clients.register(
            sale.getTenantId(), InvoiceCommands.customerOf(sale.getPlatform(), sale.getCustomer()));
    InvoiceCommand command = InvoiceCommands.forSale(sale, client);
    outbox.append(
        Topics.INVOICE_COMMANDS,
        Topics.sourceKey(sale.getTenantId(), sale.getPlatform(), sale.getExternalId()),
        command);
    return outcome;
  }
}
