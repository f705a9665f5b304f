package io.ledgerline.invoice.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvoiceTest {

  private static final BigDecimal DEFAULT_RATE = new BigDecimal("0.075");
  private static final Currency USD = Currency.getInstance("USD");
  private static final Currency JPY = Currency.getInstance("JPY");
  private static final Currency KWD = Currency.getInstance("KWD");

  @Test
  void netPricesGetTaxAddedPerLineRoundedHalfUp() {
    // 2 × 50.00 − 5.00 = 95.00; 95.00 × 7.5 % = 7.125 → 7.13
    Invoice invoice =
        issue(request(USD, false, List.of(line("2", "50.00", "5.00", "0.075")), null));

    InvoiceLine line = invoice.lines().get(0);
    assertThat(line.net()).isEqualByComparingTo("95.00");
    assertThat(line.tax()).isEqualTo(new BigDecimal("7.13"));
    assertThat(line.gross()).isEqualTo(new BigDecimal("102.13"));
  }

  @Test
  void grossPricesHaveTheirTaxExtracted() {
    // 107.50 gross at 7.5 %: net 100.00, tax 7.50
    Invoice invoice = issue(request(USD, true, List.of(line("1", "107.50", null, "0.075")), null));

    InvoiceLine line = invoice.lines().get(0);
    assertThat(line.gross()).isEqualTo(new BigDecimal("107.50"));
    assertThat(line.net()).isEqualTo(new BigDecimal("100.00"));
    assertThat(line.tax()).isEqualTo(new BigDecimal("7.50"));
  }

  @Test
  void extractedTaxIsWhatIsLeftSoNetPlusTaxIsAlwaysTheGross() {
    // 10.00 / 1.075 = 9.3023 → 9.30; tax 0.70
    Invoice invoice = issue(request(USD, true, List.of(line("1", "10.00", null, "0.075")), null));

    InvoiceLine line = invoice.lines().get(0);
    assertThat(line.net()).isEqualTo(new BigDecimal("9.30"));
    assertThat(line.tax()).isEqualTo(new BigDecimal("0.70"));
    assertThat(line.net().add(line.tax())).isEqualTo(line.gross());
  }

  @Test
  void discountsComeOffTheLineBeforeTax() {
    Invoice invoice = issue(request(USD, false, List.of(line("3", "10.00", "3.00", "0.10")), null));

    InvoiceLine line = invoice.lines().get(0);
    assertThat(line.net()).isEqualTo(new BigDecimal("27.00"));
    assertThat(line.tax()).isEqualTo(new BigDecimal("2.70"));
  }

  @Test
  void aDiscountLargerThanTheLineIsRejected() {
    assertThatThrownBy(
            () -> issue(request(USD, false, List.of(line("1", "10.00", "10.01", null)), null)))
        .isInstanceOf(InvalidInvoice.class)
        .hasMessageContaining("discount larger");
  }

  @Test
  void linesWithoutARateTakeTheTenantsDefault() {
    Invoice invoice = issue(request(USD, false, List.of(line("1", "100.00", null, null)), null));

    assertThat(invoice.lines().get(0).taxRate()).isEqualByComparingTo("0.075");
    assertThat(invoice.lines().get(0).tax()).isEqualTo(new BigDecimal("7.50"));
  }

  @Test
  void aZeroRateFromTheSourceIsKeptNotReplacedByTheDefault() {
    Invoice invoice = issue(request(USD, false, List.of(line("1", "100.00", null, "0")), null));

    assertThat(invoice.lines().get(0).tax()).isEqualByComparingTo("0");
  }

  @Test
  void shippingIsItsOwnLineAtTheDefaultRate() {
    Invoice invoice =
        issue(
            request(USD, false, List.of(line("1", "100.00", null, "0.20")), new BigDecimal("10")));

    assertThat(invoice.lines()).hasSize(2);
    InvoiceLine shipping = invoice.lines().get(1);
    assertThat(shipping.description()).isEqualTo(Invoice.SHIPPING);
    assertThat(shipping.taxRate()).isEqualByComparingTo("0.075");
    assertThat(shipping.net()).isEqualTo(new BigDecimal("10.00"));
    assertThat(shipping.tax()).isEqualTo(new BigDecimal("0.75"));
  }

  @Test
  void noShippingLineForFreeShipping() {
    Invoice invoice =
        issue(request(USD, false, List.of(line("1", "100.00", null, null)), BigDecimal.ZERO));

    assertThat(invoice.lines()).hasSize(1);
  }

  @Test
  void totalsAreTheSumsOfTheRoundedLines() {
    // Three lines of 0.10 at 7.5 %: each tax 0.0075 → 0.01, so the tax total is 0.03
    // (rounding the invoice's 0.0225 once would give 0.02: the lines would not add up).
    var lines =
        List.of(
            line("1", "0.10", null, null),
            line("1", "0.10", null, null),
            line("1", "0.10", null, null));

    Invoice invoice = issue(request(USD, false, lines, null));

    assertThat(invoice.subtotal()).isEqualTo(new BigDecimal("0.30"));
    assertThat(invoice.taxTotal()).isEqualTo(new BigDecimal("0.03"));
    assertThat(invoice.total()).isEqualTo(new BigDecimal("0.33"));
  }

  @Test
  void amountsHaveTheCurrencysMinorUnits() {
    Invoice yen = issue(request(JPY, false, List.of(line("1", "1000", null, "0.075")), null));
    Invoice dinar = issue(request(KWD, false, List.of(line("1", "1.0000", null, "0.075")), null));

    assertThat(yen.total()).isEqualTo(new BigDecimal("1075"));
    assertThat(yen.lines().get(0).tax()).isEqualTo(new BigDecimal("75"));
    assertThat(dinar.total()).isEqualTo(new BigDecimal("1.075"));
  }

  @Test
  void fractionalQuantitiesAreRoundedOnceOnTheLine() {
    // 1.5 × 3.33 = 4.995 → 4.995 is rounded to 5.00 (HALF_UP) before tax.
    Invoice invoice = issue(request(USD, false, List.of(line("1.5", "3.33", null, "0")), null));

    assertThat(invoice.lines().get(0).net()).isEqualTo(new BigDecimal("5.00"));
  }

  @Test
  void theIssueDateIsTheUtcDateOfTheIssueTime() {
    Invoice invoice = issue(request(USD, false, List.of(line("1", "1.00", null, null)), null));

    assertThat(invoice.issueDate()).isEqualTo(LocalDate.of(2026, 11, 20));
  }

  @Test
  void rejectsRequestsThatCanNeverBeInvoices() {
    assertThatThrownBy(() -> request(USD, false, List.of(), null))
        .isInstanceOf(InvalidInvoice.class)
        .hasMessageContaining("at least one line");
    assertThatThrownBy(() -> IssueRequest.currency("XYZ"))
        .isInstanceOf(InvalidInvoice.class)
        .hasMessageContaining("unknown currency");
    assertThatThrownBy(
            () ->
                request(
                    Currency.getInstance("XXX"), false, List.of(line("1", "1", null, null)), null))
        .isInstanceOf(InvalidInvoice.class);
    assertThatThrownBy(() -> line("0", "1.00", null, null)).isInstanceOf(InvalidInvoice.class);
    assertThatThrownBy(() -> line("1", "1.00", null, "1.5")).isInstanceOf(InvalidInvoice.class);
  }

  private static Invoice issue(IssueRequest request) {
    return Invoice.issue(UUID.randomUUID(), InvoiceNumber.first(), request, DEFAULT_RATE);
  }

  static LineRequest line(String quantity, String unitPrice, String discount, String rate) {
    return new LineRequest(
        "Widget",
        "W-1",
        new BigDecimal(quantity),
        new BigDecimal(unitPrice),
        discount == null ? null : new BigDecimal(discount),
        rate == null ? null : new BigDecimal(rate));
  }

  static IssueRequest request(
      Currency currency, boolean taxesIncluded, List<LineRequest> lines, BigDecimal shipping) {
    return new IssueRequest(
        "tenant-1",
        new SourceReference("SHOPIFY", "conn-1", "order-1", "#1001", "event-1"),
        new ClientSnapshot("client-1", "Ada Lovelace", "ada@example.com", null, null, null),
        currency,
        taxesIncluded,
        lines,
        shipping,
        Instant.parse("2026-11-20T23:30:00Z"));
  }
}
