package io.ledgerline.sync.invoicing;

import static io.ledgerline.sync.invoicing.Sales.completedSale;
import static io.ledgerline.sync.invoicing.Sales.usd;
import static io.ledgerline.sync.invoicing.Sales.widget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.events.DealEvent;
import io.ledgerline.events.DealKind;
import io.ledgerline.events.InvoiceAction;
import io.ledgerline.events.InvoiceCommand;
import io.ledgerline.events.LineItem;
import io.ledgerline.events.Platform;
import io.ledgerline.events.SaleEvent;
import io.ledgerline.sync.client.Client;
import io.ledgerline.sync.client.Customer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvoiceCommandsTest {

  private final UUID clientId = UUID.randomUUID();

  @Test
  void mapsACompletedSaleToAnIssueCommand() {
    SaleEvent sale = completedSale().build();
    Customer customer = InvoiceCommands.customerOf(sale.getPlatform(), sale.getCustomer());
    Client client = new Client(clientId, "tenant-1", "SHOPIFY", "cust-1", customer.details());

    InvoiceCommand command = InvoiceCommands.forSale(sale, client);

    assertThat(command.getCommandId()).isEqualTo(InvoiceCommands.commandId(sale.getEventId()));
    assertThat(command.getTenantId()).isEqualTo("tenant-1");
    assertThat(command.getAction()).isEqualTo(InvoiceAction.ISSUE);
    assertThat(command.getSource().getPlatform()).isEqualTo(Platform.SHOPIFY);
    assertThat(command.getSource().getConnectionId()).isEqualTo("conn-1");
    assertThat(command.getSource().getExternalId()).isEqualTo(sale.getExternalId());
    assertThat(command.getSource().getReference()).isEqualTo("#1001");
    assertThat(command.getSource().getEventId()).isEqualTo(sale.getEventId());
    assertThat(command.getClientId()).isEqualTo(clientId.toString());
    assertThat(command.getClient().getName()).isEqualTo("Ada Lovelace");
    assertThat(command.getClient().getEmail()).isEqualTo("ada@example.com");
    assertThat(command.getClient().getPhone()).isEqualTo("+14155550100");
    assertThat(command.getClient().getExternalId()).isEqualTo("cust-1");
    assertThat(command.getClient().getAddress().getCountry()).isEqualTo("US");
    assertThat(command.getCurrency()).isEqualTo("USD");
    assertThat(command.getTaxesIncluded()).isFalse();
    assertThat(command.getLines()).containsExactly(widget());
    assertThat(command.getShipping()).isEqualTo(usd("10.00"));
    assertThat(command.getIssuedAt()).isEqualTo(sale.getOccurredAt());
  }

  @Test
  void leavesOutShippingThatCostsNothing() {
    SaleEvent sale = completedSale().build();
    sale.getTotals().setShippingTotal(usd("0"));

    InvoiceCommand command = InvoiceCommands.forSale(sale, client(sale));

    assertThat(command.getShipping()).isNull();
  }

  @Test
  void theSameEventAlwaysMakesTheSameCommandId() {
    assertThat(InvoiceCommands.commandId("e-1"))
        .isEqualTo(InvoiceCommands.commandId("e-1"))
        .isNotEqualTo(InvoiceCommands.commandId("e-2"));
  }

  @Test
  void rejectsASaleWithoutLines() {
    SaleEvent sale = completedSale().setLines(List.of()).build();

    assertThatThrownBy(() -> InvoiceCommands.checkInvoiceable(sale))
        .isInstanceOf(Uninvoiceable.class)
        .hasMessageContaining("no lines");
  }

  @Test
  void rejectsAnInvalidCurrency() {
    assertThatThrownBy(
            () -> InvoiceCommands.checkInvoiceable(completedSale().setCurrency("XYZ").build()))
        .isInstanceOf(Uninvoiceable.class)
        .hasMessageContaining("invalid currency: XYZ");
    assertThatThrownBy(
            () -> InvoiceCommands.checkInvoiceable(completedSale().setCurrency("usd").build()))
        .isInstanceOf(Uninvoiceable.class);
  }

  @Test
  void rejectsALinePricedInAnotherCurrency() {
    LineItem euroLine = widget();
    euroLine.getUnitPrice().setCurrency("EUR");
    euroLine.setDiscount(null);

    assertThatThrownBy(
            () ->
                InvoiceCommands.checkInvoiceable(
                    completedSale().setLines(List.of(euroLine)).build()))
        .isInstanceOf(Uninvoiceable.class)
        .hasMessageContaining("line 1 unit price is in EUR");
  }

  @Test
  void rejectsNonPositiveQuantitiesAndOversizedDiscounts() {
    LineItem zero = widget();
    zero.setQuantity(new BigDecimal("0.0000"));
    LineItem overDiscounted = widget();
    overDiscounted.setDiscount(usd("100.01"));

    assertThatThrownBy(
            () -> InvoiceCommands.checkInvoiceable(completedSale().setLines(List.of(zero)).build()))
        .hasMessageContaining("quantity");
    assertThatThrownBy(
            () ->
                InvoiceCommands.checkInvoiceable(
                    completedSale().setLines(List.of(overDiscounted)).build()))
        .hasMessageContaining("discount larger");
  }

  @Test
  void acceptsAGoodSale() {
    InvoiceCommands.checkInvoiceable(completedSale().build());
  }

  @Test
  void aSaleWithoutABuyerIsInvoicedToANamelessClient() {
    Customer customer = InvoiceCommands.customerOf(Platform.CLOVER, null);

    assertThat(customer.externalId()).isNull();
    assertThat(customer.details().name()).isNull();
  }

  @Test
  void aWonDealWithOnlyAnAmountBecomesOneLineNamedAfterTheDeal() {
    DealEvent deal =
        DealEvent.newBuilder()
            .setEventId("d-e-1")
            .setTenantId("tenant-1")
            .setConnectionId("conn-2")
            .setPlatform(Platform.HUBSPOT)
            .setExternalId("deal-7")
            .setKind(DealKind.WON)
            .setOccurredAt(Instant.parse("2026-11-20T10:00:00Z"))
            .setClosedAt(Instant.parse("2026-11-19T09:00:00Z"))
            .setTitle("Annual plan")
            .setAmount(usd("1200.00"))
            .build();

    InvoiceCommands.checkInvoiceable(deal);
    InvoiceCommand command = InvoiceCommands.forDeal(deal, client(completedSale().build()));

    assertThat(command.getCurrency()).isEqualTo("USD");
    assertThat(command.getLines()).hasSize(1);
    assertThat(command.getLines().get(0).getName()).isEqualTo("Annual plan");
    assertThat(command.getLines().get(0).getUnitPrice()).isEqualTo(usd("1200.00"));
    assertThat(command.getIssuedAt()).isEqualTo(deal.getClosedAt());
    assertThat(command.getSource().getExternalId()).isEqualTo("deal-7");
  }

  private Client client(SaleEvent sale) {
    Customer customer = InvoiceCommands.customerOf(sale.getPlatform(), sale.getCustomer());
    return new Client(
        clientId,
        sale.getTenantId(),
        customer.platform(),
        customer.externalId(),
        customer.details());
  }
}
