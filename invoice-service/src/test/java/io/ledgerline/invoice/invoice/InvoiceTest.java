package io.ledgerline.invoice.invoice;

import static io.ledgerline.invoice.invoice.Invoicing.EUR;
import static io.ledgerline.invoice.invoice.Invoicing.USD;
import static io.ledgerline.invoice.invoice.Invoicing.issue;
import static io.ledgerline.invoice.invoice.Invoicing.item;
import static io.ledgerline.invoice.invoice.Invoicing.line;
import static io.ledgerline.invoice.invoice.Invoicing.request;
import static io.ledgerline.invoice.invoice.Invoicing.shipping;
import static io.ledgerline.invoice.invoice.Invoicing.taxed;
import static io.ledgerline.invoice.invoice.Invoicing.terms;
import static io.ledgerline.invoice.invoice.Invoicing.untaxed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The invoice amount rules (ADR 0002, ADR 0006) with worked figures. */
class InvoiceTest {

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
    assertThat(line.taxCategory()).isEqualTo(TaxCategory.STANDARD);
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
  void linesWhoseTaxIsNotStatedTakeTheTenantsDefaultRate() {
    Invoice invoice = issue(request(USD, false, List.of(line("1", "100.00", null, null)), null));

    assertThat(invoice.lines().get(0).taxRate()).isEqualByComparingTo("0.075");
    assertThat(invoice.lines().get(0).tax()).isEqualTo(new BigDecimal("7.50"));
    assertThat(invoice.lines().get(0).taxCategory()).isEqualTo(TaxCategory.STANDARD);
  }

  @Test
  void underNotTaxedLinesWhoseTaxIsNotStatedAreZeroOutOfScope() {
    // A Pipedrive deal of 1,000.00 with a tenant that says "not taxed": the total is 1,000.00.
    Invoice invoice =
        issue(
            request(USD, false, List.of(line("1", "1000.00", null, null)), null),
            terms(UntaxedLines.NOT_TAXED, 30));

    InvoiceLine line = invoice.lines().get(0);
    assertThat(line.tax()).isEqualByComparingTo("0");
    assertThat(line.taxCategory()).isEqualTo(TaxCategory.OUT_OF_SCOPE);
    assertThat(line.taxExemptionReason()).isEqualTo(InvoiceLine.NOT_TAXED_REASON);
    assertThat(invoice.total()).isEqualTo(new BigDecimal("1000.00"));
  }

  @Test
  void aLineThePlatformDidNotTaxIsNeverGivenTheDefaultRate() {
    // An untaxed Shopify order: 2 × 24.00 + 12.50, no tax lines, total_tax 0 → total 60.50.
    var lines =
        List.of(
            item("Beans", "2", "24.00", untaxed(null, null)),
            item("Mug", "1", "12.50", untaxed(TaxCategory.EXEMPT, "Exempt goods")));

    Invoice invoice = issue(request(EUR, false, lines, null));

    assertThat(invoice.total()).isEqualTo(new BigDecimal("60.50"));
    assertThat(invoice.taxTotal()).isEqualTo(new BigDecimal("0.00"));
    assertThat(invoice.lines().get(0).taxCategory()).isEqualTo(TaxCategory.OUT_OF_SCOPE);
    assertThat(invoice.lines().get(1).taxCategory()).isEqualTo(TaxCategory.EXEMPT);
    assertThat(invoice.lines().get(1).taxExemptionReason()).isEqualTo("Exempt goods");
  }

  @Test
  void aZeroRateFromTheSourceIsKeptAsZeroRated() {
    Invoice invoice = issue(request(USD, false, List.of(line("1", "100.00", null, "0")), null));

    assertThat(invoice.lines().get(0).tax()).isEqualByComparingTo("0");
    assertThat(invoice.lines().get(0).taxCategory()).isEqualTo(TaxCategory.ZERO_RATED);
  }

  @Test
  void thePlatformsOwnTaxAmountIsWhatTheLineCharges() {
    // 3 × 3.33 = 9.99 at 7.5 % would be 0.749 → 0.75; the platform charged 0.74 (it rounds per
    // unit): the invoice says 0.74, as the buyer paid.
    Invoice invoice =
        issue(
            request(USD, false, List.of(item("Screw", "3", "3.33", taxed("0.075", "0.74"))), null));

    assertThat(invoice.lines().get(0).tax()).isEqualTo(new BigDecimal("0.74"));
    assertThat(invoice.total()).isEqualTo(new BigDecimal("10.73"));
  }

