package io.ledgerline.invoice.invoice;

import io.ledgerline.events.InvoiceEvent;
import io.ledgerline.events.InvoiceEventKind;
import io.ledgerline.events.Money;
import io.ledgerline.events.Platform;
import io.ledgerline.events.SourceRef;
import io.ledgerline.events.Topics;
import io.ledgerline.platform.outbox.Outbox;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: issue the invoice a source asks for, once. In one transaction: the invoice, its number
 * and its {@code ISSUED} event in the outbox. A source that already has an invoice gets it back
 * unchanged (a redelivery or a replay). Two concurrent first deliveries of one source: the second
 * waits on the tenant's counter row, then fails on the unique source key and rolls back (number
 * included); the consumer's retry then finds the first invoice.
 */
@Service
public class IssueInvoice {

  private static final Logger log = LoggerFactory.getLogger(IssueInvoice.class);

  private final Invoices invoices;
  private final InvoiceNumbers numbers;
  private final DefaultTaxRates taxRates;
  private final Outbox outbox;

  IssueInvoice(Invoices invoices, InvoiceNumbers numbers, DefaultTaxRates taxRates, Outbox outbox) {
    this.invoices = invoices;
    this.numbers = numbers;
    this.taxRates = taxRates;
    this.outbox = outbox;
  }

  /** The result of issuing: the invoice, and whether this call issued it. */
  public record Issued(Invoice invoice, boolean isNew) {}

  @Transactional
  public Issued issue(IssueRequest request) {
    Optional<Invoice> existing = invoices.findBySource(request.tenantId(), request.source());
    if (existing.isPresent()) {
      log.debug(
          "Source {} of tenant {} already has invoice {}",
          request.source().externalId(),
          request.tenantId(),
          existing.get().number());
      return new Issued(existing.get(), false);
    }
    BigDecimal defaultRate = taxRates.defaultRateFor(request.tenantId());
    InvoiceNumber number = numbers.next(request.tenantId());
    Invoice invoice = Invoice.issue(UUID.randomUUID(), number, request, defaultRate);
    invoices.add(invoice);
    outbox.append(Topics.INVOICES, request.tenantId() + ":" + invoice.id(), issued(invoice));
    log.info("Issued invoice {} for tenant {}", invoice.number(), invoice.tenantId());
    return new Issued(invoice, true);
  }

  static InvoiceEvent issued(Invoice invoice) {
    SourceReference source = invoice.source();
    String currency = invoice.currency().getCurrencyCode();
    return InvoiceEvent.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setTenantId(invoice.tenantId())
        .setKind(InvoiceEventKind.ISSUED)
        .setInvoiceId(invoice.id().toString())
        .setNumber(invoice.number().toString())
        .setClientId(invoice.client().id())
        .setSource(
            SourceRef.newBuilder()
                .setPlatform(Platform.valueOf(source.platform()))
                .setConnectionId(source.connectionId())
                .setExternalId(source.externalId())
                .setReference(source.reference())
                .setEventId(source.eventId())
                .build())
        .setCurrency(currency)
        .setSubtotal(money(invoice.subtotal(), currency))
        .setTaxTotal(money(invoice.taxTotal(), currency))
        .setTotal(money(invoice.total(), currency))
        .setIssuedAt(invoice.issuedAt())
        .build();
  }

  private static Money money(BigDecimal amount, String currency) {
    return io.ledgerline.events.Amounts.money(amount, currency);
  }
}
