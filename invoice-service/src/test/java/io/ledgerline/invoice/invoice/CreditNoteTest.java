package io.ledgerline.invoice.invoice;

import static io.ledgerline.invoice.invoice.Invoicing.EUR;
import static io.ledgerline.invoice.invoice.Invoicing.issue;
import static io.ledgerline.invoice.invoice.Invoicing.item;
import static io.ledgerline.invoice.invoice.Invoicing.line;
import static io.ledgerline.invoice.invoice.Invoicing.request;
import static io.ledgerline.invoice.invoice.Invoicing.shipping;
import static io.ledgerline.invoice.invoice.Invoicing.taxed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The credit-note amount rules (ADR 0006) with worked figures, on the sample Shopify order: beans 2
 * × 24.00 − 4.00 = 44.00 + 3.30 tax, a mug 12.50 + 0.94, shipping 5.00 + 0.38; total 66.12.
 */
class CreditNoteTest {

  private final Invoice order =
      issue(
          request(
              EUR,
              false,
              List.of(
                  new LineRequest(
                      "Espresso beans 1 kg",
                      "BEAN-1KG",
                      new BigDecimal("2"),
                      new BigDecimal("24.00"),
                      new BigDecimal("4.00"),
                      taxed("0.075", "3.30"),
                      "li-beans"),
                  new LineRequest(
                      "Ceramic mug",
                      "MUG-01",
                      BigDecimal.ONE,
                      new BigDecimal("12.50"),
                      null,
                      taxed("0.075", "0.94"),
                      "li-mug")),
              shipping("5.00", taxed("0.075", "0.38"))));

  private final List<CreditNote> issued = new ArrayList<>();

  @Test
  void theSampleOrderTotals66_12() {
    assertThat(order.total()).isEqualTo(new BigDecimal("66.12"));
  }

  @Test
  void aRefundedUnitIsCreditedWithTheAmountsThePlatformRefunded() {
    // Shopify: one bag of beans, subtotal 22.00, total_tax 1.65.
    CreditNote note = credit(refund("r-1", lineByRef("li-beans", "1", "22.00", "1.65")));

    assertThat(note.lines()).hasSize(1);
    CreditNoteLine line = note.lines().get(0);
    assertThat(line.invoiceLine()).isEqualTo(1);
    assertThat(line.quantity()).isEqualByComparingTo("1");
    assertThat(line.net()).isEqualTo(new BigDecimal("22.00"));
    assertThat(line.tax()).isEqualTo(new BigDecimal("1.65"));
    assertThat(note.total()).isEqualTo(new BigDecimal("23.65"));
    assertThat(note.taxTotal()).isEqualTo(new BigDecimal("1.65"));
    assertThat(line.taxRate()).isEqualByComparingTo("0.075");
    assertThat(line.taxCategory()).isEqualTo(TaxCategory.STANDARD);
  }

  @Test
  void unitsWithoutStatedAmountsAreCreditedProRata() {
    // One of two bags: round(44.00 × 1/2) = 22.00, round(3.30 × 1/2) = 1.65.
    CreditNote note = credit(refund("r-1", lineByRef("li-beans", "1", null, null)));

    assertThat(note.subtotal()).isEqualTo(new BigDecimal("22.00"));
    assertThat(note.taxTotal()).isEqualTo(new BigDecimal("1.65"));
  }

  @Test
  void theLastUnitsOfALineTakeExactlyWhatIsLeftOfIt() {
    // 3 × 3.33 = 9.99 with the platform's 0.74 tax: 1/3 of 0.74 = 0.2467 → 0.25 twice; the last
    // unit takes the 0.24 that is left, so the three credits add up to the line exactly.
    Invoice screws =
        issue(
            request(EUR, false, List.of(item("Screw", "3", "3.33", taxed("0.075", "0.74"))), null));

    CreditNote first = credit(screws, refund("r-1", lineBySku("SCREW", "1")));
    CreditNote second = credit(screws, refund("r-2", lineBySku("SCREW", "1")));
    CreditNote last = credit(screws, refund("r-3", lineBySku("SCREW", "1")));

    assertThat(first.lines().get(0).tax()).isEqualTo(new BigDecimal("0.25"));
    assertThat(second.lines().get(0).tax()).isEqualTo(new BigDecimal("0.25"));
    assertThat(last.lines().get(0).tax()).isEqualTo(new BigDecimal("0.24"));
    assertThat(first.total().add(second.total()).add(last.total())).isEqualTo(screws.total());
  }

