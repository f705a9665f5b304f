package io.ledgerline.sync.invoicing;

import io.ledgerline.events.Address;
import io.ledgerline.events.DealEvent;
import io.ledgerline.events.InvoiceAction;
import io.ledgerline.events.InvoiceCommand;
import io.ledgerline.events.LineItem;
import io.ledgerline.events.Money;
import io.ledgerline.events.Party;
import io.ledgerline.events.Payment;
import io.ledgerline.events.Platform;
import io.ledgerline.events.Refund;
import io.ledgerline.events.SaleEvent;
import io.ledgerline.events.SaleKind;
import io.ledgerline.events.SourceKind;
import io.ledgerline.events.SourceRef;
import io.ledgerline.sync.client.Client;
import io.ledgerline.sync.client.ClientAddress;
import io.ledgerline.sync.client.ClientDetails;
import io.ledgerline.sync.client.Customer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * The rules that turn a sale or a deal into an {@link InvoiceCommand}, and the checks that reject
 * what can never be invoiced. Pure functions over the contracts: no Spring, no storage.
 */
final class InvoiceCommands {

  private InvoiceCommands() {}

  /** The buyer a sale names; a sale without one is invoiced to a new, nameless client. */
  static Customer customerOf(Platform platform, Party party) {
    String platformName = platform.name();
    if (party == null) {
      return new Customer(platformName, null, ClientDetails.cleaned(null, null, null, null, null));
    }
    Address address = party.getAddress();
    ClientAddress cleanAddress =
        address == null
            ? null
            : ClientAddress.cleaned(
                address.getLine1(),
                address.getLine2(),
                address.getCity(),
                address.getRegion(),
                address.getPostalCode(),
                address.getCountry());
    return new Customer(
        platformName,
        party.getExternalId(),
        ClientDetails.cleaned(
            party.getName(), party.getEmail(), party.getPhone(), party.getTaxId(), cleanAddress));
  }

  /** Rejects a sale that can never be invoiced, with the reason. */
  static void checkInvoiceable(SaleEvent sale) {
    requireText(sale.getTenantId(), "tenantId");
    requireText(sale.getConnectionId(), "connectionId");
    requireText(sale.getExternalId(), "externalId");
    String currency = currency(sale.getCurrency());
    checkLines(sale.getLines(), currency);
    if (sale.getTotals() != null) {
      checkMoney(sale.getTotals().getShippingTotal(), currency, "shipping");
    }
  }

  /**
   * A completed sale's command: its lines with their tax as the platform stated it, shipping as a
   * taxed line when the platform gives one (else the shipping total, taxed by the tenant's rule),
   * the platform's totals to reconcile against, and its payments. A sale that does not say it is
   * unpaid and lists no payment was paid at the till: one payment of its total, with a reference
   * derived from the sale (so every delivery of the sale names the same payment).
   */
  static InvoiceCommand forSale(SaleEvent sale, Client client) {
    Money shipping = sale.getTotals() == null ? null : sale.getTotals().getShippingTotal();
    boolean hasShipping = shipping != null && shipping.getAmount().signum() > 0;
    return InvoiceCommand.newBuilder()
        .setCommandId(commandId(sale.getEventId()))
        .setTenantId(sale.getTenantId())
        .setAction(InvoiceAction.ISSUE)
        .setSource(source(sale))
        .setClientId(client.id().toString())
        .setClient(snapshot(client))
        .setCurrency(sale.getCurrency())
        .setTaxesIncluded(sale.getTaxesIncluded())
        .setLines(List.copyOf(sale.getLines()))
        .setShipping(hasShipping && sale.getShipping() == null ? shipping : null)
        .setShippingLine(sale.getShipping())
        .setPlatformTotals(sale.getTotals())
        .setPayments(payments(sale))
        .setSourceKind(SourceKind.SALE)
        .setIssuedAt(sale.getOccurredAt())
        .build();
  }

  static List<Payment> payments(SaleEvent sale) {
    if (!sale.getPayments().isEmpty()) {
      return List.copyOf(sale.getPayments());
    }
    if (Boolean.FALSE.equals(sale.getPaid())
        || sale.getTotals() == null
        || sale.getTotals().getTotal().getAmount().signum() <= 0) {
      return List.of();
    }
    return List.of(
        Payment.newBuilder()
            .setReference(
                sale.getPlatform().name().toLowerCase(java.util.Locale.ROOT)
                    + ":"
                    + sale.getExternalId()
                    + ":paid")
            .setAmount(sale.getTotals().getTotal())
            .setMethod(null)
            .setPaidAt(sale.getOccurredAt())
            .build());
  }