  @Test
  void aTaxAmountWithoutARateGivesTheRateItComesTo() {
    // Square states only amounts: 20.00 with 1.50 tax is 7.5 %.
    Invoice invoice =
        issue(request(USD, false, List.of(item("Latte", "1", "20.00", taxed(null, "1.50"))), null));

    assertThat(invoice.lines().get(0).taxRate()).isEqualByComparingTo("0.075");
    assertThat(invoice.lines().get(0).tax()).isEqualTo(new BigDecimal("1.50"));
  }

  @Test
  void grossPricesWithTheirStatedTaxKeepTheGross() {
    // 10.75 gross with the platform's 0.75 tax: net 10.00.
    Invoice invoice =
        issue(request(USD, true, List.of(item("Tea", "1", "10.75", taxed("0.075", "0.75"))), null));

    assertThat(invoice.lines().get(0).net()).isEqualTo(new BigDecimal("10.00"));
    assertThat(invoice.lines().get(0).gross()).isEqualTo(new BigDecimal("10.75"));
  }

  @Test
  void shippingIsTaxedAsThePlatformTaxedIt() {
    // Shipping 5.00 with the platform's 0.38 tax; untaxed shipping 5.00 stays 5.00.
    Invoice taxedShipping =
        issue(
            request(
                EUR,
                false,
                List.of(line("1", "100.00", null, "0.20")),
                shipping("5.00", taxed("0.075", "0.38"))));
    Invoice freeOfTax =
        issue(
            request(
                EUR,
                false,
                List.of(line("1", "100.00", null, "0.20")),
                shipping("5.00", untaxed(null, null))));

    InvoiceLine shipping = taxedShipping.lines().get(1);
    assertThat(shipping.description()).isEqualTo(Invoice.SHIPPING);
    assertThat(shipping.shipping()).isTrue();
    assertThat(shipping.tax()).isEqualTo(new BigDecimal("0.38"));
    assertThat(freeOfTax.lines().get(1).tax()).isEqualByComparingTo("0");
  }

  @Test
  void shippingWhoseTaxIsNotStatedFollowsTheTenantsRule() {
    Invoice invoice =
        issue(
            request(
                USD,
                false,
                List.of(line("1", "100.00", null, "0.20")),
                shipping("10", LineTax.unstated())));

    InvoiceLine shipping = invoice.lines().get(1);
    assertThat(shipping.taxRate()).isEqualByComparingTo("0.075");
    assertThat(shipping.net()).isEqualTo(new BigDecimal("10.00"));
    assertThat(shipping.tax()).isEqualTo(new BigDecimal("0.75"));
  }

