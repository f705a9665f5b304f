package io.ledgerline.platforms.square;

import static io.ledgerline.platforms.normalization.Fixtures.bytes;
import static io.ledgerline.platforms.normalization.Fixtures.context;
import static io.ledgerline.platforms.normalization.Fixtures.fixture;
import static io.ledgerline.platforms.normalization.Fixtures.money;
import static io.ledgerline.platforms.normalization.Fixtures.normalize;
import static io.ledgerline.platforms.normalization.Fixtures.quantity;
import static io.ledgerline.platforms.normalization.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.events.Address;
import io.ledgerline.events.LineItem;
import io.ledgerline.events.Party;
import io.ledgerline.events.Platform;
import io.ledgerline.events.SaleEvent;
import io.ledgerline.events.SaleKind;
import io.ledgerline.events.SaleTotals;
import io.ledgerline.events.SyncRequest;
import io.ledgerline.platforms.normalization.Fixtures;
import io.ledgerline.platforms.normalization.NormalizationFailed;
import io.ledgerline.platforms.normalization.Normalized;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SquareNormalizerTest {

  /** The payment without its order: Square's older payments, a sale of the payment itself. */
  private static String paymentWithoutOrder() {
    return text("square-payment-updated.json").replace("\"order_id\": \"ORDER-0001\",", "");
  }

  private static SaleEvent onlySale(Normalized normalized) {
    assertThat(normalized.events()).hasSize(1);
    return (SaleEvent) normalized.events().get(0);
  }

  @Test
  void aCompletedPaymentOfAnOrderAsksForTheOrderInsteadOfInvoicingThePayment() {
    Normalized normalized = normalize(context("square"), fixture("square-payment-updated.json"));

    assertThat(normalized.events()).singleElement().isInstanceOf(SyncRequest.class);
    SyncRequest request = (SyncRequest) normalized.events().get(0);
    assertThat(request.getObjectType()).isEqualTo("order");
    assertThat(request.getExternalId()).isEqualTo("ORDER-0001");
    assertThat(request.getAction()).isEqualTo("payment.updated");
    assertThat(request.getPlatform()).isEqualTo(Platform.SQUARE);
    assertThat(request.getOccurredAt()).isEqualTo(Instant.parse("2026-11-21T14:25:30Z"));
    assertThat(normalized.platformEventId()).contains("6a8f5f28-54a1-4eb0-a98a-3111513fd4fc");
  }

  @Test
  void twoTendersOfOneOrderAskForTheSameOrderAndInvoiceNeither() {
    // 45.99 by card and 15.00 by gift card, both payments of ORDER-0001.
    String second =
        text("square-payment-updated.json")
            .replace("PAY-0001", "PAY-0002")
            .replace("6a8f5f28-54a1-4eb0-a98a-3111513fd4fc", "7b9f5f28-54a1-4eb0-a98a-3111513fd4fd")
            .replace("\"amount\": 4599", "\"amount\": 1500")
            .replace("\"CARD\"", "\"SQUARE_GIFT_CARD\"");

    Normalized one = normalize(context("square"), fixture("square-payment-updated.json"));
    Normalized two = normalize(context("square"), bytes(second));

    assertThat(List.of(one, two))
        .allSatisfy(
            n ->
                assertThat(n.events())
                    .singleElement()
                    .isInstanceOfSatisfying(
                        SyncRequest.class,
                        r -> assertThat(r.getExternalId()).isEqualTo("ORDER-0001")));
  }

  @Test
  void turnsACompletedPaymentWithoutAnOrderIntoACompletedSaleInMajorUnits() {
    Normalized normalized = normalize(context("square"), bytes(paymentWithoutOrder()));

    SaleEvent sale = onlySale(normalized);
    assertThat(sale.getKind()).isEqualTo(SaleKind.COMPLETED);
    assertThat(sale.getPlatform()).isEqualTo(Platform.SQUARE);
    assertThat(sale.getExternalId()).isEqualTo("PAY-0001");
    assertThat(sale.getOrderNumber()).isEqualTo("PAY0");
    assertThat(sale.getCurrency()).isEqualTo("USD");
    assertThat(sale.getTaxesIncluded()).isTrue();
    assertThat(sale.getOccurredAt()).isEqualTo(Instant.parse("2026-11-21T14:25:27Z"));
    // 4599 cents; the 500 cent tip and the processing fee are not part of the sale.
    assertThat(sale.getLines())
        .containsExactly(
            LineItem.newBuilder()
                .setSku(null)
                .setName("Square payment")
                .setQuantity(quantity("1.0000"))
                .setUnitPrice(money("45.9900", "USD"))
                .setDiscount(null)
                .setTaxRate(null)
                .build());
    assertThat(sale.getTotals())
        .isEqualTo(
            new SaleTotals(
                money("45.9900", "USD"),
                money("0.0000", "USD"),
                money("0.0000", "USD"),
                money("0.0000", "USD"),
                money("45.9900", "USD")));
    assertThat(normalized.platformEventId()).contains("6a8f5f28-54a1-4eb0-a98a-3111513fd4fc");
  }

  @Test
  void aPaymentWithoutAnOrderCarriesItselfAsThePaymentOfItsInvoice() {
    SaleEvent sale = onlySale(normalize(context("square"), bytes(paymentWithoutOrder())));

    assertThat(sale.getPayments())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getReference()).isEqualTo("PAY-0001");
              assertThat(p.getAmount()).isEqualTo(sale.getTotals().getTotal());
            });
    assertThat(sale.getAccountId()).isEqualTo("MLTEST0MERCHANT");
  }

  @Test
  void takesTheBuyerFromTheEmailAndBillingAddress() {
    Party customer =
        onlySale(normalize(context("square"), bytes(paymentWithoutOrder()))).getCustomer();

    assertThat(customer.getExternalId()).isEqualTo("CUST-0001");
    assertThat(customer.getName()).isEqualTo("Ada Buyer");
    assertThat(customer.getEmail()).isEqualTo("buyer@mail.example");
    assertThat(customer.getAddress())
        .isEqualTo(new Address("500 Electric Ave", "Suite 600", "New York", "NY", "10003", "US"));
  }

  @Test
  void convertsMinorUnitsWithTheFractionDigitsOfTheCurrency() {
    String yen =
        paymentWithoutOrder()
            .replace(
                "{\"amount\": 4599, \"currency\": \"USD\"}",
                "{\"amount\": 4599, \"currency\": \"JPY\"}");
    String dinar =
        paymentWithoutOrder()
            .replace(
                "{\"amount\": 4599, \"currency\": \"USD\"}",
                "{\"amount\": 4599, \"currency\": \"KWD\"}");

    assertThat(onlySale(normalize(context("square"), bytes(yen))).getTotals().getTotal())
        .isEqualTo(money("4599.0000", "JPY"));
    assertThat(onlySale(normalize(context("square"), bytes(dinar))).getTotals().getTotal())
        .isEqualTo(money("4.5990", "KWD"));
  }

  @Test
  void aPaymentThatIsNotCompletedEmitsNothing() {
    String body = text("square-payment-updated.json").replace("\"COMPLETED\"", "\"APPROVED\"");

    Normalized normalized = normalize(context("square"), bytes(body));

    assertThat(normalized.events()).isEmpty();
    assertThat(normalized.platformEventId()).contains("6a8f5f28-54a1-4eb0-a98a-3111513fd4fc");
  }

  @Test
  void turnsACompletedRefundIntoARefundedSaleOfTheSameOrder() {
    SaleEvent refund =
        onlySale(normalize(context("square"), fixture("square-refund-created.json")));

    assertThat(refund.getKind()).isEqualTo(SaleKind.REFUNDED);
    assertThat(refund.getExternalId()).isEqualTo("ORDER-0001");
    // An amount, not lines: credited over the invoice's lines, once per refund id.
    assertThat(refund.getLines()).isEmpty();
    assertThat(refund.getRefund().getRefundId()).isEqualTo("REF-0001");
    assertThat(refund.getRefund().getAdjustments())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getName()).isEqualTo("Square refund");
              assertThat(a.getLineTotal()).isEqualTo(money("15.0000", "USD"));
            });
    assertThat(refund.getAccountId()).isEqualTo("MLTEST0MERCHANT");
    assertThat(refund.getTotals().getTotal()).isEqualTo(money("15.0000", "USD"));
    assertThat(refund.getOccurredAt()).isEqualTo(Instant.parse("2026-11-22T08:00:00Z"));
    assertThat(refund.getCustomer()).isNull();
  }

  @Test
  void anOrderEventAsksForTheOrderToBeFetched() {
    Normalized normalized = normalize(context("square"), fixture("square-order-updated.json"));

    SyncRequest request = (SyncRequest) normalized.events().get(0);
    assertThat(request.getObjectType()).isEqualTo("order");
    assertThat(request.getExternalId()).isEqualTo("ORDER-0001");
    assertThat(request.getAction()).isEqualTo("updated");
    assertThat(request.getPlatform()).isEqualTo(Platform.SQUARE);
    assertThat(request.getWebhookId()).isEqualTo(Fixtures.WEBHOOK.toString());
    assertThat(request.getOccurredAt()).isEqualTo(Instant.parse("2026-11-21T14:25:31Z"));
  }

  @Test
  void aTestNotificationEmitsNothing() {
    String body =
        "{\"merchant_id\":\"M1\",\"type\":\"webhooks.test_notification\",\"event_id\":\"e-1\","
            + "\"created_at\":\"2026-11-21T14:25:31Z\",\"data\":{\"type\":\"webhooks\",\"id\":\"x\"}}";

    assertThat(normalize(context("square"), bytes(body)).events()).isEmpty();
  }

  @Test
  void rejectsAPaymentWithoutMoneyAFractionalCentOrAnUnknownCurrency() {
    String noMoney = paymentWithoutOrder().replace("\"amount_money\"", "\"x_money\"");
    String fractional = paymentWithoutOrder().replace("4599", "45.99");
    String unknown = paymentWithoutOrder().replace("\"USD\"}", "\"QQQ\"}");

    for (String body : new String[] {noMoney, fractional, unknown}) {
      assertThatThrownBy(() -> normalize(context("square"), bytes(body)))
          .isInstanceOf(NormalizationFailed.class);
    }
  }

  @Test
  void rejectsAnEventWithoutTypeAndABodyThatIsNotJson() {
    assertThatThrownBy(() -> normalize(context("square"), bytes("{\"event_id\":\"e\"}")))
        .isInstanceOf(NormalizationFailed.class);
    assertThatThrownBy(() -> normalize(context("square"), bytes("[1,2]")))
        .isInstanceOf(NormalizationFailed.class);
    assertThatThrownBy(
            () -> normalize(context("square"), bytes("{\"type\":\"payment.created\"} x")))
        .isInstanceOf(NormalizationFailed.class)
        .matches(e -> ((NormalizationFailed) e).malformed());
  }
}