  /**
   * A refund, return or void's command: credit the sale's invoice with the refunded lines (each
   * naming the sale's line), shipping and adjustments, or everything left for a void. The credit id
   * is the platform's refund id; without one, {@code void:<sale>} for a void and {@code
   * refund:<event>} otherwise, so a redelivered refund is the same credit. The client fields are
   * not used by a credit and stay empty.
   */
  static InvoiceCommand forCredit(SaleEvent sale) {
    Refund given = sale.getRefund();
    boolean voided = sale.getKind() == SaleKind.VOIDED;
    String creditId =
        given != null && given.getRefundId() != null && !given.getRefundId().isBlank()
            ? given.getRefundId()
            : voided ? "void:" + sale.getExternalId() : "refund:" + sale.getEventId();
    Refund.Builder refund =
        given == null ? Refund.newBuilder().setRefundId(creditId) : Refund.newBuilder(given);
    refund.setRefundId(creditId);
    if (voided) {
      refund.setFull(true);
    }
    Money shipping = sale.getTotals() == null ? null : sale.getTotals().getShippingTotal();
    if (refund.getShipping() == null && shipping != null && shipping.getAmount().signum() > 0) {
      // Older events state refunded shipping only as a total: its tax follows the invoice's line.
      refund.setShipping(
          LineItem.newBuilder()
              .setName("Shipping")
              .setQuantity(new BigDecimal("1.0000"))
              .setUnitPrice(shipping)
              .setLineTotal(shipping)
              .build());
    }
    return InvoiceCommand.newBuilder()
        .setCommandId(commandId(sale.getEventId()))
        .setTenantId(sale.getTenantId())
        .setAction(InvoiceAction.CREDIT)
        .setSource(source(sale))
        .setClientId("")
        .setClient(Party.newBuilder().build())
        .setCurrency(sale.getCurrency())
        .setTaxesIncluded(sale.getTaxesIncluded())
        .setLines(voided ? List.of() : List.copyOf(sale.getLines()))
        .setShipping(null)
        .setCredit(refund.build())
        .setSourceKind(SourceKind.SALE)
        .setIssuedAt(sale.getOccurredAt())
        .build();
  }

  /** Rejects a refund or void that can never be credited, with the reason. */
  static void checkCreditable(SaleEvent sale) {
    requireText(sale.getTenantId(), "tenantId");
    requireText(sale.getConnectionId(), "connectionId");
    requireText(sale.getExternalId(), "externalId");
    String currency = currency(sale.getCurrency());
    for (int i = 0; i < sale.getLines().size(); i++) {
      LineItem line = sale.getLines().get(i);
      checkMoney(line.getLineTotal(), currency, "refunded line " + (i + 1));
      checkMoney(line.getTaxAmount(), currency, "refunded line " + (i + 1) + " tax");
      checkMoney(line.getUnitPrice(), currency, "refunded line " + (i + 1) + " unit price");
    }
    if (sale.getKind() == SaleKind.REFUNDED
        && sale.getLines().isEmpty()
        && (sale.getRefund() == null
            || (sale.getRefund().getShipping() == null
                && sale.getRefund().getAdjustments().isEmpty()))
        && (sale.getTotals() == null
            || sale.getTotals().getShippingTotal().getAmount().signum() <= 0)) {
      throw new Uninvoiceable("a refund with nothing refunded: no lines, shipping or adjustments");
    }
  }

  private static SourceRef source(SaleEvent sale) {
    return SourceRef.newBuilder()
        .setPlatform(sale.getPlatform())
        .setConnectionId(sale.getConnectionId())
        .setExternalId(sale.getExternalId())
        .setReference(sale.getOrderNumber())
        .setEventId(sale.getEventId())
        .setAccountId(sale.getAccountId())
        .build();
  }

  /**
   * A won deal's lines; a deal with only an amount is one line named after the deal. The currency
   * is the amount's, else the first line's.
   */
  static List<LineItem> dealLines(DealEvent deal) {
    if (!deal.getLines().isEmpty()) {
      return List.copyOf(deal.getLines());
    }
    if (deal.getAmount() == null) {
      throw new Uninvoiceable("a won deal without lines or amount has nothing to invoice");
    }
    String name = deal.getTitle() == null ? "Deal " + deal.getExternalId() : deal.getTitle();
    return List.of(
        LineItem.newBuilder()
            .setName(name)
            .setQuantity(new BigDecimal("1.0000"))
            .setUnitPrice(deal.getAmount())
            .build());
  }

