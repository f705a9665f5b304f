package io.ledgerline.platforms.hubspot;

import io.ledgerline.platforms.api.ApiClient;
import io.ledgerline.platforms.api.ApiContext;
import io.ledgerline.platforms.api.ApiFailure;
import io.ledgerline.platforms.api.ApiJson;
import io.ledgerline.platforms.api.ApiRequest;
import io.ledgerline.platforms.api.Cursor;
import io.ledgerline.platforms.api.Fetched;
import io.ledgerline.platforms.api.ObjectGone;
import io.ledgerline.platforms.api.ObjectRef;
import io.ledgerline.platforms.api.Page;
import io.ledgerline.platforms.api.PlatformApi;
import io.ledgerline.platforms.normalization.JsonBodies;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * HubSpot's CRM API v3 (deals, line items, companies, contacts) and v4 associations.
 *
 * <ul>
 *   <li>Fetch: {@code GET /crm/v3/objects/deals/{id}?properties=...&associations=line_items,
 *       companies,contacts} (the response names the line-item association {@code "line items"}),
 *       then the deal's line items, company and contact by batch reads ({@code POST
 *       /crm/v3/objects/{type}/batch/read}, at most 100 inputs each).
 *   <li>Pull: {@code POST /crm/v3/objects/deals/search} filtered on {@code hs_lastmodifieddate} GTE
 *       the cursor's {@code since}, sorted ascending, 100 a page, paged by {@code
 *       paging.next.after}; the won deals' associations by {@code POST
 *       /crm/v4/associations/deal/{to}/batch/read}. Search serves at most 10,000 results of one
 *       query, so a pull that reaches that restarts from the last modification time it read.
 * </ul>
 *
 * Only won deals become events ({@link HubSpotDeals}); the rest are skipped.
 */
final class HubSpotApi implements PlatformApi {

  static final String DEAL = "deal";
  private static final int PAGE_SIZE = 100;
  // Search answers 400 past 10,000 results of one query: restart from the high-water mark first.
  private static final int SEARCH_LIMIT = 10_000;

  @Override
  public List<String> pullTypes() {
    return List.of(DEAL);
  }

  @Override
  public Fetched fetch(ApiClient client, ApiContext context, ObjectRef ref) {
    if (!DEAL.equals(ref.objectType())) {
      return Fetched.nothing("HubSpot " + ref.objectType() + ": not invoiced");
    }
    if (ref.action().equals("deletion")) {
      return Fetched.nothing("HubSpot deal " + ref.externalId() + " deleted: nothing to invoice");
    }
    if (!ref.externalId().matches("\\d{1,20}")) {
      throw new ObjectGone("HubSpot deal ids are numeric: " + ref.externalId());
    }
    ApiRequest request =
        ApiRequest.get("/crm/v3/objects/deals/" + ref.externalId())
            .with("properties", String.join(",", HubSpotDeals.dealProperties(context)))
            .with("associations", "line_items,companies,contacts")
            .with("archived", "false");
    JsonNode deal = ApiFailure.require(request, client.send(request)).json();
    HubSpotDeals.Deal read = HubSpotDeals.Deal.of(deal);
    JsonNode associations = deal.path("associations");
    read =
        read.withAssociations(
            ids(associations.path("line items").path("results"), "id"),
            ids(associations.path("companies").path("results"), "id"),
            ids(associations.path("contacts").path("results"), "id"));
    if (!HubSpotDeals.won(context, read)) {
      return Fetched.nothing(
          "HubSpot deal " + read.id() + " at stage " + read.stage() + ": not won",
          read.modifiedAt());
    }
    List<SpecificRecord> events = HubSpotDeals.normalize(client, context, List.of(read));
    return new Fetched(events, "HubSpot deal " + read.id() + " won", read.modifiedAt());
  }

