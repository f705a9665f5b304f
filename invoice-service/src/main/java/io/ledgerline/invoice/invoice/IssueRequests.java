package io.ledgerline.invoice.invoice;

import io.ledgerline.events.Address;
import io.ledgerline.events.InvoiceCommand;
import io.ledgerline.events.LineItem;
import io.ledgerline.events.Money;
import io.ledgerline.events.Party;
import io.ledgerline.events.SourceRef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** Reads an {@link InvoiceCommand} (the contract) into an {@link IssueRequest} (the model). */
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
      lines.add(
          new LineRequest(
              item.getName(),
              item.getSku(),
              item.getQuantity(),
              amount(item.getUnitPrice(), code, "unit price"),
              item.getDiscount() == null ? null : amount(item.getDiscount(), code, "discount"),
              item.getTaxRate()));
    }
    SourceRef source = command.getSource();
    return new IssueRequest(
        command.getTenantId(),
        new SourceReference(
            source.getPlatform().name(),
            source.getConnectionId(),
            source.getExternalId(),
            source.getReference(),
            source.getEventId()),
        client(command.getClientId(), command.getClient()),
        currency,
        command.getTaxesIncluded(),
        lines,
        command.getShipping() == null ? null : amount(command.getShipping(), code, "shipping"),
        command.getIssuedAt());
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
