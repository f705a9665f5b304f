package io.ledgerline.platforms.shopify;

import static io.ledgerline.platforms.normalization.Fixtures.bytes;
import static io.ledgerline.platforms.normalization.Fixtures.context;
import static io.ledgerline.platforms.normalization.Fixtures.fixture;
import static io.ledgerline.platforms.normalization.Fixtures.money;
import static io.ledgerline.platforms.normalization.Fixtures.normalize;
import static io.ledgerline.platforms.normalization.Fixtures.quantity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.events.LineItem;
import io.ledgerline.events.Platform;
import io.ledgerline.events.SaleEvent;
import io.ledgerline.events.SaleKind;
import io.ledgerline.events.SaleTotals;
import io.ledgerline.platforms.normalization.Fixtures;
import io.ledgerline.platforms.normalization.NormalizationFailed;
import io.ledgerline.platforms.normalization.Normalized;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ShopifyNormalizerTest {

  @Test
  void turnsAPaidOrderIntoACompletedSaleWithTheEventIdOfTheWebhook() {
    Normalized normalized =
        normalize(context("shopify", "orders/paid"), fixture("shopify-orders-paid.json"));

    assertThat(normalized.events()).hasSize(1);
    SaleEvent sale = (SaleEvent) normalized.events().get(0);
    assertThat(sale.getEventId()).isEqualTo(Fixtures.eventId(0));
    assertThat(sale.getKind()).isEqualTo(SaleKind.COMPLETED);
    assertThat(sale.getPlatform()).isEqualTo(Platform.SHOPIFY);
    assertThat(sale.getTenantId()).isEqualTo(Fixtures.TENANT);
    assertThat(sale.getConnectionId()).isEqualTo(Fixtures.CONNECTION.toString());
    assertThat(sale.getExternalId()).isEqualTo("820982911946154508");
    assertThat(sale.getOrderNumber()).isEqualTo("#9001");
    assertThat(sale.getCurrency()).isEqualTo("EUR");
    assertThat(sale.getReplay()).isFalse();
    assertThat(sale.getOccurredAt()).isEqualTo(Instant.parse("2026-11-21T08:30:00Z"));
    assertThat(sale.getCustomer().getName()).isEqualTo("Jane Roe");
    assertThat(sale.getCustomer().getEmail()).isEqualTo("jane@shop.example");
    LineItem mug = sale.getLines().get(0);
    assertThat(mug.getQuantity()).isEqualTo(quantity("2.0000"));
    assertThat(mug.getUnitPrice()).isEqualTo(money("20.0000", "EUR"));
    assertThat(mug.getTaxRate()).isEqualTo(new BigDecimal("0.200000"));
    assertThat(sale.getTotals().getTotal()).isEqualTo(money("48.0000", "EUR"));
    assertThat(sale.getTotals().getTaxTotal()).isEqualTo(money("8.0000", "EUR"));
    assertThat(normalized.platformEventId()).isEmpty();
  }

  @Test
  void aReplayedPaidOrderIsMarkedAsReplayWithAFreshEventId() {
    SaleEvent sale =
        (SaleEvent)
            normalize(
                    context("shopify", "orders/paid").asReplay(),
                    fixture("shopify-orders-paid.json"))
                .events()
                .get(0);

    assertThat(sale.getReplay()).isTrue();
    assertThat(sale.getEventId()).isNotEqualTo(Fixtures.eventId(0));
    assertThat(sale.getTotals().getTotal()).isEqualTo(money("48.0000", "EUR"));
  }

  @Test
  void anOrderThatIsOnlyCreatedIsNotInvoicedYet() {
    Normalized normalized =
        normalize(context("shopify", "orders/create"), fixture("shopify-orders-paid.json"));

    assertThat(normalized.events()).isEmpty();
    assertThat(normalized.summary()).contains("not invoiced until it is paid");
  }

  @Test
  void turnsARefundIntoARefundedSaleOfTheRefundedLinesAndMoney() {
    Normalized normalized =
        normalize(context("shopify", "refunds/create"), fixture("shopify-refunds-create.json"));

    SaleEvent refund = (SaleEvent) normalized.events().get(0);
    assertThat(refund.getKind()).isEqualTo(SaleKind.REFUNDED);
    assertThat(refund.getExternalId()).isEqualTo("820982911946154508");
    assertThat(refund.getCurrency()).isEqualTo("EUR");
    assertThat(refund.getOccurredAt()).isEqualTo(Instant.parse("2026-11-22T15:00:05Z"));
    assertThat(refund.getLines())
        .containsExactly(
            LineItem.newBuilder()
                .setSku("MUG-01")
                .setName("Enamel mug")
                .setLineRef("866550311766439020")
                .setQuantity(quantity("1.0000"))
                .setUnitPrice(money("20.0000", "EUR"))
                .setDiscount(money("2.0000", "EUR"))
                .setTaxRate(new BigDecimal("0.200000"))
                .setTaxed(true)
                .setLineTotal(money("18.0000", "EUR"))
                .setTaxAmount(money("3.6000", "EUR"))
                .build());
    // One refund, one credit: its id, and the refunded shipping with its tax.
    assertThat(refund.getRefund().getRefundId()).isEqualTo("929361463");
    assertThat(refund.getRefund().getReason()).isEqualTo("damaged in transit");
    assertThat(refund.getRefund().getShipping().getLineTotal()).isEqualTo(money("5.0000", "EUR"));
    assertThat(refund.getRefund().getShipping().getTaxAmount()).isEqualTo(money("1.0000", "EUR"));
    assertThat(refund.getRefund().getFull()).isFalse();
    // Shipping 5.00 + its tax 1.00 came back too; the failed transaction did not count.
    assertThat(refund.getTotals())
        .isEqualTo(
            new SaleTotals(
                money("18.0000", "EUR"),
                money("2.0000", "EUR"),
                money("4.6000", "EUR"),
                money("5.0000", "EUR"),
                money("27.6000", "EUR")));
  }

  @Test
  void eachLineCarriesItsIdAndTheTaxShopifyCharged() {
    SaleEvent sale =
        (SaleEvent)
            normalize(context("shopify", "orders/paid"), fixture("shopify-orders-paid.json"))
                .events()
                .get(0);

    LineItem mug = sale.getLines().get(0);
    assertThat(mug.getExternalId()).isEqualTo("866550311766439020");
    assertThat(mug.getTaxed()).isTrue();
    assertThat(mug.getTaxAmount()).isEqualTo(money("8.0000", "EUR"));
    assertThat(sale.getShipping()).isNull();
  }

  @Test
  void anOrderThatChargedNoTaxHasUntaxedLinesAndShipping() {
    SaleEvent sale =
        (SaleEvent)
            normalize(
                    context("shopify", "orders/paid"),
                    bytes(
                        """
                        {"id": 1, "currency": "EUR", "financial_status": "paid",
                         "total_tax": "0.00", "total_price": "65.50",
                         "line_items": [
                           {"id": 11, "name": "Beans", "quantity": 2, "price": "24.00",
                            "taxable": true, "tax_lines": []},
                           {"id": 12, "name": "Mug", "quantity": 1, "price": "12.50",
                            "taxable": false, "tax_lines": []}],
                         "shipping_lines": [
                           {"id": 21, "title": "Standard", "price": "5.00",
                            "discounted_price": "5.00", "tax_lines": []}]}
                        """))
                .events()
                .get(0);

    assertThat(sale.getLines()).allSatisfy(line -> assertThat(line.getTaxed()).isFalse());
    assertThat(sale.getShipping().getUnitPrice()).isEqualTo(money("5.0000", "EUR"));
    assertThat(sale.getShipping().getTaxed()).isFalse();
    assertThat(sale.getPaid()).isTrue();
  }

  @Test
  void aTaxableLineWithoutTaxLinesOnATaxedOrderLeavesItsTaxUnstated() {
    SaleEvent sale =
        (SaleEvent)
            normalize(
                    context("shopify", "orders/paid"),
                    bytes(
                        """
                        {"id": 1, "currency": "EUR", "total_tax": "1.00",
                         "line_items": [
                           {"id": 11, "name": "Beans", "quantity": 1, "price": "10.00",
                            "tax_lines": [{"rate": 0.1, "price": "1.00"}]},
                           {"id": 12, "name": "Gift card", "quantity": 1, "price": "5.00",
                            "taxable": true}],
                         "shipping_lines": [
                           {"price": "4.00", "tax_lines": [{"rate": 0.1, "price": "0.40"}]}]}
                        """))
                .events()
                .get(0);

    assertThat(sale.getLines().get(1).getTaxed()).isNull();
    assertThat(sale.getShipping().getTaxAmount()).isEqualTo(money("0.4000", "EUR"));
    assertThat(sale.getShipping().getTaxRate()).isEqualTo(new BigDecimal("0.100000"));
  }

  @Test
  void aCreatedOrderThatIsNotPaidYetIsASaleThatSaysSo() {
    SaleEvent sale =
        (SaleEvent)
            normalize(
                    context("shopify", "orders/create"),
                    bytes(
                        """
                        {"id": 7, "currency": "EUR", "financial_status": "pending",
                         "total_price": "10.00",
                         "line_items": [{"id": 1, "name": "Tea", "quantity": 1, "price": "10.00"}]}
                        """))
                .events()
                .get(0);

    assertThat(sale.getKind()).isEqualTo(SaleKind.COMPLETED);
    assertThat(sale.getPaid()).isFalse();
  }

  /** The topic header is outside the HMAC: an unpaid order's signed body re-posted as paid. */
  @Test
  void anUnpaidOrdersBodyPostedAsPaidIsTheSameUnpaidSaleWithTheSameContentKey() {
    byte[] unpaid =
        bytes(
            """
            {"id": 7, "currency": "EUR", "financial_status": "pending",
             "total_price": "10.00",
             "line_items": [{"id": 1, "name": "Tea", "quantity": 1, "price": "10.00"}]}
            """);
    Normalized created = normalize(context("shopify", "orders/create"), unpaid);
    Normalized spoofed = normalize(context("shopify", "orders/paid"), unpaid);

    assertThat(((SaleEvent) spoofed.events().get(0)).getPaid()).isFalse();
    assertThat(spoofed.contentKey()).hasValue("order:7:unpaid").isEqualTo(created.contentKey());
    assertThat(spoofed.summary()).contains("unpaid order");
  }

  @Test
  void thePaidOrdersKeyDiffersFromItsUnpaidCreation() {
    Normalized paid =
        normalize(context("shopify", "orders/paid"), fixture("shopify-orders-paid.json"));

    assertThat(paid.contentKey()).hasValue("order:820982911946154508:paid");
  }

  @Test
  void aBodyThatIsNotCancelledVoidsNothingWhateverTheTopicSays() {
    Normalized normalized =
        normalize(
            context("shopify", "orders/cancelled"),
            bytes(
                """
                {"id": 7, "currency": "EUR", "cancelled_at": null,
                 "line_items": [{"id": 1, "name": "Tea", "quantity": 1, "price": "10.00"}]}
                """));

    assertThat(normalized.events()).isEmpty();
    assertThat(normalized.summary()).contains("not cancelled");
  }

  @Test
  void aCancelledOrdersBodyPostedAsPaidIsNoSale() {
    Normalized normalized =
        normalize(
            context("shopify", "orders/paid"),
            bytes(
                """
                {"id": 7, "currency": "EUR", "financial_status": "voided",
                 "cancelled_at": "2026-11-22T10:00:00Z",
                 "line_items": [{"id": 1, "name": "Tea", "quantity": 1, "price": "10.00"}]}
                """));

    assertThat(normalized.events()).isEmpty();
  }

  @Test
  void aCancelledOrderIsAVoidOfEverything() {
    SaleEvent voided =
        (SaleEvent)
            normalize(
                    context("shopify", "orders/cancelled"),
                    bytes(
                        """
                        {"id": 7, "currency": "EUR", "cancel_reason": "customer",
                         "cancelled_at": "2026-11-22T10:00:00Z",
                         "line_items": [{"id": 1, "name": "Tea", "quantity": 1, "price": "10.00"}]}
                        """))
                .events()
                .get(0);

    assertThat(voided.getKind()).isEqualTo(SaleKind.VOIDED);
    assertThat(voided.getRefund().getRefundId()).isEqualTo("void:7");
    assertThat(voided.getRefund().getFull()).isTrue();
    assertThat(voided.getRefund().getReason()).isEqualTo("customer");
    assertThat(voided.getOccurredAt()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
  }

  @Test
  void aRefundOfMoreThanTheLinesIsAnAdjustmentAndNewerShippingLinesWin() {
    SaleEvent refund =
        (SaleEvent)
            normalize(
                    context("shopify", "refunds/create"),
                    bytes(
                        """
                        {"id": 5, "order_id": 7,
                         "refund_shipping_lines": [
                           {"subtotal_amount_set": {"shop_money": {"amount": "4.00", "currency_code": "EUR"}},
                            "tax_amount_set": {"shop_money": {"amount": "0.40", "currency_code": "EUR"}}}],
                         "order_adjustments": [
                           {"kind": "shipping_refund", "amount": "-4.00", "tax_amount": "-0.40"},
                           {"kind": "refund_discrepancy", "amount": "-2.50", "reason": "Goodwill"}],
                         "transactions": [{"kind": "refund", "status": "success", "amount": "6.90", "currency": "EUR"}]}
                        """))
                .events()
                .get(0);

    assertThat(refund.getRefund().getShipping().getLineTotal()).isEqualTo(money("4.0000", "EUR"));
    assertThat(refund.getRefund().getShipping().getTaxAmount()).isEqualTo(money("0.4000", "EUR"));
    assertThat(refund.getRefund().getAdjustments())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getName()).isEqualTo("Goodwill");
              assertThat(a.getLineTotal()).isEqualTo(money("2.5000", "EUR"));
            });
    assertThat(refund.getTotals().getTotal()).isEqualTo(money("6.9000", "EUR"));
  }

  @Test
  void otherTopicsAreStoredButEmitNothing() {
    assertThat(normalize(context("shopify", "products/create"), bytes("{\"id\":1}")).events())
        .isEmpty();
  }

  @Test
  void rejectsAnOrderWithoutCurrencyOrABodyThatIsNotJson() {
    assertThatThrownBy(
            () ->
                normalize(context("shopify", "orders/paid"), bytes("{\"id\":1,\"line_items\":[]}")))
        .isInstanceOf(NormalizationFailed.class)
        .matches(e -> !((NormalizationFailed) e).malformed());
    assertThatThrownBy(() -> normalize(context("shopify", "orders/paid"), bytes("{\"id\":")))
        .isInstanceOf(NormalizationFailed.class)
        .matches(e -> ((NormalizationFailed) e).malformed());
  }

  @Test
  void rejectsAWebhookWithoutItsTopicAndARefundWithoutItsOrder() {
    assertThatThrownBy(
            () -> normalize(context("shopify", null), fixture("shopify-orders-paid.json")))
        .isInstanceOf(NormalizationFailed.class);
    assertThatThrownBy(
            () -> normalize(context("shopify", "refunds/create"), bytes("{\"id\":929361463}")))
        .isInstanceOf(NormalizationFailed.class);
  }

  @Test
  void rejectsAnAmountWithAnExponentTooLargeToScaleWithoutHanging() {
    String body =
        "{\"id\":1,\"currency\":\"EUR\",\"line_items\":[],\"total_price\":\"1e999999999\"}";
    assertThatThrownBy(() -> normalize(context("shopify", "orders/paid"), bytes(body)))
        .isInstanceOf(NormalizationFailed.class);
  }
}