  static String dealCurrency(DealEvent deal) {
    if (deal.getAmount() != null) {
      return deal.getAmount().getCurrency();
    }
    if (!deal.getLines().isEmpty()) {
      return deal.getLines().get(0).getUnitPrice().getCurrency();
    }
    throw new Uninvoiceable("a won deal without lines or amount has nothing to invoice");
  }

  static void checkInvoiceable(DealEvent deal) {
    requireText(deal.getTenantId(), "tenantId");
    requireText(deal.getConnectionId(), "connectionId");
    requireText(deal.getExternalId(), "externalId");
    String currency = currency(dealCurrency(deal));
    checkLines(dealLines(deal), currency);
  }

  static InvoiceCommand forDeal(DealEvent deal, Client client) {
    Instant issuedAt = deal.getClosedAt() != null ? deal.getClosedAt() : deal.getOccurredAt();
    return InvoiceCommand.newBuilder()
        .setCommandId(commandId(deal.getEventId()))
        .setTenantId(deal.getTenantId())
        .setAction(InvoiceAction.ISSUE)
        .setSource(
            SourceRef.newBuilder()
                .setPlatform(deal.getPlatform())
                .setConnectionId(deal.getConnectionId())
                .setExternalId(deal.getExternalId())
                .setReference(deal.getTitle())
                .setEventId(deal.getEventId())
                .setAccountId(deal.getAccountId())
                .build())
        .setClientId(client.id().toString())
        .setClient(snapshot(client))
        .setCurrency(dealCurrency(deal))
        .setTaxesIncluded(false)
        .setLines(dealLines(deal))
        .setShipping(null)
        .setSourceKind(SourceKind.DEAL)
        .setIssuedAt(issuedAt)
        .build();
  }

  /** The same event always makes the same command id, so a replayed event is recognisable. */
  static String commandId(String eventId) {
    return UUID.nameUUIDFromBytes(("invoice-command:" + eventId).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  static Party snapshot(Client client) {
    ClientDetails details = client.details();
    ClientAddress address = details.address();
    return Party.newBuilder()
        .setExternalId(client.externalCustomerId())
        .setName(details.name())
        .setEmail(details.email())
        .setPhone(details.phone())
        .setTaxId(details.taxId())
        .setAddress(
            address == null
                ? null
                : Address.newBuilder()
                    .setLine1(address.line1())
                    .setLine2(address.line2())
                    .setCity(address.city())
                    .setRegion(address.region())
                    .setPostalCode(address.postalCode())
                    .setCountry(address.country())
                    .build())
        .build();
  }

  private static void checkLines(List<LineItem> lines, String currency) {
    if (lines == null || lines.isEmpty()) {
      throw new Uninvoiceable("nothing to invoice: no lines");
    }
    for (int i = 0; i < lines.size(); i++) {
      LineItem line = lines.get(i);
      String where = "line " + (i + 1);
      if (line.getName() == null || line.getName().isBlank()) {
        throw new Uninvoiceable(where + " has no name");
      }
      if (line.getQuantity() == null || line.getQuantity().signum() <= 0) {
        throw new Uninvoiceable(where + " has a quantity that is not positive");
      }
      if (line.getUnitPrice() == null) {
        throw new Uninvoiceable(where + " has no unit price");
      }
      checkMoney(line.getUnitPrice(), currency, where + " unit price");
      checkMoney(line.getDiscount(), currency, where + " discount");
      if (line.getDiscount() != null
          && line.getDiscount()
                  .getAmount()
                  .compareTo(line.getQuantity().multiply(line.getUnitPrice().getAmount()))
              > 0) {
        throw new Uninvoiceable(where + " has a discount larger than the line");
      }
      BigDecimal rate = line.getTaxRate();
      if (rate != null && (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0)) {
        throw new Uninvoiceable(where + " has a tax rate outside 0..1: " + rate);
      }
    }
  }

  private static void checkMoney(Money money, String currency, String what) {
    if (money == null) {
      return;
    }
    if (money.getAmount() == null || money.getAmount().signum() < 0) {
      throw new Uninvoiceable(what + " is negative");
    }
    if (!currency.equals(money.getCurrency())) {
      throw new Uninvoiceable(
          what + " is in " + money.getCurrency() + ", the invoice is in " + currency);
    }
  }

  private static String currency(String code) {
    if (code == null || !code.matches("[A-Z]{3}")) {
      throw new Uninvoiceable("invalid currency: " + code);
    }
    try {
      Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw new Uninvoiceable("invalid currency: " + code);
    }
    return code;
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new Uninvoiceable("missing " + field);
    }
  }
}
