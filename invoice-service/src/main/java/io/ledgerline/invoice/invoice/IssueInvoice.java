package io.ledgerline.invoice.invoice;

import io.ledgerline.platform.outbox.Outbox;
import io.ledgerline.platform.service.metrics.Meters;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: issue the invoice a source asks for, once. In one transaction: the invoice with the
 * seller snapshot and the tenant's next invoice number, its {@code ISSUED} event in the outbox, the
 * payments the source carries, and the credits that waited for it. A source that already has an
 * invoice gets it back unchanged but for new payments (an {@code orders/paid} after {@code
 * orders/create}, a second tender). Two concurrent first deliveries of one source: the second waits
 * on the tenant's counter row, then fails on the unique source key and rolls back (number
 * included); the consumer's retry then finds the first invoice.
 */
@Service
public class IssueInvoice {

  private static final Logger log = LoggerFactory.getLogger(IssueInvoice.class);

  private final Invoices invoices;
  private final DocumentNumbers numbers;
  private final InvoicingProfiles profiles;
  private final RecordPayment payments;
  private final CreditInvoice credits;
  private final Outbox outbox;
  private final MeterRegistry meters;

  IssueInvoice(
      Invoices invoices,
      DocumentNumbers numbers,
      InvoicingProfiles profiles,
      RecordPayment payments,
      CreditInvoice credits,
      Outbox outbox,
      MeterRegistry meters) {
    this.invoices = invoices;
    this.numbers = numbers;
    this.profiles = profiles;
    this.payments = payments;
    this.credits = credits;
    this.outbox = outbox;
    this.meters = meters;
  }

  /** The result of issuing: the invoice, and whether this call issued it. */
  public record Issued(Invoice invoice, boolean isNew) {}

  @Transactional
  public Issued issue(IssueRequest request) {
    Optional<Invoice> existing = invoices.lockBySource(request.tenantId(), request.source());
    if (existing.isPresent()) {
      log.debug(
          "Source {} of tenant {} already has invoice {}",
          request.source().externalId(),
          request.tenantId(),
          existing.get().number());
      return new Issued(payments.applyAll(existing.get(), request.payments()), false);
    }
    InvoicingTerms terms = profiles.termsFor(request.tenantId(), request.source().connectionId());
    DocumentNumber number =
        numbers.next(request.tenantId(), DocumentNumbers.Series.INVOICE, terms.invoicePrefix());
    Invoice invoice = Invoice.issue(UUID.randomUUID(), number, withClientAddress(request), terms);
    invoices.add(invoice);
    outbox.append(InvoiceEvents.TOPIC, InvoiceEvents.key(invoice), InvoiceEvents.issued(invoice));
    if (invoice.reconciliation() != null) {
      meters
          .counter(
              Meters.INVOICE_RECONCILIATION_DIFFERENCES, "platform", invoice.source().platform())
          .increment();
      log.warn(
          "Invoice {} of tenant {} totals {}, its platform says {}",
          invoice.number(),
          invoice.tenantId(),
          invoice.total().toPlainString(),
          invoice.reconciliation().platformTotal().toPlainString());
    }
    log.info("Issued invoice {} for tenant {}", invoice.number(), invoice.tenantId());
    invoice = payments.applyAll(invoice, request.payments());
    invoice = credits.applyWaiting(invoice);
    return new Issued(invoice, true);
  }

  /** The client's e-invoicing address from the tenant's settings, snapshotted on the invoice. */
  private IssueRequest withClientAddress(IssueRequest r) {
    if (r.client().electronicAddress() != null) {
      return r;
    }
    return profiles
        .clientElectronicAddress(r.tenantId(), r.client().id())
        .map(
            address ->
                new IssueRequest(
                    r.tenantId(),
                    r.source(),
                    r.sourceKind(),
                    r.client().withElectronicAddress(address),
                    r.currency(),
                    r.taxesIncluded(),
                    r.lines(),
                    r.shipping(),
                    r.issuedAt(),
                    r.platformTotals(),
                    r.payments()))
        .orElse(r);
  }
}
