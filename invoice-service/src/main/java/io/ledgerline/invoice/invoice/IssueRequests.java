package io.ledgerline.invoice.invoice;

import io.ledgerline.events.Address;
import io.ledgerline.events.InvoiceCommand;
import io.ledgerline.events.LineItem;
import io.ledgerline.events.Money;
import io.ledgerline.events.Party;
import io.ledgerline.events.Refund;
import io.ledgerline.events.SaleTotals;
import io.ledgerline.events.SourceRef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Reads an {@link InvoiceCommand} (the contract) into an {@link IssueRequest} or a {@link
 * CreditRequest} (the model).
 */
public final class IssueRequests {

  private IssueRequests() {}

  /**
   * @throws InvalidInvoice when the command can never be issued (unknown currency, no lines, an
   *     amount in another currency)
   */
  public static IssueRequest of(InvoiceCommand command) {
    Currency currency = IssueRequest.currency(command.getCurrency());
    String code = currency.getCurrencyCode();
    List<LineRequest> lines = new ArrayList<>();
    for (LineItem item : command.getLines()) {
      lines.add(line(item, code));
    }
    LineRequest shipping = null;
    if (command.getShippingLine() != null) {
      shipping = line(command.getShippingLine(), code);
    } else if (command.getShipping() != null
        && amount(command.getShipping(), code, "shipping").signum() > 0) {
      shipping =
          new LineRequest(
              Invoice.SHIPPING,
              null,
              BigDecimal.ONE,
              amount(command.getShipping(), code, "shipping"),
              null,
              LineTax.unstated(),
              null);
    }
    List<PaymentRequest> payments = new ArrayList<>();
    for (io.ledgerline.events.Payment payment : command.getPayments()) {
      payments.add(
          new PaymentRequest(
              amount(payment.getAmount(), code, "payment"),
              currency,
              null,
              payment.getPaidAt(),
              payment.getMethod(),
              payment.getReference(),
              Origin.PLATFORM));
    }
    SaleTotals totals = command.getPlatformTotals();
    return new IssueRequest(
        command.getTenantId(),
        source(command.getSource()),
        command.getSourceKind() == null
                || command.getSourceKind() == io.ledgerline.events.SourceKind.UNKNOWN
            ? null
            : SourceKind.valueOf(command.getSourceKind().name()),
        client(command.getClientId(), command.getClient()),
        currency,
        command.getTaxesIncluded(),
        lines,
        shipping,
        command.getIssuedAt(),
        totals == null
            ? null
            : new PlatformTotals(
                amount(totals.getTotal(), code, "platform total"),
                amount(totals.getTaxTotal(), code, "platform tax total")),
        payments);
  }

  /** The credit a {@code CREDIT} command asks for. */
  public static CreditRequest credit(InvoiceCommand command) {
    Refund refund = command.getCredit();
    if (refund == null) {
      throw new InvalidInvoice("a credit command names no credit");
    }
    String code = IssueRequest.currency(command.getCurrency()).getCurrencyCode();
    List<CreditLineRequest> lines = new ArrayList<>();
    for (LineItem item : command.getLines()) {
      lines.add(creditLine(item, code));
    }
    List<CreditLineRequest> adjustments = new ArrayList<>();
    for (LineItem item : refund.getAdjustments()) {
      adjustments.add(creditLine(item, code));
    }
    return new CreditRequest(
        refund.getRefundId(),
        refund.getReason(),
        refund.getFull(),
        lines,
        refund.getShipping() == null ? null : creditLine(refund.getShipping(), code),
        adjustments,
        null,
        command.getIssuedAt(),
        Origin.PLATFORM,
        command.getSource().getEventId());
  }

  public static SourceReference source(SourceRef source) {
    return new SourceReference(
        source.getPlatform().name(),
        source.getConnectionId(),
        source.getExternalId(),
        source.getReference(),
        source.getEventId(),
        source.getAccountId());
  }

  /**
   * A refunded line: what the platform says it refunded ({@code lineTotal}, else {@code quantity ×
   * unitPrice − discount} when a price is given) and its tax.
   */
  private static CreditLineRequest creditLine(LineItem item, String currency) {
    BigDecimal amount = null;
    if (item.getLineTotal() != null) {
      amount = amount(item.getLineTotal(), currency, "refunded line total");
    }
    BigDecimal tax =
        item.getTaxAmount() == null ? null : amount(item.getTaxAmount(), currency, "refunded tax");
    return new CreditLineRequest(
        null,
        item.getLineRef(),
        item.getSku(),
        item.getName(),
        item.getQuantity() == null || item.getQuantity().signum() == 0 ? null : item.getQuantity(),
        amount,
        tax);
  }

  private static LineRequest line(LineItem item, String currency) {
    io.ledgerline.events.TaxCategory category = item.getTaxCategory();
    return new LineRequest(
        item.getName(),
        item.getSku(),
        item.getQuantity(),
        amount(item.getUnitPrice(), currency, "unit price"),
        item.getDiscount() == null ? null : amount(item.getDiscount(), currency, "discount"),
        new LineTax(
            item.getTaxed(),
            item.getTaxRate(),
            item.getTaxAmount() == null ? null : amount(item.getTaxAmount(), currency, "tax"),
            category == null ? null : TaxCategory.valueOf(category.name()),
            item.getTaxExemptionReason()),
        item.getExternalId());
  }

  private static ClientSnapshot client(String id, Party party) {
    Address a = party.getAddress();
    PostalAddress address =
        a == null
            ? null
            : new PostalAddress(
                a.getLine1(),
                a.getLine2(),
                a.getCity(),
                a.getRegion(),
                a.getPostalCode(),
                a.getCountry());
    return new ClientSnapshot(
        id, party.getName(), party.getEmail(), party.getPhone(), party.getTaxId(), address);
  }

  private static BigDecimal amount(Money money, String currency, String what) {
    if (!currency.equals(money.getCurrency())) {
      throw new InvalidInvoice(
          what + " is in " + money.getCurrency() + ", the invoice is in " + currency);
    }
    return money.getAmount();
  }
}
