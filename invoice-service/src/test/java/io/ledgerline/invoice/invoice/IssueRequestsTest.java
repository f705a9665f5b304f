package io.ledgerline.invoice.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.events.Amounts;
import io.ledgerline.events.InvoiceAction;
import io.ledgerline.events.InvoiceCommand;
import io.ledgerline.events.LineItem;
import io.ledgerline.events.Party;
import io.ledgerline.events.Platform;
import io.ledgerline.events.SourceRef;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IssueRequestsTest {

  @Test
  void readsACommandIntoARequest() {
    IssueRequest request = IssueRequests.of(command("USD", "USD").build());

    assertThat(request.tenantId()).isEqualTo("tenant-1");
    assertThat(request.currency().getCurrencyCode()).isEqualTo("USD");
    assertThat(request.source())
        .isEqualTo(new SourceReference("SHOPIFY", "conn-1", "order-1", "#1001", "event-1"));
    assertThat(request.client().id()).isEqualTo("client-1");
    assertThat(request.client().email()).isEqualTo("ada@example.com");
    assertThat(request.lines()).hasSize(1);
    assertThat(request.lines().get(0).unitPrice()).isEqualByComparingTo("50");
    assertThat(request.shipping().unitPrice()).isEqualByComparingTo("10");
    assertThat(request.shipping().tax()).isEqualTo(LineTax.unstated());
    assertThat(request.lines().get(0).tax()).isEqualTo(LineTax.unstated());
    assertThat(request.taxesIncluded()).isTrue();
  }

  @Test
  void rejectsAnAmountInAnotherCurrencyThanTheInvoice() {
    assertThatThrownBy(() -> IssueRequests.of(command("USD", "EUR").build()))
        .isInstanceOf(InvalidInvoice.class)
        .hasMessageContaining("unit price is in EUR");
  }

  @Test
  void rejectsAnUnknownCurrencyAndACommandWithoutLines() {
    assertThatThrownBy(() -> IssueRequests.of(command("ABC", "ABC").build()))
        .isInstanceOf(InvalidInvoice.class);
    assertThatThrownBy(() -> IssueRequests.of(command("USD", "USD").setLines(List.of()).build()))
        .isInstanceOf(InvalidInvoice.class)
        .hasMessageContaining("at least one line");
  }

  @Test
  void readsTheLinesTaxPaymentsTotalsAndShippingLine() {
    InvoiceCommand command =
        command("USD", "USD")
            .setShippingLine(
                LineItem.newBuilder()
                    .setName("Shipping")
                    .setQuantity(Amounts.quantity(BigDecimal.ONE))
                    .setUnitPrice(Amounts.money(new BigDecimal("5"), "USD"))
                    .setTaxed(true)
                    .setTaxAmount(Amounts.money(new BigDecimal("0.38"), "USD"))
                    .build())
            .setPayments(
                List.of(
                    io.ledgerline.events.Payment.newBuilder()
                        .setReference("txn-1")
                        .setAmount(Amounts.money(new BigDecimal("60"), "USD"))
                        .setMethod("card")
                        .setPaidAt(Instant.parse("2026-11-20T10:00:00Z"))
                        .build()))
            .setPlatformTotals(
                io.ledgerline.events.SaleTotals.newBuilder()
                    .setSubtotal(Amounts.money(new BigDecimal("50"), "USD"))
                    .setDiscountTotal(Amounts.money(BigDecimal.ZERO, "USD"))
                    .setTaxTotal(Amounts.money(BigDecimal.ZERO, "USD"))
                    .setShippingTotal(Amounts.money(new BigDecimal("5"), "USD"))
                    .setTotal(Amounts.money(new BigDecimal("55.38"), "USD"))
                    .build())
            .build();
    command.getLines().get(0).setTaxed(false);
    command.getLines().get(0).setTaxCategory(io.ledgerline.events.TaxCategory.EXEMPT);
    command.getLines().get(0).setExternalId("li-1");

    IssueRequest request = IssueRequests.of(command);

    assertThat(request.lines().get(0).tax().taxed()).isFalse();
    assertThat(request.lines().get(0).tax().category()).isEqualTo(TaxCategory.EXEMPT);
    assertThat(request.lines().get(0).externalId()).isEqualTo("li-1");
    assertThat(request.shipping().tax().amount()).isEqualByComparingTo("0.38");
    assertThat(request.payments())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.reference()).isEqualTo("txn-1");
              assertThat(p.origin()).isEqualTo(Origin.PLATFORM);
            });
    assertThat(request.platformTotals().total()).isEqualByComparingTo("55.38");
  }

  @Test
  void readsACreditCommandWithItsRefundedLines() {
    InvoiceCommand command =
        command("USD", "USD")
            .setAction(InvoiceAction.CREDIT)
            .setCredit(
                io.ledgerline.events.Refund.newBuilder()
                    .setRefundId("refund-1")
                    .setReason("damaged")
                    .build())
            .build();
    command.getLines().get(0).setLineRef("li-1");
    command.getLines().get(0).setLineTotal(Amounts.money(new BigDecimal("50"), "USD"));
    command.getLines().get(0).setTaxAmount(Amounts.money(new BigDecimal("3.75"), "USD"));

    CreditRequest credit = IssueRequests.credit(command);

    assertThat(credit.creditId()).isEqualTo("refund-1");
    assertThat(credit.lines())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.lineRef()).isEqualTo("li-1");
              assertThat(l.amount()).isEqualByComparingTo("50");
              assertThat(l.tax()).isEqualByComparingTo("3.75");
            });
    assertThat(credit.origin()).isEqualTo(Origin.PLATFORM);
  }

  static InvoiceCommand.Builder command(String currency, String lineCurrency) {
    return InvoiceCommand.newBuilder()
        .setCommandId("cmd-1")
        .setTenantId("tenant-1")
        .setAction(InvoiceAction.ISSUE)
        .setSource(
            SourceRef.newBuilder()
                .setPlatform(Platform.SHOPIFY)
                .setConnectionId("conn-1")
                .setExternalId("order-1")
                .setReference("#1001")
                .setEventId("event-1")
                .build())
        .setClientId("client-1")
        .setClient(Party.newBuilder().setName("Ada").setEmail("ada@example.com").build())
        .setCurrency(currency)
        .setTaxesIncluded(true)
        .setLines(
            List.of(
                LineItem.newBuilder()
                    .setName("Widget")
                    .setQuantity(Amounts.quantity(BigDecimal.ONE))
                    .setUnitPrice(Amounts.money(new BigDecimal("50"), lineCurrency))
                    .build()))
        .setShipping(Amounts.money(BigDecimal.TEN, currency))
        .setIssuedAt(Instant.parse("2026-11-20T10:00:00Z"));
  }
}
