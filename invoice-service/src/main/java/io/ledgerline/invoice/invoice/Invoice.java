package io.ledgerline.invoice.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * An issued invoice. What it says is immutable: corrections and cancellations are credit notes,
 * never edits. Only its standing changes, as payments and credit notes are recorded against it
 * ({@code paidTotal}, {@code creditedTotal}, {@code creditNoteIds}, and the status derived from
 * them).
 */
public record Invoice(
    UUID id,
    String tenantId,
    DocumentNumber number,
    Seller seller,
    ClientSnapshot client,
    Currency currency,
    boolean taxesIncluded,
    LocalDate issueDate,
    Instant issuedAt,
    LocalDate dueDate,
    List<InvoiceLine> lines,
    BigDecimal subtotal,
    BigDecimal taxTotal,
    BigDecimal total,
    SourceReference source,
    SourceKind sourceKind,
    Reconciliation reconciliation,
    BigDecimal paidTotal,
    BigDecimal creditedTotal,
    List<UUID> creditNoteIds) {

  /** The description of the line that shipping becomes. */
  public static final String SHIPPING = "Shipping";

  public Invoice {
    lines = List.copyOf(lines);
    creditNoteIds = List.copyOf(creditNoteIds);
  }

  /**
   * Issues an invoice for a request: prices every line (shipping as a last line), totals are the
   * sums of the rounded lines. The issue date is the date of the issue time in the tenant's time
   * zone (a sale at 00:30 in Lagos is that day, not the day before in UTC); the due date is the
   * issue date plus the payment terms. When the request carries the platform's totals and ours
   * differ beyond rounding (one minor unit per line), the difference is kept on the invoice.
   */
  public static Invoice issue(
      UUID id, DocumentNumber number, IssueRequest request, InvoicingTerms terms) {
    Currency currency = request.currency();
    List<InvoiceLine> lines = new ArrayList<>();
    for (LineRequest line : request.lines()) {
      lines.add(InvoiceLine.price(line, terms.tax(), currency, request.taxesIncluded(), false));
    }
    LineRequest shipping = request.shipping();
    if (shipping != null && shipping.quantity().multiply(shipping.unitPrice()).signum() > 0) {
      lines.add(InvoiceLine.price(shipping, terms.tax(), currency, request.taxesIncluded(), true));
    }
    BigDecimal zero = Amounts.round(BigDecimal.ZERO, currency);
    BigDecimal subtotal = lines.stream().map(InvoiceLine::net).reduce(zero, BigDecimal::add);
    BigDecimal taxTotal = lines.stream().map(InvoiceLine::tax).reduce(zero, BigDecimal::add);
    BigDecimal total = lines.stream().map(InvoiceLine::gross).reduce(zero, BigDecimal::add);
    LocalDate issueDate = LocalDate.ofInstant(request.issuedAt(), terms.timeZone());
    return new Invoice(
        id,
        request.tenantId(),
        number,
        terms.seller(),
        request.client(),
        currency,
        request.taxesIncluded(),
        issueDate,
        request.issuedAt(),
        issueDate.plusDays(terms.paymentTermsDays()),
        lines,
        subtotal,
        taxTotal,
        total,
        request.source(),
        request.sourceKind(),
        reconcile(request.platformTotals(), total, taxTotal, lines.size(), currency),
        zero,
        zero,
        List.of());
  }

  /**
   * Null when the platform gave no totals or ours match them to within rounding: each line may be
   * rounded once by us and once by the platform, so one minor unit per line is rounding; more is a
   * difference.
   */
  static Reconciliation reconcile(
      PlatformTotals platform,
      BigDecimal total,
      BigDecimal taxTotal,
      int lineCount,
      Currency currency) {
    if (platform == null || platform.total() == null) {
      return null;
    }
    BigDecimal minorUnit = BigDecimal.ONE.movePointLeft(Amounts.fractionDigits(currency));
    BigDecimal tolerance = minorUnit.multiply(BigDecimal.valueOf(Math.max(1, lineCount)));
    BigDecimal platformTotal = Amounts.round(platform.total(), currency);
    BigDecimal difference = total.subtract(platformTotal);
    if (difference.abs().compareTo(tolerance) <= 0) {
      return null;
    }
    return new Reconciliation(
        platformTotal,
        total,
        difference,
        platform.taxTotal() == null ? null : Amounts.round(platform.taxTotal(), currency),
        taxTotal);
  }

  /** What is still owed: the total less credit notes and payments, never below zero. */
  public BigDecimal balanceDue() {
    BigDecimal due = total.subtract(creditedTotal).subtract(paidTotal);
    return due.signum() < 0 ? due.subtract(due) : due;
  }

  /**
   * Fully credited: credit notes cancel the whole total. Paid: payments cover what the credit notes
   * left (a paid invoice partly refunded stays paid). Partially paid: some payment, not enough.
   * Issued: nothing paid yet.
   */
  public InvoiceStatus status() {
    if (total.signum() > 0 && creditedTotal.compareTo(total) >= 0) {
      return InvoiceStatus.CREDITED;
    }
    if (paidTotal.compareTo(total.subtract(creditedTotal)) >= 0) {
      return InvoiceStatus.PAID;
    }
    return paidTotal.signum() > 0 ? InvoiceStatus.PARTIALLY_PAID : InvoiceStatus.ISSUED;
  }

  /** Overdue: still owed something after its due date (in the tenant's time zone). */
  public boolean overdue(LocalDate today) {
    InvoiceStatus status = status();
    return (status == InvoiceStatus.ISSUED || status == InvoiceStatus.PARTIALLY_PAID)
        && today.isAfter(dueDate);
  }

  /**
   * The payment a request makes. The tenant cannot record more than is owed through the API; a
   * platform's payment is a fact and is recorded as the platform states it.
   */
  public Payment pay(UUID paymentId, PaymentRequest request, LocalDate date, Instant now) {
    if (!request.currency().equals(currency)) {
      throw new InvalidInvoice(
          "the payment is in " + request.currency() + ", the invoice is in " + currency);
    }
    if (request.amount().stripTrailingZeros().scale() > Amounts.fractionDigits(currency)) {
      throw new InvalidInvoice(
          "the payment has more decimals than " + currency + " has minor units");
    }
    BigDecimal amount = Amounts.round(request.amount(), currency);
    if (request.origin() == Origin.API && amount.compareTo(balanceDue()) > 0) {
      throw new InvalidInvoice(
          "the payment of "
              + amount.toPlainString()
              + " exceeds the balance due of "
              + balanceDue().toPlainString());
    }
    return new Payment(
        paymentId, id, amount, date, request.method(), request.reference(), request.origin(), now);
  }

  public Invoice withPayment(Payment payment) {
    return with(paidTotal.add(payment.amount()), creditedTotal, creditNoteIds);
  }

  /**
   * The credit note a request makes, given the credit notes already issued for this invoice (see
   * {@link Crediting} for the amount rules).
   */
  public CreditNote credit(
      UUID creditNoteId,
      DocumentNumber number,
      CreditRequest request,
      List<CreditNote> previous,
      LocalDate issueDate) {
    return Crediting.credit(this, creditNoteId, number, request, previous, issueDate);
  }

  public Invoice withCreditNote(CreditNote note) {
    List<UUID> ids = new ArrayList<>(creditNoteIds);
    ids.add(note.id());
    return with(paidTotal, creditedTotal.add(note.total()), ids);
  }

  private Invoice with(BigDecimal paid, BigDecimal credited, List<UUID> notes) {
    return new Invoice(
        id,
        tenantId,
        number,
        seller,
        client,
        currency,
        taxesIncluded,
        issueDate,
        issuedAt,
        dueDate,
        lines,
        subtotal,
        taxTotal,
        total,
        source,
        sourceKind,
        reconciliation,
        paid,
        credited,
        notes);
  }
}