  @Test
  void noShippingLineForFreeShipping() {
    Invoice invoice =
        issue(
            request(
                USD,
                false,
                List.of(line("1", "100.00", null, null)),
                shipping("0", LineTax.unstated())));

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
  void theIssueDateIsTheDateInTheTenantsTimeZone() {
    // 23:30 UTC on the 20th is 00:30 on the 21st in Lagos (UTC+1).
    Invoice invoice =
        issue(
            request(
                USD,
                false,
                List.of(line("1", "1.00", null, null)),
                null,
                Instant.parse("2026-11-20T23:30:00Z")));

    assertThat(invoice.issueDate()).isEqualTo(LocalDate.of(2026, 11, 21));
  }

  @Test
  void theDueDateIsTheIssueDatePlusThePaymentTerms() {
    Invoice invoice =
        issue(
            request(USD, false, List.of(line("1", "1.00", null, null)), null),
            terms(UntaxedLines.DEFAULT_RATE, 14));

    assertThat(invoice.dueDate()).isEqualTo(LocalDate.of(2026, 12, 4));
    assertThat(invoice.seller().legalName()).isEqualTo("Ledgerline Demo Ltd");
  }

  @Test
  void totalsThatMatchThePlatformsToWithinRoundingNeedNoReconciliation() {
    // Ours 107.50; the platform says 107.51: one line, one minor unit, rounding.
    Invoice invoice =
        issue(
            Invoicing.withTotals(
                request(USD, false, List.of(line("1", "100.00", null, "0.075")), null),
                "107.51",
                "7.51"));

    assertThat(invoice.reconciliation()).isNull();
  }

  @Test
  void aDifferenceBeyondRoundingIsRecordedWithBothFigures() {
    // Ours 107.50; the platform says 100.00 (it did not tax the line): a difference of 7.50.
    Invoice invoice =
        issue(
            Invoicing.withTotals(
                request(USD, false, List.of(line("1", "100.00", null, null)), null),
                "100.00",
                "0.00"));

    assertThat(invoice.reconciliation().platformTotal()).isEqualTo(new BigDecimal("100.00"));
    assertThat(invoice.reconciliation().invoiceTotal()).isEqualTo(new BigDecimal("107.50"));
    assertThat(invoice.reconciliation().difference()).isEqualTo(new BigDecimal("7.50"));
  }

  @Test
  void theStatusFollowsPaymentsAndCredits() {
    // Total 107.50: nothing paid ISSUED; 50.00 PARTIALLY_PAID; 57.50 more PAID.
    Invoice invoice = issue(request(USD, false, List.of(line("1", "100.00", null, null)), null));
    assertThat(invoice.status()).isEqualTo(InvoiceStatus.ISSUED);
    assertThat(invoice.balanceDue()).isEqualTo(new BigDecimal("107.50"));

    Invoice half = invoice.withPayment(payment(invoice, "50.00", Origin.API));
    assertThat(half.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
    assertThat(half.balanceDue()).isEqualTo(new BigDecimal("57.50"));

    Invoice paid = half.withPayment(payment(half, "57.50", Origin.API));
    assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(paid.balanceDue()).isEqualTo(new BigDecimal("0.00"));
  }

  @Test
  void aPaidInvoicePartlyCreditedStaysPaidAndFullyCreditedIsCredited() {
    Invoice invoice = issue(request(USD, false, List.of(line("1", "100.00", null, null)), null));
    Invoice paid = invoice.withPayment(payment(invoice, "107.50", Origin.PLATFORM));

    Invoice partly = paid.withCreditNote(note(invoice, "10.75"));
    Invoice fully = partly.withCreditNote(note(invoice, "96.75"));

    assertThat(partly.status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(partly.creditedTotal()).isEqualTo(new BigDecimal("10.75"));
    assertThat(fully.status()).isEqualTo(InvoiceStatus.CREDITED);
  }

  @Test
  void anUnpaidInvoiceIsOverdueTheDayAfterItsDueDate() {
    Invoice invoice =
        issue(
            request(USD, false, List.of(line("1", "100.00", null, null)), null),
            terms(UntaxedLines.DEFAULT_RATE, 30));

    assertThat(invoice.overdue(LocalDate.of(2026, 12, 20))).isFalse();
    assertThat(invoice.overdue(LocalDate.of(2026, 12, 21))).isTrue();
    Invoice paid = invoice.withPayment(payment(invoice, "107.50", Origin.API));
    assertThat(paid.overdue(LocalDate.of(2027, 1, 1))).isFalse();
  }

  @Test
  void theTenantCannotRecordMoreThanIsOwedButAPlatformsPaymentIsAFact() {
    Invoice invoice = issue(request(USD, false, List.of(line("1", "100.00", null, null)), null));

    assertThatThrownBy(() -> payment(invoice, "107.51", Origin.API))
        .isInstanceOf(InvalidInvoice.class)
        .hasMessageContaining("exceeds the balance due of 107.50");
    assertThat(payment(invoice, "110.00", Origin.PLATFORM).amount())
        .isEqualTo(new BigDecimal("110.00"));
    assertThatThrownBy(() -> payment(invoice, "1.001", Origin.API))
        .isInstanceOf(InvalidInvoice.class)
        .hasMessageContaining("minor units");
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
    assertThatThrownBy(() -> new LineTax(false, null, BigDecimal.ONE, null, null))
        .isInstanceOf(InvalidInvoice.class);
  }

  static Payment payment(Invoice invoice, String amount, Origin origin) {
    return invoice.pay(
        UUID.randomUUID(),
        new PaymentRequest(
            new BigDecimal(amount),
            invoice.currency(),
            LocalDate.of(2026, 11, 21),
            null,
            "card",
            "ref-" + amount,
            origin),
        LocalDate.of(2026, 11, 21),
        Instant.parse("2026-11-21T10:00:00Z"));
  }

  private static CreditNote note(Invoice invoice, String total) {
    BigDecimal amount = new BigDecimal(total);
    return new CreditNote(
        UUID.randomUUID(),
        invoice.tenantId(),
        new DocumentNumber("CN-", 1),
        invoice.id(),
        invoice.currency(),
        invoice.issueDate(),
        invoice.issuedAt(),
        null,
        List.of(),
        amount,
        BigDecimal.ZERO,
        amount,
        "refund-" + total,
        Origin.PLATFORM,
        null);
  }
}
