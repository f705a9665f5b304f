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

/**
 * Use case: a completed sale becomes a client record and one invoice command, a refund or void one
 * credit command, in one transaction with the record that the event was processed (so a redelivery
 * does nothing); run again in a new transaction when it lost a race for the buyer's client.
 */
@Service
public class InvoiceSale {

  static final String CONSUMER = "sync-worker.invoice-sale";

  private static final Logger log = LoggerFactory.getLogger(InvoiceSale.class);

  private final ProcessedEvents processedEvents;
  private final ClientRegistry clients;
  private final Outbox outbox;
  private final ClientRaceRetries transactions;

  InvoiceSale(
      ProcessedEvents processedEvents,
      ClientRegistry clients,
      Outbox outbox,
      ClientRaceRetries transactions) {
    this.processedEvents = processedEvents;
    this.clients = clients;
    this.outbox = outbox;
    this.transactions = transactions;
  }

  /**
   * Handles one sale event.
   *
   * @throws Uninvoiceable when the sale can never be invoiced as it is
   */
  public Outcome invoice(SaleEvent sale) {
    return transactions.inTransaction(() -> invoiceOnce(sale));
  }

  private Outcome invoiceOnce(SaleEvent sale) {
    boolean completed = sale.getKind() == SaleKind.COMPLETED;
    // Checked before anything is recorded: a rejected sale leaves no trace but its dead letter.
    if (completed) {
      InvoiceCommands.checkInvoiceable(sale);
    } else {
      InvoiceCommands.checkCreditable(sale);
    }
    Outcome outcome = completed ? Outcome.INVOICED : Outcome.CREDITED;
    if (!processedEvents.record(CONSUMER, sale.getEventId(), sale.getTenantId(), outcome)) {
      log.debug("Sale event {} was processed before", sale.getEventId());
      return Outcome.ALREADY_PROCESSED;
    }
    if (!completed) {
      // A refund, return or void credits the sale's invoice; invoice-service keeps a credit whose
      // invoice is not there yet until it is.
      outbox.append(
          Topics.INVOICE_COMMANDS,
          Topics.sourceKey(sale.getTenantId(), sale.getPlatform(), sale.getExternalId()),
          InvoiceCommands.forCredit(sale));
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