  @Override
  public Page page(ApiClient client, ApiContext context, String objectType, String cursorText) {
    if (!DEAL.equals(objectType)) {
      throw new IllegalArgumentException("HubSpot pulls deals, not " + objectType);
    }
    Cursor cursor = Cursor.parse(cursorText);
    Instant since = cursor.since();
    ObjectNode body = ApiJson.object();
    ObjectNode filter = body.putArray("filterGroups").addObject().putArray("filters").addObject();
    filter.put("propertyName", "hs_lastmodifieddate");
    filter.put("operator", "GTE");
    filter.put("value", Long.toString(since.toEpochMilli()));
    ObjectNode sort = body.putArray("sorts").addObject();
    sort.put("propertyName", "hs_lastmodifieddate");
    sort.put("direction", "ASCENDING");
    var properties = body.putArray("properties");
    HubSpotDeals.dealProperties(context).forEach(properties::add);
    body.put("limit", PAGE_SIZE);
    cursor.get("after").ifPresent(after -> body.put("after", after));
    ApiRequest request = ApiRequest.post("/crm/v3/objects/deals/search", body.toString());
    JsonNode answer = ApiFailure.require(request, client.send(request)).json();

    List<HubSpotDeals.Deal> won = new ArrayList<>();
    int fetched = 0;
    Instant highWater = cursor.highWater();
    for (JsonNode result : answer.path("results")) {
      HubSpotDeals.Deal deal = HubSpotDeals.Deal.of(result);
      fetched++;
      if (deal.modifiedAt().isAfter(highWater)) {
        highWater = deal.modifiedAt();
      }
      if (HubSpotDeals.won(context, deal)) {
        won.add(deal);
      }
    }
    HubSpotDeals.Batch batch =
        HubSpotDeals.normalizeEach(client, context, withAssociations(client, won));

    Cursor restart = Cursor.since(highWater);
    Optional<String> after = JsonBodies.text(answer.path("paging").path("next"), "after");
    String next = null;
    if (after.isPresent()) {
      boolean pastLimit = parseOffset(after.get()) + PAGE_SIZE > SEARCH_LIMIT;
      next = pastLimit ? restart.text() : cursor.seen(highWater).with("after", after.get()).text();
    }
    return new Page(
        batch.events(), fetched, fetched - won.size(), batch.failed(), next, restart.text());
  }

  /** The deals with their line items, companies and contacts, by v4 batch association reads. */
  private static List<HubSpotDeals.Deal> withAssociations(
      ApiClient client, List<HubSpotDeals.Deal> deals) {
    if (deals.isEmpty()) {
      return deals;
    }
    List<String> ids = deals.stream().map(HubSpotDeals.Deal::id).toList();
    Map<String, List<String>> lines = associated(client, "line_item", ids);
    Map<String, List<String>> companies = associated(client, "company", ids);
    Map<String, List<String>> contacts = associated(client, "contact", ids);
    return deals.stream()
        .map(
            d ->
                d.withAssociations(
                    lines.getOrDefault(d.id(), List.of()),
                    companies.getOrDefault(d.id(), List.of()),
                    contacts.getOrDefault(d.id(), List.of())))
        .toList();
  }

  private static Map<String, List<String>> associated(
      ApiClient client, String toType, List<String> dealIds) {
    Map<String, List<String>> byDeal = new java.util.HashMap<>();
    for (List<String> chunk : HubSpotDeals.chunks(dealIds)) {
      ObjectNode body = ApiJson.object();
      var inputs = body.putArray("inputs");
      chunk.forEach(id -> inputs.addObject().put("id", id));
      ApiRequest request =
          ApiRequest.post("/crm/v4/associations/deal/" + toType + "/batch/read", body.toString());
      // 207 Multi-Status: deals without associations are reported in errors, the rest in results.
      JsonNode answer = ApiFailure.require(request, client.send(request)).json();
      for (JsonNode result : answer.path("results")) {
        String from = JsonBodies.required(result.path("from"), "id", "association");
        byDeal.put(from, ids(result.path("to"), "toObjectId"));
      }
    }
    return byDeal;
  }

  private static List<String> ids(JsonNode results, String field) {
    List<String> ids = new ArrayList<>();
    for (JsonNode r : results) {
      JsonBodies.text(r, field).filter(id -> !ids.contains(id)).ifPresent(ids::add);
    }
    return ids;
  }

  private static int parseOffset(String after) {
    try {
      return Integer.parseInt(after);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
