package io.ledgerline.platforms.pipedrive;

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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import tools.jackson.databind.JsonNode;

/**
 * Pipedrive's API v2 (deals, deal products, persons, organizations) on the company's domain.
 *
 * <ul>
 *   <li>Fetch: {@code GET /api/v2/deals/{id}}; a won deal's products by {@code GET
 *       /api/v2/deals/{id}/products} (cursor-paged), its person by {@code GET /api/v2/persons/{id}}
 *       and organization by {@code GET /api/v2/organizations/{id}}.
 *   <li>Pull: {@code GET /api/v2/deals?updated_since=...&sort_by=update_time&sort_direction=asc}
 *       100 a page, paged by {@code additional_data.next_cursor}; the won deals' products by {@code
 *       GET /api/v2/deals/products?deal_ids=...} (at most 100 deals), their persons and
 *       organizations by {@code GET /api/v2/persons?ids=...} and {@code /api/v2/organizations?ids=}
 *       (at most 100 ids each): batch reads, not one call per deal.
 * </ul>
 *
 * Only won deals become events ({@link PipedriveDeals}); the rest are skipped. A deal deleted on
 * Pipedrive answers 404 (gone).
 */
final class PipedriveApi implements PlatformApi {

  static final String DEAL = "deal";
  private static final int PAGE_SIZE = 100;
  private static final int BATCH = 100;

  @Override
  public List<String> pullTypes() {
    return List.of(DEAL);
  }

  @Override
  public Fetched fetch(ApiClient client, ApiContext context, ObjectRef ref) {
    if (!DEAL.equals(ref.objectType())) {
      return Fetched.nothing("Pipedrive " + ref.objectType() + ": not invoiced");
    }
    if (ref.action().startsWith("delete")) {
      return Fetched.nothing("Pipedrive deal " + ref.externalId() + " deleted: nothing to invoice");
    }
    if (!ref.externalId().matches("\\d{1,19}")) {
      throw new ObjectGone("Pipedrive deal ids are numeric: " + ref.externalId());
    }
    ApiRequest request = ApiRequest.get("/api/v2/deals/" + ref.externalId());
    JsonNode deal = data(request, ApiFailure.require(request, client.send(request)));
    if (!deal.isObject()) {
      throw new ApiFailure(200, "Pipedrive answered a deal without data");
    }
    Instant version = PipedriveDeals.updatedAt(deal);
    if (!PipedriveDeals.won(context, deal)) {
      return Fetched.nothing(
          "Pipedrive deal "
              + ref.externalId()
              + " is "
              + JsonBodies.text(deal, "status").orElse("?")
              + ": not won",
          version);
    }
    List<JsonNode> products = products(client, "/api/v2/deals/" + ref.externalId() + "/products");
    Map<String, JsonNode> persons = new HashMap<>();
    PipedriveDeals.reference(deal, "person_id")
        .flatMap(id -> one(client, "/api/v2/persons/" + id))
        .ifPresent(p -> persons.put(JsonBodies.required(p, "id", "person"), p));
    Map<String, JsonNode> orgs = new HashMap<>();
    PipedriveDeals.reference(deal, "org_id")
        .flatMap(id -> one(client, "/api/v2/organizations/" + id))
        .ifPresent(o -> orgs.put(JsonBodies.required(o, "id", "organization"), o));
    SpecificRecord event = PipedriveDeals.event(context, deal, products, persons, orgs);
    return new Fetched(List.of(event), "Pipedrive deal " + ref.externalId() + " won", version);
  }

  @Override
  public Page page(ApiClient client, ApiContext context, String objectType, String cursorText) {
    if (!DEAL.equals(objectType)) {
      throw new IllegalArgumentException("Pipedrive pulls deals, not " + objectType);
    }
    Cursor cursor = Cursor.parse(cursorText);
    Instant since = cursor.since();
    ApiRequest request =
        ApiRequest.get("/api/v2/deals")
            .with("updated_since", since.truncatedTo(ChronoUnit.SECONDS).toString())
            .with("sort_by", "update_time")
            .with("sort_direction", "asc")
            .with("limit", Integer.toString(PAGE_SIZE));
    Optional<String> at = cursor.get("cursor");
    if (at.isPresent()) {
      request = request.with("cursor", at.get());
    }
    JsonNode answer = ApiFailure.require(request, client.send(request)).json();

    List<JsonNode> won = new ArrayList<>();
    int fetched = 0;
    Instant highWater = cursor.highWater();
    for (JsonNode deal : answer.path("data")) {
      fetched++;
      Instant updated = PipedriveDeals.updatedAt(deal);
      if (updated.isAfter(highWater)) {
        highWater = updated;
      }
      if (PipedriveDeals.won(context, deal)) {
        won.add(deal);
      }
    }
    List<SpecificRecord> events = new ArrayList<>();
    int failed = 0;
    if (!won.isEmpty()) {
      List<String> dealIds = ids(won, "id");
      Map<String, List<JsonNode>> products = productsOf(client, dealIds);
      Map<String, JsonNode> persons = byIds(client, "/api/v2/persons", refs(won, "person_id"));
      Map<String, JsonNode> orgs = byIds(client, "/api/v2/organizations", refs(won, "org_id"));
      for (JsonNode deal : won) {
        try {
          String id = JsonBodies.required(deal, "id", "deal");
          events.add(
              PipedriveDeals.event(
                  context, deal, products.getOrDefault(id, List.of()), persons, orgs));
        } catch (NormalizationFailed | ArithmeticException e) {
          failed++;
        }
      }
    }
    Instant mark = highWater;
    Optional<String> next =
        JsonBodies.text(answer.path("additional_data"), "next_cursor").filter(c -> !c.isBlank());
    return new Page(
        events,
        fetched,
        fetched - won.size(),
        failed,
        next.map(c -> cursor.seen(mark).with("cursor", c).text()).orElse(null),
        Cursor.since(highWater).text());
  }

