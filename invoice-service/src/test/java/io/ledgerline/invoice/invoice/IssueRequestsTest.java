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
    assertThat(request.shipping()).isEqualByComparingTo("10");
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
