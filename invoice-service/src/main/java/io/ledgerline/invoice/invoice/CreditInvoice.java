package io.ledgerline.invoice.invoice;

import io.ledgerline.platform.outbox.Outbox;
import io.ledgerline.platform.service.metrics.Meters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: credit an invoice, once per credit id. In one transaction, with the invoice row locked:
 * the credit note with the next number of the tenant's credit-note series, the invoice's new
 * standing and its {@code CREDIT_NOTE_ISSUED} event. A platform's credit whose invoice does not
 * exist yet waits for it ({@link PendingCredits}) and is applied when the invoice is issued.
 */
@Service
public class CreditInvoice {

  private static final Logger log = LoggerFactory.getLogger(CreditInvoice.class);

  private final Invoices invoices;
  private final CreditNotes creditNotes;
  private final PendingCredits pendingCredits;
  private final DocumentNumbers numbers;
  private final InvoicingProfiles profiles;
  private final Outbox outbox;
  private final Counter credited;

  CreditInvoice(
      Invoices invoices,
      CreditNotes creditNotes,
      PendingCredits pendingCredits,
      DocumentNumbers numbers,
      InvoicingProfiles profiles,
      Outbox outbox,
      MeterRegistry meters) {
    this.invoices = invoices;
    this.creditNotes = creditNotes;
    this.pendingCredits = pendingCredits;
    this.credited =
        Counter.builder(Meters.INVOICES_CREDITED)
            .description("Credit notes issued (committed)")
            .register(meters);
    this.numbers = numbers;
    this.profiles = profiles;
    this.outbox = outbox;
  }

  /** The credit note (null while it waits for its invoice), and whether this call issued it. */
  public record Credited(CreditNote note, Invoice invoice, boolean isNew) {
    public boolean waiting() {
      return note == null;
    }
  }

  /** A platform's refund or void of a source object. */
  @Transactional
  public Credited creditSource(String tenantId, SourceReference source, CreditRequest request) {
    Optional<Invoice> invoice = invoices.lockBySource(tenantId, source);
    if (invoice.isEmpty()) {
      boolean added = pendingCredits.add(tenantId, source.key(), request);
      log.info(
          "Credit {} for source {} of tenant {} waits for its invoice{}",
          request.creditId(),
          source.externalId(),
          tenantId,
          added ? "" : " (already waiting)");
      return new Credited(null, null, false);
    }
    return apply(invoice.get(), request);
  }

  /** The tenant's own credit of one of its invoices. */
  @Transactional
  public Credited creditInvoice(String tenantId, UUID invoiceId, CreditRequest request) {
    Invoice invoice = invoices.lockById(tenantId, invoiceId).orElseThrow(InvoiceNotFound::new);
    return apply(invoice, request);
  }

  /**
   * Applies the credits that waited for a newly issued invoice. One that cannot be applied is kept
   * as failed with its reason, and the invoice is issued all the same.
   */
  Invoice applyWaiting(Invoice invoice) {
    Invoice current = invoice;
    java.util.List<PendingCredits.Pending> waiting = new java.util.ArrayList<>();
    for (String key : invoice.source().keys()) {
      waiting.addAll(pendingCredits.waitingFor(invoice.tenantId(), key));
    }
    for (PendingCredits.Pending pending : waiting) {
      try {
        current = apply(current, pending.request()).invoice();
        pendingCredits.remove(pending.id());
      } catch (InvalidInvoice e) {
        log.warn(
            "Waiting credit {} cannot be applied to invoice {}: {}",
            pending.request().creditId(),
            invoice.number(),
            e.getMessage());
        pendingCredits.fail(pending.id(), e.getMessage());
      }
    }
    return current;
  }

  private Credited apply(Invoice invoice, CreditRequest request) {
    Optional<CreditNote> existing =
        creditNotes.findByCreditId(invoice.tenantId(), invoice.id(), request.creditId());
    if (existing.isPresent()) {
      return new Credited(existing.get(), invoice, false);
    }
    List<CreditNote> previous = creditNotes.forInvoice(invoice.tenantId(), invoice.id());
    InvoicingTerms terms = profiles.termsFor(invoice.tenantId(), invoice.source().connectionId());
    LocalDate issueDate = LocalDate.ofInstant(request.issuedAt(), terms.timeZone());
    UUID id = UUID.randomUUID();
    // Priced before it is numbered: a credit that breaks a rule takes no number (ADR 0006).
    invoice.credit(
        id, new DocumentNumber(terms.creditNotePrefix(), 1), request, previous, issueDate);
    DocumentNumber number =
        numbers.next(
            invoice.tenantId(), DocumentNumbers.Series.CREDIT_NOTE, terms.creditNotePrefix());
    CreditNote note = invoice.credit(id, number, request, previous, issueDate);
    creditNotes.add(note);
    Invoice updated = invoice.withCreditNote(note);
    invoices.updateStanding(updated);
    outbox.append(
        InvoiceEvents.TOPIC,
        InvoiceEvents.key(updated),
        InvoiceEvents.creditNoteIssued(updated, note));
    log.info(
        "Issued credit note {} of {} for invoice {} of tenant {}",
        note.number(),
        note.total().toPlainString(),
        invoice.number(),
        invoice.tenantId());
    // The invoice row is locked and a repeated credit id returns above, so a credit counted here is
    // one that commits (only a failing commit, the database gone at that instant, would overcount).
    credited.increment();
    return new Credited(note, updated, true);
  }
}
