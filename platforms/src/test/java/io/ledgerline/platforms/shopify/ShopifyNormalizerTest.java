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
                .setQuantity(quantity("1.0000"))
                .setUnitPrice(money("20.0000", "EUR"))
                .setDiscount(money("2.0000", "EUR"))
                .setTaxRate(new BigDecimal("0.200000"))
                .build());
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
