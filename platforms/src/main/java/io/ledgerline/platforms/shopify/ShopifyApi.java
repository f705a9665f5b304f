package io.ledgerline.platforms.shopify;

import io.ledgerline.events.SaleEvent;
import io.ledgerline.platforms.api.ApiClient;
import io.ledgerline.platforms.api.ApiContext;
import io.ledgerline.platforms.api.ApiFailure;
import io.ledgerline.platforms.api.ApiRequest;
import io.ledgerline.platforms.api.ApiResponse;
import io.ledgerline.platforms.api.Cursor;
import io.ledgerline.platforms.api.Fetched;
import io.ledgerline.platforms.api.ObjectGone;
import io.ledgerline.platforms.api.ObjectRef;
import io.ledgerline.platforms.api.Page;
import io.ledgerline.platforms.api.PlatformApi;
import io.ledgerline.platforms.normalization.JsonBodies;
import io.ledgerline.platforms.normalization.NormalizationFailed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import tools.jackson.databind.JsonNode;

/**
 * Shopify's REST Admin API (2024-10) on the shop's domain: {@code GET /orders/{id}.json}, and a
 * pull of paid orders by {@code updated_at_min} sorted {@code updated_at asc}, 250 a page, paged by
 * the {@code Link} header's {@code rel="next"} {@code page_info} (with which Shopify allows no
 * other filter). The same order normalizer as {@code orders/paid} webhooks ({@link ShopifyOrders}).
 */
final class ShopifyApi implements PlatformApi {

  static final String ORDER = "order";
  static final String ORDERS = "/admin/api/2024-10/orders";
  private static final Pattern NEXT =
      Pattern.compile("<[^>]*[?&]page_info=([^&>]+)[^>]*>;\\s*rel=\"next\"");

  @Override
  public List<String> pullTypes() {
    return List.of(ORDER);
  }

  @Override
  public Fetched fetch(ApiClient client, ApiContext context, ObjectRef ref) {
    if (!ORDER.equals(ref.objectType())) {
      return Fetched.nothing("Shopify " + ref.objectType() + ": not fetched");
    }
    if (!ref.externalId().matches("\\d{1,20}")) {
      throw new ObjectGone("not a Shopify order id: " + ref.externalId());
    }
    ApiRequest request = ApiRequest.get(ORDERS + "/" + ref.externalId() + ".json");
    JsonNode order = ApiFailure.require(request, client.send(request)).json().path("order");
    Instant version = updated(order);
    if (!"paid".equals(JsonBodies.text(order, "financial_status").orElse(""))) {
      return Fetched.nothing("Shopify order " + ref.externalId() + " is not paid", version);
    }
    return new Fetched(
        List.of(sale(context, order)), "Shopify order " + ref.externalId() + " paid", version);
  }

  @Override
  public Page page(ApiClient client, ApiContext context, String objectType, String cursorText) {
    if (!ORDER.equals(objectType)) {
      throw new IllegalArgumentException("Shopify pulls orders, not " + objectType);
    }
    Cursor cursor = Cursor.parse(cursorText);
    Instant since = cursor.since();
    ApiRequest request = ApiRequest.get(ORDERS + ".json").with("limit", "250");
    Optional<String> pageInfo = cursor.get("page_info");
    if (pageInfo.isPresent()) {
      request = request.with("page_info", pageInfo.get());
    } else {
      request =
          request
              .with("status", "any")
              .with("financial_status", "paid")
              .with("updated_at_min", since.toString())
              .with("order", "updated_at asc");
    }
    ApiResponse response = ApiFailure.require(request, client.send(request));
    List<SpecificRecord> events = new ArrayList<>();
    int fetched = 0;
    int failed = 0;
    Instant highWater = cursor.highWater();
    for (JsonNode order : response.json().path("orders")) {
      fetched++;
      Instant u = updated(order);
      if (u.isAfter(highWater)) {
        highWater = u;
      }
      try {
        events.add(sale(context, order));
      } catch (NormalizationFailed | ArithmeticException e) {
        failed++;
      }
    }
    Instant mark = highWater;
    String next =
        response
            .header("Link")
            .map(NEXT::matcher)
            .filter(Matcher::find)
            .map(m -> cursor.seen(mark).with("page_info", m.group(1)).text())
            .orElse(null);
    return new Page(events, fetched, 0, failed, next, Cursor.since(highWater).text());
  }

  private static Instant updated(JsonNode order) {
    return JsonBodies.instant(order, "updated_at").orElse(Instant.EPOCH);
  }

  private static SaleEvent sale(ApiContext context, JsonNode order) {
    String id = ShopifyOrders.orderId(ShopifyOrders.order(order));
    SaleEvent sale =
        ShopifyOrders.toSaleEvent(
            order,
            new ShopifyOrders.Context(
                context.eventId(ORDER, id, Long.toString(updated(order).toEpochMilli())),
                context.tenantId(),
                context.connectionId().toString(),
                updated(order)));
    sale.setAccountId(context.accountId());
    return sale;
  }
}
