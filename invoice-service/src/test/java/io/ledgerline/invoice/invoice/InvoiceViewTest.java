package io.ledgerline.invoice.invoice;

import static io.ledgerline.invoice.invoice.InvoiceTest.line;
import static io.ledgerline.invoice.invoice.InvoiceTest.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvoiceViewTest {

  @Test
  void showsAmountsAsDecimalStringsWithTheCurrencysFractionDigits() {
    Invoice invoice =
        Invoice.issue(
            UUID.randomUUID(),
            new InvoiceNumber(7),
            request(
                Currency.getInstance("USD"), false, List.of(line("1", "100", null, null)), null),
            new BigDecimal("0.075"));

    InvoiceView view = InvoiceView.of(invoice);

    assertThat(view.number()).isEqualTo("INV-000007");
    assertThat(view.subtotal()).isEqualTo("100.00");
    assertThat(view.taxTotal()).isEqualTo("7.50");
    assertThat(view.total()).isEqualTo("107.50");
    assertThat(view.lines().get(0).unitPrice()).isEqualTo("100.00");
    assertThat(view.lines().get(0).quantity()).isEqualTo("1");
    assertThat(view.lines().get(0).taxRate()).isEqualTo("0.075");
    assertThat(view.issueDate()).isEqualTo("2026-11-20");
    assertThat(view.source().externalId()).isEqualTo("order-1");
    assertThat(view.client().name()).isEqualTo("Ada Lovelace");
  }

  @Test
  void showsYenWithoutDecimalsAndNeverRoundsAFineUnitPrice() {
    Invoice yen =
        Invoice.issue(
            UUID.randomUUID(),
            InvoiceNumber.first(),
            request(
                Currency.getInstance("JPY"), false, List.of(line("1", "1000", null, "0.1")), null),
            new BigDecimal("0.075"));
    Invoice screws =
        Invoice.issue(
            UUID.randomUUID(),
            InvoiceNumber.first(),
            request(
                Currency.getInstance("USD"), false, List.of(line("100", "0.125", null, "0")), null),
            new BigDecimal("0.075"));

    assertThat(InvoiceView.of(yen).total()).isEqualTo("1100");
    assertThat(InvoiceView.of(screws).lines().get(0).unitPrice()).isEqualTo("0.125");
    assertThat(InvoiceView.of(screws).total()).isEqualTo("12.50");
  }
}
