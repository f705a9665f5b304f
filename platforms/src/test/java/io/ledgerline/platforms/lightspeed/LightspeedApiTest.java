package io.ledgerline.platforms.lightspeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.events.LineItem;
import io.ledgerline.events.SaleEvent;
import io.ledgerline.events.SaleKind;
import io.ledgerline.platforms.Platforms;
import io.ledgerline.platforms.api.ApiContext;
import io.ledgerline.platforms.api.ApiRequest;
import io.ledgerline.platforms.api.Contexts;
import io.ledgerline.platforms.api.Cursor;
import io.ledgerline.platforms.api.Fetched;
import io.ledgerline.platforms.api.ObjectGone;
import io.ledgerline.platforms.api.ObjectRef;
import io.ledgerline.platforms.api.Page;
import io.ledgerline.platforms.api.PlatformApi;
import io.ledgerline.platforms.api.RecordedApi;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LightspeedApiTest {

  private static final String SALE = "06bf537b-c783-11e6-f6b9-7ea7909ffe01";
  private final PlatformApi api = Platforms.installed().get("lightspeed").api();
  private final ApiContext context = Contexts.of("lightspeed", "demostore", "GBP");

  private RecordedApi lightspeed() {
    return new RecordedApi(LightspeedApiTest.class)
        .on("GET", "/api/2.0/sales/" + SALE, "api-sale-closed.json")
        .on(
            "GET",
            r -> r.path().equals("/api/2.0/sales") && r.queryString().contains("after=0&"),
            200,
            "api-sales-1.json")
        .on("GET", "/api/2.0/sales", "api-sales-empty.json")
        .on("GET", "/api/2.0/products/188a87aa-06fe-11e4-a0f5-b8ca3a64f8f4", "api-product-1.json")
        .on("GET", "/api/2.0/products/288a87aa-06fe-11e4-a0f5-b8ca3a64f8f5", "api-product-2.json")
        .on("GET", "/api/2.0/customers/b1cabb53-f019-11e3-a0f5-b8ca3a64f8f4", "api-customer.json");
  }

  @Test
  void aClosedSaleIsACompletedSaleWithNamedLinesTaxAndItsCustomerInExactAmounts() {
    RecordedApi lightspeed = lightspeed();

    Fetched fetched = api.fetch(lightspeed, context, new ObjectRef("sale", SALE, "sale.update"));

    SaleEvent sale = (SaleEvent) fetched.events().get(0);
    assertThat(sale.getKind()).isEqualTo(SaleKind.COMPLETED);
    assertThat(sale.getExternalId()).isEqualTo(SALE);
    assertThat(sale.getAccountId()).isEqualTo("demostore");
    assertThat(sale.getOrderNumber()).isEqualTo("1571");
    assertThat(sale.getCurrency()).isEqualTo("GBP");
    assertThat(sale.getOccurredAt()).isEqualTo(Instant.parse("2026-10-05T09:30:00Z"));
    assertThat(sale.getLines())
        .extracting(LineItem::getName)
        .containsExactly("Coffee beans 500g", "Espresso cup");
    LineItem beans = sale.getLines().get(0);
    assertThat(beans.getSku()).isEqualTo("BEANS-500");
    assertThat(beans.getQuantity()).isEqualByComparingTo("2");
    assertThat(beans.getUnitPrice().getAmount())
        .as("before its discount")
        .isEqualByComparingTo("16");
    assertThat(beans.getDiscount().getAmount()).isEqualByComparingTo("2");
    assertThat(beans.getTaxAmount().getAmount()).isEqualByComparingTo("4.50");
    assertThat(beans.getTaxRate()).isEqualByComparingTo("0.15");
    assertThat(sale.getTotals().getSubtotal().getAmount()).isEqualByComparingTo("38");
    assertThat(sale.getTotals().getTaxTotal().getAmount()).isEqualByComparingTo("5.70");
    assertThat(sale.getTotals().getTotal().getAmount()).isEqualByComparingTo("43.70");
    assertThat(sale.getCustomer().getName()).isEqualTo("Ada Lovelace");
    assertThat(sale.getCustomer().getEmail()).isEqualTo("ada@example.org");
    assertThat(fetched.version()).isEqualTo(Instant.parse("2026-10-05T09:30:05Z"));
    assertThat(lightspeed.received())
        .extracting(ApiRequest::path)
        .containsExactly(
            "/api/2.0/sales/" + SALE,
            "/api/2.0/products/188a87aa-06fe-11e4-a0f5-b8ca3a64f8f4",
            "/api/2.0/products/288a87aa-06fe-11e4-a0f5-b8ca3a64f8f5",
            "/api/2.0/customers/b1cabb53-f019-11e3-a0f5-b8ca3a64f8f4");
  }

  @Test
  void aSaleThatIsGoneOrNoSaleIdIsGone() {
    assertThatThrownBy(
            () ->
                api.fetch(
                    lightspeed(), context, new ObjectRef("sale", "0000-not-there", "sale.update")))
        .isInstanceOf(ObjectGone.class);
    assertThatThrownBy(
            () -> api.fetch(lightspeed(), context, new ObjectRef("sale", "../outlets", "x")))
        .isInstanceOf(ObjectGone.class);
  }

  @Test
  void
      pullsTheSalesFeedByVersionSkippingUnfinishedAndOlderSalesAndRestartsAfterTheHighestVersion() {
    RecordedApi lightspeed = lightspeed();
    Instant since = Instant.parse("2026-10-01T00:00:00Z");

    Page first = api.page(lightspeed, context, "sale", api.start("sale", since));

    assertThat(lightspeed.received().get(0).queryString()).isEqualTo("after=0&page_size=100");
    assertThat(first.fetched()).isEqualTo(3);
    assertThat(first.skipped()).as("a sale before since, a parked one").isEqualTo(2);
    assertThat(first.events())
        .extracting(e -> ((SaleEvent) e).getExternalId())
        .containsExactly(SALE);
    assertThat(first.last()).as("a short page is the last").isTrue();
    assertThat(Cursor.parse(first.restart()).get("after")).contains("1978890600");
    assertThat(lightspeed.received().stream().filter(r -> r.path().contains("/products/")))
        .as("each product read once a page")
        .hasSize(2);

    Page later = api.page(lightspeed, context, "sale", first.restart());

    assertThat(lightspeed.received().get(lightspeed.received().size() - 1).queryString())
        .isEqualTo("after=1978890600&page_size=100");
    assertThat(later.fetched()).isZero();
    assertThat(later.last()).isTrue();
    assertThat(Cursor.parse(later.restart()).get("after")).contains("1978890600");
  }

  @Test
  void theSameSaleByFetchAndByPullHasTheSameEventId() {
    String fetched =
        ((SaleEvent)
                api.fetch(lightspeed(), context, new ObjectRef("sale", SALE, "sale.update"))
                    .events()
                    .get(0))
            .getEventId();
    Page page =
        api.page(
            lightspeed(),
            context,
            "sale",
            api.start("sale", Instant.parse("2026-10-01T00:00:00Z")));
    assertThat(((SaleEvent) page.events().get(0)).getEventId()).isEqualTo(fetched);
  }

  @Test
  void aConnectionWithoutCurrencyCannotNormalizeSalesAndCountsThemFailed() {
    Page page =
        api.page(
            lightspeed(),
            Contexts.of("lightspeed", "demostore", null),
            "sale",
            api.start("sale", Instant.parse("2026-10-01T00:00:00Z")));
    assertThat(page.failed()).isEqualTo(1);
    assertThat(page.events()).isEmpty();
  }
}
