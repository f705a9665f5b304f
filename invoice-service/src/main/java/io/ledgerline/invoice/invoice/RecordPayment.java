package io.ledgerline.invoice.invoice;

import io.ledgerline.platform.outbox.Outbox;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: record a payment against an invoice, once per reference. In one transaction, with the
 * invoice row locked: the payment, the invoice's new standing and its {@code PAYMENT_RECORDED}
 * event. The same reference again returns the recorded payment; with another amount it is a
 * conflict.
 */
@Service
public class RecordPayment {

  private final Invoices invoices;
  private final Payments payments;
  private final InvoicingProfiles profiles;
  private final Outbox outbox;

  RecordPayment(Invoices invoices, Payments payments, InvoicingProfiles profiles, Outbox outbox) {
    this.invoices = invoices;
    this.payments = payments;
    this.profiles = profiles;
    this.outbox = outbox;
  }

  public record Recorded(Payment payment, Invoice invoice, boolean isNew) {}

  @Transactional
  public Recorded record(String tenantId, UUID invoiceId, PaymentRequest request) {
    Invoice invoice = invoices.lockById(tenantId, invoiceId).orElseThrow(InvoiceNotFound::new);
    return apply(invoice, request);
  }

  /** The payments of a source's command, against its (locked) invoice. */
  Invoice applyAll(Invoice invoice, List<PaymentRequest> requests) {
    Invoice current = invoice;
    for (PaymentRequest request : requests) {
      current = apply(current, request).invoice();
    }
    return current;
  }

  private Recorded apply(Invoice invoice, PaymentRequest request) {
    Optional<Payment> existing =
        payments.findByReference(invoice.tenantId(), invoice.id(), request.reference());
    if (existing.isPresent()) {
      if (!existing.get().sameAs(request)) {
        throw new PaymentConflict(
            "payment "
                + request.reference()
                + " was recorded with "
                + existing.get().amount().toPlainString());
      }
      return new Recorded(existing.get(), invoice, false);
    }
    ZoneId zone = profiles.termsFor(invoice.tenantId(), null).timeZone();
    LocalDate date =
        request.date() != null ? request.date() : LocalDate.ofInstant(request.paidAt(), zone);
    Payment payment = invoice.pay(UUID.randomUUID(), request, date, Instant.now());
    payments.add(invoice.tenantId(), payment);
    Invoice updated = invoice.withPayment(payment);
    invoices.updateStanding(updated);
    outbox.append(
        InvoiceEvents.TOPIC,
        InvoiceEvents.key(updated),
        InvoiceEvents.paymentRecorded(updated, payment));
    return new Recorded(payment, updated, true);
  }
}
