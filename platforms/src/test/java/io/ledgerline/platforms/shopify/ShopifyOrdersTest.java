package io.ledgerline.platforms.shopify;

import static io.ledgerline.platforms.normalization.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.events.Address;
import io.ledgerline.events.LineItem;
import io.ledgerline.events.Money;
import io.ledgerline.events.Party;
import io.ledgerline.events.Platform;
import io.ledgerline.events.SaleEvent;
import io.ledgerline.events.SaleKind;
import io.ledgerline.platforms.normalization.JsonBodies;
import io.ledgerline.platforms.normalization.NormalizationFailed;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ShopifyOrdersTest {

  static final Instant RECEIVED = Instant.parse("2026-11-20T15:12:50Z");

  private static SaleEvent normalize(byte[] body) {
    return ShopifyOrders.toSaleEvent(
        parseOrder(body), new ShopifyOrders.Context("evt-1", "tenant-a", "conn-1", RECEIVED));
  }

  /** As {@link ShopifyNormalizer} does: the body parsed once, then read as an order. */
  private static JsonNode parseOrder(byte[] body) {
    return ShopifyOrders.order(JsonBodies.parseObject(body));
  }

  private static Money usd(String amount) {
    return new Money(new BigDecimal(amount), "USD");
  }

  @Test
  void turnsAPaidOrderIntoACompletedSaleOfTheRightTenantAndConnection() {
    SaleEvent sale = normalize(fixture("shopify-order-paid-rest.json"));

    assertThat(sale.getEventId()).isEqualTo("evt-1");
    assertThat(sale.getTenantId()).isEqualTo("tenant-a");
    assertThat(sale.getConnectionId()).isEqualTo("conn-1");
    assertThat(sale.getPlatform()).isEqualTo(Platform.SHOPIFY);
    assertThat(sale.getKind()).isEqualTo(SaleKind.COMPLETED);
    assertThat(sale.getExternalId()).isEqualTo("5512349876543");
    assertThat(sale.getOrderNumber()).isEqualTo("#1001");
    assertThat(sale.getCurrency()).isEqualTo("USD");
    assertThat(sale.getTaxesIncluded()).isFalse();
    assertThat(sale.getReplay()).isFalse();
    // processed_at 2026-11-20T10:12:43-05:00
    assertThat(sale.getOccurredAt()).isEqualTo(Instant.parse("2026-11-20T15:12:43Z"));
  }

  @Test
  void takesTheBuyerWithTheBillingAddress() {
    Party customer = normalize(fixture("shopify-order-paid-rest.json")).getCustomer();

    assertThat(customer.getExternalId()).isEqualTo("7304820019371");
    assertThat(customer.getName()).isEqualTo("Bob Norman");
    assertThat(customer.getEmail()).isEqualTo("bob.norman@mail.example.com");
    assertThat(customer.getPhone()).isEqualTo("+15025550142");
    assertThat(customer.getAddress())
        .isEqualTo(new Address("2259 Park Ct", "Suite 4", "Louisville", "KY", "40202", "US"));
  }

  @Test
  void normalizesEveryLineWithItsDiscountAndSummedTaxRate() {
    SaleEvent sale = normalize(fixture("shopify-order-paid-rest.json"));

    assertThat(sale.getLines()).hasSize(2);
    LineItem shirt = sale.getLines().get(0);
    assertThat(shirt.getSku()).isEqualTo("TSHIRT-BLK-M");
    assertThat(shirt.getName()).isEqualTo("Organic Cotton T-Shirt - Black / M");
    assertThat(shirt.getQuantity()).isEqualTo(new BigDecimal("2.0000"));
    assertThat(shirt.getUnitPrice()).isEqualTo(usd("25.0000"));
    assertThat(shirt.getDiscount()).isEqualTo(usd("5.0000"));
    assertThat(shirt.getTaxRate()).isEqualTo(new BigDecimal("0.072500")); // 0.06 + 0.0125

    LineItem mug = sale.getLines().get(1);
    assertThat(mug.getSku()).as("an empty sku is no sku").isNull();
    assertThat(mug.getName()).isEqualTo("Ceramic Mug");
    assertThat(mug.getQuantity()).isEqualTo(new BigDecimal("1.0000"));
    assertThat(mug.getUnitPrice()).isEqualTo(usd("12.5000"));
    assertThat(mug.getDiscount()).isEqualTo(usd("0.0000"));
    assertThat(mug.getTaxRate()).isEqualTo(new BigDecimal("0.072500"));
  }

  @Test
  void keepsShopifysTotalsIncludingShippingFromTheShopMoneySet() {
    SaleEvent sale = normalize(fixture("shopify-order-paid-rest.json"));

    assertThat(sale.getTotals().getSubtotal()).isEqualTo(usd("57.5000"));
    assertThat(sale.getTotals().getDiscountTotal()).isEqualTo(usd("5.0000"));
    assertThat(sale.getTotals().getTaxTotal()).isEqualTo(usd("4.1700"));
    assertThat(sale.getTotals().getShippingTotal()).isEqualTo(usd("7.9900"));
    assertThat(sale.getTotals().getTotal()).isEqualTo(usd("69.6600"));
  }

  @Test
  void leavesTheTaxRateUnknownWhenALineHasNoTaxLines() {
    String body =
        """
        {"id": 1, "currency": "eur", "taxes_included": true, "subtotal_price": "10.00",
         "total_price": "10.00",
         "line_items": [{"title": "Gift wrap", "quantity": 1, "price": "10.00", "tax_lines": []}]}
        """;

    SaleEvent sale = normalize(body.getBytes(StandardCharsets.UTF_8));

    assertThat(sale.getCurrency()).isEqualTo("EUR");
    assertThat(sale.getTaxesIncluded()).isTrue();
    assertThat(sale.getCustomer()).isNull();
    assertThat(sale.getOccurredAt()).as("no processed_at: when it arrived").isEqualTo(RECEIVED);
    assertThat(sale.getLines().get(0).getName()).isEqualTo("Gift wrap");
    assertThat(sale.getLines().get(0).getTaxRate()).isNull();
    assertThat(sale.getTotals().getShippingTotal())
        .isEqualTo(new Money(new BigDecimal("0.0000"), "EUR"));
  }

  @Test
  void refusesMalformedJson() {
    assertThatThrownBy(() -> parseOrder("{\"id\": 1,".getBytes()))
        .isInstanceOf(NormalizationFailed.class);
  }

  @Test
  void refusesJsonThatIsNotAnOrder() {
    assertThatThrownBy(() -> parseOrder("{\"foo\": \"bar\"}".getBytes()))
        .isInstanceOf(NormalizationFailed.class);
    assertThatThrownBy(() -> parseOrder("[1, 2]".getBytes()))
        .isInstanceOf(NormalizationFailed.class);
  }

  @Test
  void refusesAnAmountWithMoreThanFourDecimals() {
    String body =
        """
        {"id": 1, "currency": "USD",
         "line_items": [{"title": "x", "quantity": 1, "price": "1.000001"}]}
        """;

    assertThatThrownBy(() -> normalize(body.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(NormalizationFailed.class);
  }

  @Test
  void refusesAnAmountNoOrderHasBeforeScalingIt() {
    // Scaled as it is, 1e99999999 would keep a CPU busy for minutes.
    String body =
        """
        {"id": 1, "currency": "USD", "total_price": "1e99999999",
         "line_items": [{"title": "x", "quantity": 1, "price": 1e-99999999}]}
        """;

    assertThatThrownBy(() -> normalize(body.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(NormalizationFailed.class);
  }

  @Test
  void onlyPaidOrdersAreSales() {
    assertThat(ShopifyOrders.isSale("orders/paid")).isTrue();
    assertThat(ShopifyOrders.isSale("orders/create")).isFalse();
  }
}