  @Test
  void noMoreUnitsCanBeCreditedThanAreLeft() {
    credit(refund("r-1", lineByRef("li-beans", "2", null, null)));

    assertThatThrownBy(() -> credit(refund("r-2", lineByRef("li-beans", "1", null, null))))
        .isInstanceOf(InvalidInvoice.class)
        .hasMessageContaining("only 0 of line 'Espresso beans 1 kg' are left");
  }

  @Test
  void statedAmountsAboveWhatIsLeftOfTheLineCreditWhatIsLeft() {
    // A second bag refunded at 22.01 + 1.66 after the first at 22.00 + 1.65: 22.00 + 1.65 is left.
    credit(refund("r-1", lineByRef("li-beans", "1", "22.00", "1.65")));
    CreditNote second = credit(refund("r-2", lineByRef("li-beans", "1", "22.01", "1.66")));

    assertThat(second.subtotal()).isEqualTo(new BigDecimal("22.00"));
    assertThat(second.taxTotal()).isEqualTo(new BigDecimal("1.65"));
  }

  @Test
  void refundedShippingCreditsTheShippingLineWithItsTax() {
    CreditNote note =
        credit(
            new CreditRequest(
                "r-1",
                null,
                false,
                List.of(),
                amount("5.00", "0.38"),
                List.of(),
                null,
                Instant.parse("2026-11-21T09:00:00Z"),
                Origin.PLATFORM,
                "event-r-1"));

    assertThat(note.lines().get(0).invoiceLine()).isEqualTo(3);
    assertThat(note.total()).isEqualTo(new BigDecimal("5.38"));
  }

  @Test
  void aVoidAfterAPartialRefundCreditsEverythingLeft() {
    // 66.12 − 23.65 = 42.47: one bag 22.00 + 1.65, the mug 12.50 + 0.94, shipping 5.00 + 0.38.
    credit(refund("r-1", lineByRef("li-beans", "1", "22.00", "1.65")));
    CreditNote voided = credit(full("void:order-1"));

    assertThat(voided.total()).isEqualTo(new BigDecimal("42.47"));
    assertThat(voided.lines()).hasSize(3);
    assertThat(voided.lines().get(0).quantity()).isEqualByComparingTo("1");
    assertThat(voided.taxTotal()).isEqualTo(new BigDecimal("2.97"));
  }

  @Test
  void nothingIsLeftToCreditAfterAFullCredit() {
    credit(full("void:order-1"));

    assertThatThrownBy(() -> credit(full("void:again")))
        .isInstanceOf(InvalidInvoice.class)
        .hasMessageContaining("nothing left to credit");
    assertThatThrownBy(() -> credit(amountCredit("api:1", "0.01")))
        .isInstanceOf(InvalidInvoice.class)
        .hasMessageContaining("exceeds the 0.00 left");
  }

  @Test
  void anAmountIsSpreadOverTheLinesInProportionAtEachLinesTaxRatio() {
    // 10.00 over 47.30 / 13.44 / 5.38 (of 66.12): 7.15, 2.03 and the 0.82 rounding leaves;
    // tax round(7.15 × 3.30 / 47.30) = 0.50, round(2.03 × 0.94 / 13.44) = 0.14,
    // round(0.82 × 0.38 / 5.38) = 0.06.
    CreditNote note = credit(amountCredit("api:1", "10.00"));

    assertThat(note.lines())
        .extracting(CreditNoteLine::gross)
        .containsExactly(new BigDecimal("7.15"), new BigDecimal("2.03"), new BigDecimal("0.82"));
    assertThat(note.lines())
        .extracting(CreditNoteLine::tax)
        .containsExactly(new BigDecimal("0.50"), new BigDecimal("0.14"), new BigDecimal("0.06"));
    assertThat(note.total()).isEqualTo(new BigDecimal("10.00"));
    assertThat(note.subtotal()).isEqualTo(new BigDecimal("9.30"));
  }

  @Test
  void anAmountAboveWhatIsLeftIsRefused() {
    assertThatThrownBy(() -> credit(amountCredit("api:1", "66.13")))
        .isInstanceOf(InvalidInvoice.class)
        .hasMessageContaining("exceeds the 66.12 left");
  }

