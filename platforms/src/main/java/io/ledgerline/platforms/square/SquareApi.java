package io.ledgerline.platforms.square;

import io.ledgerline.platforms.api.ApiClient;
import io.ledgerline.platforms.api.ApiContext;
import io.ledgerline.platforms.api.ApiFailure;
import io.ledgerline.platforms.api.ApiJson;
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
import org.apache.avro.specific.SpecificRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Square's Orders API: {@code GET /v2/orders/{id}} for an {@code order.*} webhook; {@code POST
 * /v2/orders/search} for a pull (the merchant's locations from {@code GET /v2/locations}, at most
 * 10 a search; filter {@code updated_at} from the cursor's {@code since}, state {@code COMPLETED},
 * sorted by {@code UPDATED_AT} ascending, paged by the answer's {@code cursor}); the buyer by
 * {@code GET /v2/customers/{id}}. Completed orders become sales, a canceled one the void of its
 * sale ({@link SquareOrders}); an order fetched for a payment webhook is fetched here too.
 */
final class SquareApi implements PlatformApi {

  static final String ORDER = "order";
  private static final int PAGE_SIZE = 100;

  @Override
  public List<String> pullTypes() {
    return List.of(ORDER);
  }

  @Override
  public Fetched fetch(ApiClient client, ApiContext context, ObjectRef ref) {
    if (!ORDER.equals(ref.objectType())) {
      return Fetched.nothing("Square " + ref.objectType() + ": not fetched");
    }
    if (!ref.externalId().matches("[A-Za-z0-9_-]{1,192}")) {
      throw new ObjectGone("not a Square order id: " + ref.externalId());
    }
    ApiRequest request = ApiRequest.get("/v2/orders/" + ref.externalId());
    JsonNode order = ApiFailure.require(request, client.send(request)).json().path("order");
    if (!order.isObject()) {
      throw new ApiFailure(200, "Square answered an order without an order");
    }
    Instant version = SquareOrders.updatedAt(order);
    if (SquareOrders.canceled(order)) {
      return new Fetched(
          List.of(SquareOrders.voided(context, order)),
          "Square order " + ref.externalId() + " canceled",
          version);
    }
    if (!SquareOrders.completed(order)) {
      return Fetched.nothing(
          "Square order " + ref.externalId() + " is " + JsonBodies.text(order, "state").orElse("?"),
          version);
    }
    return new Fetched(
        List.of(SquareOrders.sale(context, order, customer(client, order))),
        "Square order " + ref.externalId() + " completed",
        version);
  }

  @Override
  public Page page(ApiClient client, ApiContext context, String objectType, String cursorText) {
    if (!ORDER.equals(objectType)) {
      throw new IllegalArgumentException("Square pulls orders, not " + objectType);
    }
    Cursor cursor = Cursor.parse(cursorText);
    Instant since = cursor.since();
    String locations = cursor.get("locations").orElseGet(() -> locations(client));
    if (locations.isEmpty()) {
      return new Page(List.of(), 0, 0, 0, null, Cursor.since(since).text());
    }
    ObjectNode body = ApiJson.object();
    var ids = body.putArray("location_ids");
    for (String id : locations.split(",")) {
      ids.add(id);
    }
    ObjectNode query = body.putObject("query");
    ObjectNode filter = query.putObject("filter");
    filter.putObject("date_time_filter").putObject("updated_at").put("start_at", since.toString());
    filter.putObject("state_filter").putArray("states").add("COMPLETED");
    ObjectNode sort = query.putObject("sort");
    sort.put("sort_field", "UPDATED_AT");
    sort.put("sort_order", "ASC");
    body.put("limit", PAGE_SIZE);
    cursor.get("cursor").ifPresent(c -> body.put("cursor", c));
    ApiRequest request = ApiRequest.post("/v2/orders/search", body.toString());
    JsonNode answer = ApiFailure.require(request, client.send(request)).json();

    List<SpecificRecord> events = new ArrayList<>();
    int fetched = 0;
    int skipped = 0;
    int failed = 0;
    Instant highWater = cursor.highWater();
    for (JsonNode order : answer.path("orders")) {
      fetched++;
      Instant updated = SquareOrders.updatedAt(order);
      if (updated.isAfter(highWater)) {
        highWater = updated;
      }
      if (!SquareOrders.completed(order)) {
        skipped++;
        continue;
      }
      try {
        events.add(SquareOrders.sale(context, order, customer(client, order)));
      } catch (NormalizationFailed | ArithmeticException e) {
        failed++;
      }
    }
    Instant mark = highWater;
    Optional<String> next = JsonBodies.text(answer, "cursor");
    Cursor restart = Cursor.since(highWater);
    return new Page(
        events,
        fetched,
        skipped,
        failed,
        next.map(c -> cursor.seen(mark).with("locations", locations).with("cursor", c).text())
            .orElse(null),
        restart.text());
  }

  private static String locations(ApiClient client) {
    ApiRequest request = ApiRequest.get("/v2/locations");
    JsonNode answer = ApiFailure.require(request, client.send(request)).json();
    List<String> ids = new ArrayList<>();
    for (JsonNode location : answer.path("locations")) {
      if (ids.size() < 10) {
        JsonBodies.text(location, "id").ifPresent(ids::add);
      }
    }
    return String.join(",", ids);
  }

  private static JsonNode customer(ApiClient client, JsonNode order) {
    Optional<String> id = JsonBodies.text(order, "customer_id");
    if (id.isEmpty() || !id.get().matches("[A-Za-z0-9_-]{1,192}")) {
      return null;
    }
    ApiRequest request = ApiRequest.get("/v2/customers/" + id.get());
    ApiResponse response = client.send(request);
    if (response.status() == 404) {
      return null; // a deleted customer: the sale is still the buyer's, without details
    }
    return ApiFailure.require(request, response).json().path("customer");
  }
}
