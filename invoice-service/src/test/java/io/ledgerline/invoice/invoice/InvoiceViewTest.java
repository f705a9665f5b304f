package io.ledgerline.invoice.invoice;

import static io.ledgerline.invoice.invoice.Invoicing.line;
import static io.ledgerline.invoice.invoice.Invoicing.request;
import static io.ledgerline.invoice.invoice.Invoicing.terms;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvoiceViewTest {

  private static final java.time.LocalDate TODAY = java.time.LocalDate.of(2026, 11, 21);

  @Test
  void showsAmountsAsDecimalStringsWithTheCurrencysFractionDigits() {
    Invoice invoice =
        Invoice.issue(
            UUID.randomUUID(),
            new DocumentNumber("INV-", 7),
            request(
                Currency.getInstance("USD"), false, List.of(line("1", "100", null, null)), null),
            terms());

    InvoiceView view = InvoiceView.of(invoice, TODAY);

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
    assertThat(view.status()).isEqualTo("ISSUED");
    assertThat(view.dueDate()).isEqualTo("2026-12-20");
    assertThat(view.balanceDue()).isEqualTo("107.50");
    assertThat(view.seller().legalName()).isEqualTo("Ledgerline Demo Ltd");
    assertThat(view.lines().get(0).taxCategory()).isEqualTo("STANDARD");
  }

  @Test
  void showsYenWithoutDecimalsAndNeverRoundsAFineUnitPrice() {
    Invoice yen =
        Invoice.issue(
            UUID.randomUUID(),
            new DocumentNumber("INV-", 1),
            request(
                Currency.getInstance("JPY"), false, List.of(line("1", "1000", null, "0.1")), null),
            terms());
    Invoice screws =
        Invoice.issue(
            UUID.randomUUID(),
            new DocumentNumber("INV-", 1),
            request(
                Currency.getInstance("USD"), false, List.of(line("100", "0.125", null, "0")), null),
            terms());

    assertThat(InvoiceView.of(yen, TODAY).total()).isEqualTo("1100");
    assertThat(InvoiceView.of(screws, TODAY).lines().get(0).unitPrice()).isEqualTo("0.125");
    assertThat(InvoiceView.of(screws, TODAY).total()).isEqualTo("12.50");
  }
}
