package io.ledgerline.platforms.lightspeed;

import io.ledgerline.events.SaleEvent;
import io.ledgerline.events.SaleKind;
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
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lightspeed Retail X-Series API 2.0 on the store's domain. X-Series does not guarantee webhook
 * delivery and tells integrators to poll: the pull is the way every sale arrives.
 *
 * <ul>
 *   <li>Fetch: {@code GET /api/2.0/sales/{id}}.
 *   <li>Pull: {@code GET /api/2.0/sales?after={version}&page_size=100}, the change feed in version
 *       order (oldest change first), paged by the answer's {@code version.max}; a page shorter than
 *       asked (or empty) is the last. The feed has no date filter: a pull reads from the cursor's
 *       {@code after} (0 at first) and skips sales changed before its {@code since}. The cursor a
 *       later pull restarts from keeps the highest version read, so an incremental pull reads only
 *       what changed since.
 *   <li>Each sale's products by {@code GET /api/2.0/products/{id}} (name, sku; read once a page)
 *       and its customer by {@code GET /api/2.0/customers/{id}}.
 * </ul>
 *
 * A sale is read into the API 1.0 shape of webhooks ({@code register_sale_products}, {@code
 * totals}, {@code customer}) and normalized by {@link LightspeedNormalizer}'s rules: one
 * normalizer. Finished sales (closed, voided; returns as refunds) become events, others are
 * skipped. API 2.0 sales name no currency: the connection's is used.
 */
final class LightspeedApi implements PlatformApi {

  static final String SALE = "sale";
  private static final int PAGE_SIZE = 100;
  private static final String ID = "[A-Za-z0-9-]{1,64}";

  @Override
  public List<String> pullTypes() {
    return List.of(SALE);
  }

  @Override
  public Fetched fetch(ApiClient client, ApiContext context, ObjectRef ref) {
    if (!SALE.equals(ref.objectType())) {
      return Fetched.nothing("Lightspeed " + ref.objectType() + ": not invoiced");
    }
    if (!ref.externalId().matches(ID)) {
      throw new ObjectGone("not a Lightspeed sale id: " + ref.externalId());
    }
    ApiRequest request = ApiRequest.get("/api/2.0/sales/" + ref.externalId());
    JsonNode sale = ApiFailure.require(request, client.send(request)).json().path("data");
    if (!sale.isObject()) {
      throw new ApiFailure(200, "Lightspeed answered a sale without data");
    }
    Instant version = updatedAt(sale);
    String status = JsonBodies.text(sale, "status").orElse("?");
    Optional<SaleKind> kind = LightspeedNormalizer.kind(status);
    if (kind.isEmpty()) {
      return Fetched.nothing("Lightspeed sale " + ref.externalId() + " is " + status, version);
    }
    return new Fetched(
        List.of(event(client, context, sale, kind.get())),
        "Lightspeed sale " + ref.externalId() + " " + status,
        version);
  }

  @Override
  public Page page(ApiClient client, ApiContext context, String objectType, String cursorText) {
    if (!SALE.equals(objectType)) {
      throw new IllegalArgumentException("Lightspeed pulls sales, not " + objectType);
    }
    Cursor cursor = Cursor.parse(cursorText);
    Instant since = cursor.since();
    long after = version(cursor.get("after").orElse("0"));
    ApiRequest request =
        ApiRequest.get("/api/2.0/sales")
            .with("after", Long.toString(after))
            .with("page_size", Integer.toString(PAGE_SIZE));
    JsonNode answer = ApiFailure.require(request, client.send(request)).json();

    List<SpecificRecord> events = new ArrayList<>();
    int fetched = 0;
    int skipped = 0;
    int failed = 0;
    long highest = after;
    for (JsonNode sale : answer.path("data")) {
      fetched++;
      long version = sale.path("version").asLong(0);
      if (version > highest) {
        highest = version;
      }
      Optional<SaleKind> kind =
          LightspeedNormalizer.kind(JsonBodies.text(sale, "status").orElse(""));
      if (kind.isEmpty() || sale.path("deleted_at").isString() || updatedAt(sale).isBefore(since)) {
        skipped++;
        continue;
      }
      try {
        events.add(event(client, context, sale, kind.get()));
      } catch (NormalizationFailed | ArithmeticException e) {
        failed++;
      }
    }
    long max = Math.max(highest, answer.path("version").path("max").asLong(0));
    Cursor restart = Cursor.since(since).with("after", Long.toString(max));
    boolean last = fetched < PAGE_SIZE || max <= after;
    return new Page(events, fetched, skipped, failed, last ? null : restart.text(), restart.text());
  }