  @Test
  void aPlatformAdjustmentIsAnAmountSpreadOverTheLines() {
    // A refund of the mug (12.50 + 0.94) and a 2.00 goodwill adjustment without tax:
    // 2.00 over what is left, 47.30 and 5.38 (of 52.68): 1.80 and 0.20.
    CreditNote note =
        credit(
            new CreditRequest(
                "r-1",
                "Damaged",
                false,
                List.of(lineByRef("li-mug", "1", "12.50", "0.94")),
                null,
                List.of(amount("2.00", null)),
                null,
                Instant.parse("2026-11-21T09:00:00Z"),
                Origin.PLATFORM,
                "event-r-1"));

    assertThat(note.total()).isEqualTo(new BigDecimal("15.44"));
    assertThat(note.lines())
        .extracting(CreditNoteLine::gross)
        .containsExactly(new BigDecimal("13.44"), new BigDecimal("1.80"), new BigDecimal("0.20"));
  }

  @Test
  void aRefundedLineThatIsNotOnTheInvoiceIsRefused() {
    assertThatThrownBy(
            () ->
                credit(
                    refund(
                        "r-1",
                        new CreditLineRequest(
                            null, "li-tea", "TEA", "Tea", BigDecimal.ONE, null, null))))
        .isInstanceOf(InvalidInvoice.class)
        .hasMessageContaining("is not on invoice INV-000001");
  }

  @Test
  void theCreditedTotalNeverExceedsTheInvoiceHoweverTheRefundsCome() {
    credit(refund("r-1", lineByRef("li-beans", "1", "22.00", "1.65")));
    credit(refund("r-2", lineByRef("li-beans", "1", "30.00", "9.99")));
    credit(amountCredit("api:1", "13.00"));
    credit(full("void:order-1"));

    BigDecimal credited =
        issued.stream().map(CreditNote::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(credited).isEqualTo(order.total());
  }

  @Test
  void onATaxInclusiveInvoiceTheRefundedAmountIsGross() {
    // 10.75 gross with 0.75 tax; a refund of 10.75 with the platform's 0.75: net 10.00.
    Invoice tea =
        issue(request(EUR, true, List.of(item("Tea", "1", "10.75", taxed("0.075", "0.75"))), null));

    CreditNote note =
        credit(
            tea,
            refund(
                "r-1",
                new CreditLineRequest(
                    null,
                    "line-Tea",
                    null,
                    null,
                    BigDecimal.ONE,
                    new BigDecimal("10.75"),
                    new BigDecimal("0.75"))));

    assertThat(note.subtotal()).isEqualTo(new BigDecimal("10.00"));
    assertThat(note.total()).isEqualTo(new BigDecimal("10.75"));
  }

  private CreditNote credit(CreditRequest request) {
    return credit(order, request);
  }

  private CreditNote credit(Invoice invoice, CreditRequest request) {
    List<CreditNote> previous =
        issued.stream().filter(n -> n.invoiceId().equals(invoice.id())).toList();
    CreditNote note =
        invoice.credit(
            UUID.randomUUID(),
            new DocumentNumber("CN-", issued.size() + 1),
            request,
            previous,
            LocalDate.of(2026, 11, 21));
    issued.add(note);
    return note;
  }

  private static CreditRequest refund(String id, CreditLineRequest line) {
    return new CreditRequest(
        id,
        "Customer returned it",
        false,
        List.of(line),
        null,
        List.of(),
        null,
        Instant.parse("2026-11-21T09:00:00Z"),
        Origin.PLATFORM,
        "event-" + id);
  }

  private static CreditRequest full(String id) {
    return new CreditRequest(
        id,
        "Order cancelled",
        true,
        List.of(),
        null,
        List.of(),
        null,
        Instant.parse("2026-11-21T09:00:00Z"),
        Origin.PLATFORM,
        "event-" + id);
  }

  private static CreditRequest amountCredit(String id, String amount) {
    return new CreditRequest(
        id,
        "Goodwill",
        false,
        List.of(),
        null,
        List.of(),
        new BigDecimal(amount),
        Instant.parse("2026-11-21T09:00:00Z"),
        Origin.API,
        null);
  }

  private static CreditLineRequest lineByRef(
      String ref, String quantity, String amount, String tax) {
    return new CreditLineRequest(
        null,
        ref,
        null,
        null,
        new BigDecimal(quantity),
        amount == null ? null : new BigDecimal(amount),
        tax == null ? null : new BigDecimal(tax));
  }

  private static CreditLineRequest lineBySku(String sku, String quantity) {
    return new CreditLineRequest(null, null, sku, null, new BigDecimal(quantity), null, null);
  }

  private static CreditLineRequest amount(String amount, String tax) {
    return new CreditLineRequest(
        null,
        null,
        null,
        "Adjustment",
        null,
        new BigDecimal(amount),
        tax == null ? null : new BigDecimal(tax));
  }
}
