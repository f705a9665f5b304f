package io.ledgerline.invoice.invoice;

import io.ledgerline.events.Amounts;
import io.ledgerline.events.CreditNoteIssued;
import io.ledgerline.events.InvoiceEvent;
import io.ledgerline.events.InvoiceEventKind;
import io.ledgerline.events.Money;
import io.ledgerline.events.Platform;
import io.ledgerline.events.SourceRef;
import io.ledgerline.events.Topics;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.UUID;

/** The {@code billing.invoices.v1} events of an invoice's changes (the contract, not the model). */
final class InvoiceEvents {

  private InvoiceEvents() {}

  static String key(Invoice invoice) {
    return invoice.tenantId() + ":" + invoice.id();
  }

  static final String TOPIC = Topics.INVOICES;

  static InvoiceEvent issued(Invoice invoice) {
    return base(invoice, InvoiceEventKind.ISSUED).build();
  }

  static InvoiceEvent paymentRecorded(Invoice invoice, Payment payment) {
    String currency = invoice.currency().getCurrencyCode();
    return base(invoice, InvoiceEventKind.PAYMENT_RECORDED)
        .setPayment(
            io.ledgerline.events.Payment.newBuilder()
                .setReference(payment.reference())
                .setAmount(money(payment.amount(), currency))
                .setMethod(payment.method())
                .setPaidAt(payment.date().atStartOfDay().toInstant(ZoneOffset.UTC))
                .build())
        .build();
  }

  static InvoiceEvent creditNoteIssued(Invoice invoice, CreditNote note) {
    String currency = invoice.currency().getCurrencyCode();
    return base(invoice, InvoiceEventKind.CREDIT_NOTE_ISSUED)
        .setCreditNote(
            CreditNoteIssued.newBuilder()
                .setCreditNoteId(note.id().toString())
                .setNumber(note.number().toString())
                .setSubtotal(money(note.subtotal(), currency))
                .setTaxTotal(money(note.taxTotal(), currency))
                .setTotal(money(note.total(), currency))
                .setIssuedAt(note.issuedAt())
                .build())
        .build();
  }

  private static InvoiceEvent.Builder base(Invoice invoice, InvoiceEventKind kind) {
    SourceReference source = invoice.source();
    String currency = invoice.currency().getCurrencyCode();
    return InvoiceEvent.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setTenantId(invoice.tenantId())
        .setKind(kind)
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
                .setAccountId(source.accountId())
                .build())
        .setCurrency(currency)
        .setSubtotal(money(invoice.subtotal(), currency))
        .setTaxTotal(money(invoice.taxTotal(), currency))
        .setTotal(money(invoice.total(), currency))
        .setIssuedAt(invoice.issuedAt())
        .setStatus(invoice.status().name())
        .setPaidTotal(money(invoice.paidTotal(), currency))
        .setCreditedTotal(money(invoice.creditedTotal(), currency));
  }

  private static Money money(BigDecimal amount, String currency) {
    return Amounts.money(amount, currency);
  }
}