  private static SaleEvent event(
      ApiClient client, ApiContext context, JsonNode sale, SaleKind kind) {
    String id = JsonBodies.required(sale, "id", "sale");
    String currency =
        Optional.ofNullable(context.currency())
            .map(JsonBodies::currency)
            .orElseThrow(
                () ->
                    new NormalizationFailed(
                        "Lightspeed sales name no currency; set the connection's"));
    String version = sale.path("version").asString(updatedAt(sale).toString());
    SaleEvent event =
        LightspeedNormalizer.event(
            SaleEvent.newBuilder()
                .setEventId(context.eventId(SALE, id, version))
                .setTenantId(context.tenantId())
                .setConnectionId(context.connectionId().toString())
                .setReplay(false),
            asWebhookShape(client, context, sale),
            kind,
            currency,
            updatedAt(sale));
    event.setAccountId(context.accountId());
    return event;
  }

  /** An API 2.0 sale as the API 1.0 payload webhooks carry. */
  private static ObjectNode asWebhookShape(ApiClient client, ApiContext context, JsonNode sale) {
    ObjectNode payload = ApiJson.object();
    for (String field :
        List.of(
            "id",
            "status",
            "invoice_number",
            "sale_date",
            "updated_at",
            "return_for",
            "note",
            "customer_id")) {
      JsonNode value = sale.path(field);
      if (value.isString() || value.isNumber()) {
        payload.set(field, value);
      }
    }
    ArrayNode products = payload.putArray("register_sale_products");
    for (JsonNode line : sale.path("line_items")) {
      ObjectNode product = products.addObject();
      for (String field :
          List.of("id", "product_id", "quantity", "price", "discount", "tax", "tax_total")) {
        JsonNode value = line.path(field);
        if (value.isString() || value.isNumber()) {
          product.set(field, value);
        }
      }
      JsonBodies.text(line, "product_id")
          .filter(p -> p.matches(ID))
          .map(p -> product(client, context, p))
          .ifPresent(
              p -> {
                JsonBodies.text(p, "name").ifPresent(n -> product.put("name", n));
                JsonBodies.text(p, "sku").ifPresent(s -> product.put("sku", s));
              });
    }
    ObjectNode totals = payload.putObject("totals");
    totals.set("total_price", sale.path("total_price"));
    totals.set("total_tax", sale.path("total_tax"));
    JsonBodies.text(sale, "customer_id")
        .filter(c -> c.matches(ID))
        .flatMap(c -> customer(client, c))
        .ifPresent(c -> payload.set("customer", c));
    return payload;
  }

  /** A product (name, sku), read once for the page or fetch; none when deleted. */
  private static JsonNode product(ApiClient client, ApiContext context, String id) {
    return context.memo(
        "lightspeed.product." + id,
        () -> {
          ApiRequest request = ApiRequest.get("/api/2.0/products/" + id);
          ApiResponse response = client.send(request);
          if (response.status() == 404) {
            return ApiJson.object();
          }
          return ApiFailure.require(request, response).json().path("data");
        });
  }

  private static Optional<JsonNode> customer(ApiClient client, String id) {
    ApiRequest request = ApiRequest.get("/api/2.0/customers/" + id);
    ApiResponse response = client.send(request);
    if (response.status() == 404) {
      return Optional.empty(); // a deleted customer: the sale is still theirs, without details
    }
    JsonNode customer = ApiFailure.require(request, response).json().path("data");
    return customer.isObject() ? Optional.of(customer) : Optional.empty();
  }

  private static Instant updatedAt(JsonNode sale) {
    return JsonBodies.instant(sale, "updated_at")
        .or(() -> JsonBodies.instant(sale, "sale_date"))
        .orElse(Instant.EPOCH);
  }

  private static long version(String text) {
    try {
      long v = Long.parseLong(text);
      if (v < 0) {
        throw new IllegalArgumentException("not a Lightspeed cursor");
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a Lightspeed cursor");
    }
  }
}
