package io.ledgerline.platforms.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.events.SaleEvent;
import io.ledgerline.platforms.Platforms;
import io.ledgerline.platforms.api.ApiContext;
import io.ledgerline.platforms.api.ApiResponse;
import io.ledgerline.platforms.api.Contexts;
import io.ledgerline.platforms.api.Cursor;
import io.ledgerline.platforms.api.ObjectRef;
import io.ledgerline.platforms.api.Page;
import io.ledgerline.platforms.api.PlatformApi;
import io.ledgerline.platforms.api.RecordedApi;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShopifyApiTest {

  private final PlatformApi api = Platforms.installed().get("shopify").api();
  private final ApiContext context = Contexts.of("shopify", "acme.myshopify.com", null);

  @Test
  void anOrderFetchedIsTheSameSaleAsItsWebhook() {
    RecordedApi shopify =
        new RecordedApi(ShopifyApiTest.class)
            .on("GET", "/admin/api/2024-10/orders/5512349876543.json", "api-order.json");
    SaleEvent sale =
        (SaleEvent)
            api.fetch(shopify, context, new ObjectRef("order", "5512349876543", "x"))
                .events()
                .get(0);
    assertThat(sale.getExternalId()).isEqualTo("5512349876543");
    assertThat(sale.getTotals().getTotal().getAmount()).isEqualByComparingTo("69.66");
    assertThat(sale.getAccountId()).isEqualTo("acme.myshopify.com");
  }

  @Test
  void pullsPaidOrdersByUpdatedAtMinFollowingTheLinkHeader() {
    RecordedApi shopify = new RecordedApi(ShopifyApiTest.class);
    String next =
        "<https://acme.myshopify.com/admin/api/2024-10/orders.json?limit=250&page_info=eyJsYXN0X2lkIjo0fQ>; rel=\"next\"";
    ApiResponse first =
        new ApiResponse(
            200,
            Map.of("Link", List.of(next)),
            shopify.read("api-orders-page-1.json").getBytes(StandardCharsets.UTF_8));
    RecordedApi paged =
        shopify.on(
            "GET", r -> r.queryString().contains("page_info"), 200, "api-orders-page-2.json");
    List<String> asked = new java.util.ArrayList<>();
    io.ledgerline.platforms.api.ApiClient client =
        request -> {
          asked.add(request.pathAndQuery());
          return request.queryString().contains("page_info") ? paged.send(request) : first;
        };

    Page one =
        api.page(
            client, context, "order", api.start("order", Instant.parse("2026-10-01T00:00:00Z")));
    assertThat(asked.get(0))
        .contains(
            "updated_at_min=2026-10-01T00%3A00%3A00Z",
            "financial_status=paid", "order=updated_at%20asc", "limit=250");
    assertThat(one.events()).hasSize(1);
    assertThat(Cursor.parse(one.next()).get("page_info")).contains("eyJsYXN0X2lkIjo0fQ");

    Page two = api.page(client, context, "order", one.next());
    assertThat(asked.get(1))
        .contains("page_info=eyJsYXN0X2lkIjo0fQ")
        .doesNotContain("updated_at_min");
    assertThat(two.last()).isTrue();
    assertThat(Cursor.parse(two.restart()).since())
        .isEqualTo(Instant.parse("2026-11-20T15:12:46Z"));
  }
}
