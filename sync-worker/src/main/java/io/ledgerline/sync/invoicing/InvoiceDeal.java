package io.ledgerline.sync.invoicing;

import io.ledgerline.events.DealEvent;
import io.ledgerline.events.DealKind;
import io.ledgerline.events.InvoiceCommand;
import io.ledgerline.events.Topics;
import io.ledgerline.platform.outbox.Outbox;
import io.ledgerline.sync.client.Client;
import io.ledgerline.sync.client.ClientRegistry;
import org.springframework.stereotype.Service;

/**
 * Use case: a won deal becomes a client record and one invoice command, like a completed sale.
 * Other deal changes are recorded and skipped: only a won deal is billable.
 */
@Service
public class InvoiceDeal {

  static final String CONSUMER = "sync-worker.invoice-deal";

  private final ProcessedEvents processedEvents;
  private final ClientRegistry clients;
  private final Outbox outbox;
  private final ClientRaceRetries transactions;

  InvoiceDeal(
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
   * Handles one deal event.
   *
   * @throws Uninvoiceable when the won deal can never be invoiced as it is
   */
  public Outcome invoice(DealEvent deal) {
    return transactions.inTransaction(() -> invoiceOnce(deal));
  }

  private Outcome invoiceOnce(DealEvent deal) {
    boolean won = deal.getKind() == DealKind.WON;
    if (won) {
      InvoiceCommands.checkInvoiceable(deal);
    }
    Outcome outcome = won ? Outcome.INVOICED : Outcome.SKIPPED;
    if (!processedEvents.record(CONSUMER, deal.getEventId(), deal.getTenantId(), outcome)) {
      return Outcome.ALREADY_PROCESSED;
    }
    if (!won) {
      return outcome;
    }
    Client client =
        clients.register(
            deal.getTenantId(), InvoiceCommands.customerOf(deal.getPlatform(), deal.getCustomer()));
    InvoiceCommand command = InvoiceCommands.forDeal(deal, client);
    outbox.append(
        Topics.INVOICE_COMMANDS,
        Topics.sourceKey(deal.getTenantId(), deal.getPlatform(), deal.getExternalId()),
        command);
    return outcome;
  }
}