  /** A deal's products, every page of them. */
  private static List<JsonNode> products(ApiClient client, String path) {
    List<JsonNode> all = new ArrayList<>();
    String at = null;
    do {
      ApiRequest request = ApiRequest.get(path).with("limit", "500");
      if (at != null) {
        request = request.with("cursor", at);
      }
      JsonNode answer = ApiFailure.require(request, client.send(request)).json();
      answer.path("data").forEach(all::add);
      at = JsonBodies.text(answer.path("additional_data"), "next_cursor").orElse(null);
    } while (at != null && !at.isBlank());
    return all;
  }

  /** The products of several deals by deal id, at most 100 deals a call, every page. */
  private static Map<String, List<JsonNode>> productsOf(ApiClient client, List<String> dealIds) {
    Map<String, List<JsonNode>> byDeal = new HashMap<>();
    for (List<String> chunk : chunks(dealIds)) {
      String at = null;
      do {
        ApiRequest request =
            ApiRequest.get("/api/v2/deals/products")
                .with("deal_ids", String.join(",", chunk))
                .with("limit", "500");
        if (at != null) {
          request = request.with("cursor", at);
        }
        JsonNode answer = ApiFailure.require(request, client.send(request)).json();
        for (JsonNode product : answer.path("data")) {
          JsonBodies.text(product, "deal_id")
              .ifPresent(d -> byDeal.computeIfAbsent(d, k -> new ArrayList<>()).add(product));
        }
        at = JsonBodies.text(answer.path("additional_data"), "next_cursor").orElse(null);
      } while (at != null && !at.isBlank());
    }
    return byDeal;
  }

  /**
   * Records by id from a v2 list endpoint's {@code ids} filter (those not visible are left out).
   */
  private static Map<String, JsonNode> byIds(ApiClient client, String path, List<String> ids) {
    Map<String, JsonNode> byId = new HashMap<>();
    for (List<String> chunk : chunks(ids)) {
      ApiRequest request =
          ApiRequest.get(path)
              .with("ids", String.join(",", chunk))
              .with("limit", Integer.toString(BATCH));
      JsonNode answer = ApiFailure.require(request, client.send(request)).json();
      for (JsonNode record : answer.path("data")) {
        JsonBodies.text(record, "id").ifPresent(id -> byId.put(id, record));
      }
    }
    return byId;
  }

  /** One person or organization; a deleted one (404) leaves the buyer without its details. */
  private static Optional<JsonNode> one(ApiClient client, String path) {
    ApiRequest request = ApiRequest.get(path);
    ApiResponse response = client.send(request);
    if (response.status() == 404 || response.status() == 410) {
      return Optional.empty();
    }
    JsonNode data = data(request, ApiFailure.require(request, response));
    return data.isObject() ? Optional.of(data) : Optional.empty();
  }

  private static JsonNode data(ApiRequest request, ApiResponse response) {
    JsonNode answer = response.json();
    if (answer.path("success").isBoolean() && !answer.path("success").asBoolean()) {
      throw new ApiFailure(response.status(), request + " did not succeed");
    }
    return answer.path("data");
  }

  private static List<String> ids(List<JsonNode> deals, String field) {
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    deals.forEach(d -> JsonBodies.text(d, field).ifPresent(ids::add));
    return List.copyOf(ids);
  }

  private static List<String> refs(List<JsonNode> deals, String field) {
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    deals.forEach(d -> PipedriveDeals.reference(d, field).ifPresent(ids::add));
    return List.copyOf(ids);
  }

  private static List<List<String>> chunks(List<String> ids) {
    List<List<String>> chunks = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += BATCH) {
      chunks.add(ids.subList(i, Math.min(ids.size(), i + BATCH)));
    }
    return chunks;
  }
}
