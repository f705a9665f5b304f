package io.ledgerline.platforms.hubspot;

import io.ledgerline.events.Address;
import io.ledgerline.events.Amounts;
import io.ledgerline.events.DealEvent;
import io.ledgerline.events.DealKind;
import io.ledgerline.events.LineItem;
import io.ledgerline.events.Party;
import io.ledgerline.platforms.api.ApiClient;
import io.ledgerline.platforms.api.ApiContext;
import io.ledgerline.platforms.api.ApiFailure;
import io.ledgerline.platforms.api.ApiJson;
import io.ledgerline.platforms.api.ApiRequest;
import io.ledgerline.platforms.api.ApiResponse;
import io.ledgerline.platforms.mapping.ConnectionMapping;
import io.ledgerline.platforms.normalization.JsonBodies;
import io.ledgerline.platforms.normalization.NormalizationFailed;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A HubSpot deal as an event: one normalizer for a deal read by id (a webhook's fetch) and a deal
 * read by search (a pull).
 *
 * <ul>
 *   <li>Won: its {@code dealstage} is one of the connection's won stages, else {@code closedwon}
 *       (the default pipeline's; other pipelines have numeric stage ids, mapped per connection).
 *   <li>Currency: {@code deal_currency_code}, else the account's {@code companyCurrency} ({@code
 *       GET /account-info/v3/details}, read once), else the connection's.
 *   <li>Lines: the associated line items: {@code name}, {@code hs_sku}, {@code quantity}, {@code
 *       price} (unit), {@code hs_total_discount} (else {@code discount} per unit times quantity),
 *       {@code amount} (the line's net total); with no line items, the deal's {@code amount} as one
 *       line (sync-worker's rule).
 *   <li>Buyer: the first associated company (name, phone, address) and contact (e-mail, phone, name
 *       when there is no company); mapped properties (tax id, e-mail, phone, address) are read from
 *       the company, then the contact, then the deal.
 * </ul>
 */
final class HubSpotDeals {

  static final Set<String> DEFAULT_WON = Set.of("closedwon");
  private static final int BATCH = 100;
  private static final List<String> DEAL_PROPERTIES =
      List.of(
          "dealname",
          "amount",
          "dealstage",
          "pipeline",
          "closedate",
          "deal_currency_code",
          "hs_lastmodifieddate");
  private static final List<String> LINE_PROPERTIES =
      List.of("name", "hs_sku", "quantity", "price", "amount", "discount", "hs_total_discount");
  private static final List<String> COMPANY_PROPERTIES =
      List.of("name", "domain", "phone", "address", "address2", "city", "state", "zip", "country");
  private static final List<String> CONTACT_PROPERTIES =
      List.of("firstname", "lastname", "email", "phone");

  private HubSpotDeals() {}

  record Deal(
      String id,
      Map<String, String> properties,
      List<String> lineItemIds,
      List<String> companyIds,
      List<String> contactIds) {

    static Deal of(JsonNode object) {
      String id = JsonBodies.required(object, "id", "deal");
      JsonNode props = object.path("properties");
      if (!props.isObject()) {
        throw new NormalizationFailed("deal " + id + " has no properties");
      }
      return new Deal(id, ApiJson.strings(props), List.of(), List.of(), List.of());
    }

    Deal withAssociations(List<String> lines, List<String> companies, List<String> contacts) {
      return new Deal(id, properties, lines, companies, contacts);
    }

    @Nullable String stage() {
      return properties.get("dealstage");
    }

    Instant modifiedAt() {
      return instant("hs_lastmodifieddate").orElse(Instant.EPOCH);
    }

    Optional<Instant> instant(String property) {
      String value = properties.get(property);
      if (value == null || value.isBlank()) {
        return Optional.empty();
      }
      ObjectNode holder = ApiJson.object().put("v", value);
      return JsonBodies.instant(holder, "v");
    }
  }

  static List<String> dealProperties(ApiContext context) {
    LinkedHashSet<String> names = new LinkedHashSet<>(DEAL_PROPERTIES);
    names.addAll(context.mapping().extraProperties());
    return List.copyOf(names);
  }

  static boolean won(ApiContext context, Deal deal) {
    return context.mapping().won(deal.stage(), DEFAULT_WON);
  }

  /** Events of a page, and how many deals could not be events. */
  record Batch(List<SpecificRecord> events, int failed) {}

  /** The won deals as events; a deal that cannot be one is counted, the rest go on. */
  static Batch normalizeEach(ApiClient client, ApiContext context, List<Deal> deals) {
    return normalize(client, context, deals, true);
  }

  /**
   * The won deals (with their associations) as events, reading their records in batches.
   *
   * @throws NormalizationFailed when a deal cannot be an event
   */
  static List<SpecificRecord> normalize(ApiClient client, ApiContext context, List<Deal> deals) {
    return normalize(client, context, deals, false).events();
  }

  private static Batch normalize(
      ApiClient client, ApiContext context, List<Deal> deals, boolean tolerant) {
    if (deals.isEmpty()) {
      return new Batch(List.of(), 0);
    }
    List<String> extra = context.mapping().extraProperties();
    Map<String, Map<String, String>> lines =
        batchRead(client, "line_items", LINE_PROPERTIES, List.of(), all(deals, Deal::lineItemIds));
    Map<String, Map<String, String>> companies =
        batchRead(client, "companies", COMPANY_PROPERTIES, extra, first(deals, Deal::companyIds));
    Map<String, Map<String, String>> contacts =
        batchRead(client, "contacts", CONTACT_PROPERTIES, extra, first(deals, Deal::contactIds));
    List<SpecificRecord> events = new ArrayList<>();
    int failed = 0;
    for (Deal deal : deals) {
      try {
        events.add(event(client, context, deal, lines, companies, contacts));
      } catch (NormalizationFailed | ArithmeticException e) {
        if (!tolerant) {
          throw e;
        }
        failed++;
      }
    }
    return new Batch(events, failed);
  }

  private static DealEvent event(
      ApiClient client,
      ApiContext context,
      Deal deal,
      Map<String, Map<String, String>> lines,
      Map<String, Map<String, String>> companies,
      Map<String, Map<String, String>> contacts) {
    Map<String, String> p = deal.properties();
    String currency = currency(client, context, p.get("deal_currency_code"));
    List<LineItem> items = new ArrayList<>();
    for (String lineId : deal.lineItemIds()) {
      Map<String, String> line = lines.get(lineId);
      if (line != null) {
        items.add(line(context, lineId, line, currency));
      }
    }
    Optional<BigDecimal> amount = decimal(p, "amount");
    Instant modified = deal.modifiedAt();
    Map<String, String> company =
        deal.companyIds().isEmpty()
            ? Map.of()
            : companies.getOrDefault(deal.companyIds().get(0), Map.of());
    Map<String, String> contact =
        deal.contactIds().isEmpty()
            ? Map.of()
            : contacts.getOrDefault(deal.contactIds().get(0), Map.of());
    return DealEvent.newBuilder()
        .setEventId(
            context.eventId(HubSpotApi.DEAL, deal.id(), Long.toString(modified.toEpochMilli())))
        .setTenantId(context.tenantId())
        .setConnectionId(context.connectionId().toString())
        .setPlatform(context.platformEnum())
        .setExternalId(deal.id())
        .setKind(DealKind.WON)
        .setOccurredAt(
            modified.equals(Instant.EPOCH)
                ? deal.instant("closedate").orElse(Instant.EPOCH)
                : modified)
        .setReplay(false)
        .setTitle(p.get("dealname"))
        .setStage(deal.stage())
        .setAmount(amount.map(a -> JsonBodies.money(a, currency)).orElse(null))
        .setCustomer(
            buyer(
                    context.mapping().buyer(),
                    deal.companyIds().isEmpty() ? null : deal.companyIds().get(0),
                    company,
                    deal.contactIds().isEmpty() ? null : deal.contactIds().get(0),
                    contact,
                    p)
                .orElse(null))
        .setLines(items)
        .setClosedAt(deal.instant("closedate").orElse(null))
        .setAccountId(context.accountId())
        .build();
  }

  private static LineItem line(
      ApiContext context, String id, Map<String, String> p, String currency) {
    BigDecimal quantity = decimal(p, "quantity").orElse(BigDecimal.ONE);
    BigDecimal price =
        decimal(p, "price")
            .orElseThrow(() -> new NormalizationFailed("line item " + id + " has no price"));
    Optional<BigDecimal> total = decimal(p, "amount");
    Optional<BigDecimal> discount =
        decimal(p, "hs_total_discount")
            .or(() -> decimal(p, "discount").map(perUnit -> perUnit.multiply(quantity)))
            .filter(d -> d.signum() != 0);
    BigDecimal rate = context.mapping().defaultTaxRate();
    return LineItem.newBuilder()
        .setSku(p.get("hs_sku"))
        .setName(
            Optional.ofNullable(p.get("name")).filter(n -> !n.isBlank()).orElse("Line item " + id))
        .setQuantity(Amounts.quantity(JsonBodies.bounded(quantity, Amounts.SCALE, "quantity")))
        .setUnitPrice(JsonBodies.money(price, currency))
        .setDiscount(discount.map(d -> JsonBodies.money(d, currency)).orElse(null))
        .setTaxRate(rate == null ? null : Amounts.rate(rate))
        .setExternalId(id)
        .setLineTotal(total.map(t -> JsonBodies.money(t, currency)).orElse(null))
        .build();
  }

  static Optional<Party> buyer(
      ConnectionMapping.BuyerProperties mapped,
      @Nullable String companyId,
      Map<String, String> company,
      @Nullable String contactId,
      Map<String, String> contact,
      Map<String, String> deal) {
    if (company.isEmpty() && contact.isEmpty()) {
      return Optional.empty();
    }
    String person =
        (contact.getOrDefault("firstname", "") + " " + contact.getOrDefault("lastname", "")).trim();
    String name = nonBlank(company.get("name")).orElse(person.isEmpty() ? null : person);
    List<Map<String, String>> sources = List.of(company, contact, deal);
    String email =
        mappedOr(mapped, mapped.email(), sources)
            .or(() -> nonBlank(contact.get("email")))
            .orElse(null);
    String phone =
        mappedOr(mapped, mapped.phone(), sources)
            .or(() -> nonBlank(company.get("phone")))
            .or(() -> nonBlank(contact.get("phone")))
            .orElse(null);
    String taxId = mappedOr(mapped, mapped.taxId(), sources).orElse(null);
    Address address =
        Address.newBuilder()
            .setLine1(
                mappedOr(mapped, mapped.addressLine1(), sources)
                    .or(() -> nonBlank(company.get("address")))
                    .orElse(null))
            .setLine2(nonBlank(company.get("address2")).orElse(null))
            .setCity(
                mappedOr(mapped, mapped.city(), sources)
                    .or(() -> nonBlank(company.get("city")))
                    .orElse(null))
            .setRegion(
                mappedOr(mapped, mapped.region(), sources)
                    .or(() -> nonBlank(company.get("state")))
                    .orElse(null))
            .setPostalCode(
                mappedOr(mapped, mapped.postalCode(), sources)
                    .or(() -> nonBlank(company.get("zip")))
                    .orElse(null))
            .setCountry(
                country(
                    mappedOr(mapped, mapped.country(), sources)
                        .or(() -> nonBlank(company.get("country")))))
            .build();
    boolean noAddress =
        address.getLine1() == null
            && address.getCity() == null
            && address.getPostalCode() == null
            && address.getCountry() == null;
    return Optional.of(
        Party.newBuilder()
            .setExternalId(companyId != null && !company.isEmpty() ? companyId : contactId)
            .setName(name)
            .setEmail(email)
            .setPhone(phone)
            .setTaxId(taxId)
            .setAddress(noAddress ? null : address)
            .build());
  }

  /** HubSpot's country is free text: kept only when it is an ISO 3166 alpha-2 code. */
  private static @Nullable String country(Optional<String> value) {
    return value
        .map(String::trim)
        .filter(c -> c.matches("[A-Za-z]{2}"))
        .map(c -> c.toUpperCase(java.util.Locale.ROOT))
        .orElse(null);
  }

  private static Optional<String> mappedOr(
      ConnectionMapping.BuyerProperties mapped,
      @Nullable String property,
      List<Map<String, String>> sources) {
    for (Map<String, String> source : sources) {
      Optional<String> value = mapped.read(property, source);
      if (value.isPresent()) {
        return value;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> nonBlank(@Nullable String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  private static String currency(ApiClient client, ApiContext context, @Nullable String code) {
    if (code != null && !code.isBlank()) {
      return JsonBodies.currency(code);
    }
    String account =
        context.memo(
            "hubspot.companyCurrency",
            () -> {
              ApiRequest request = ApiRequest.get("/account-info/v3/details");
              ApiResponse response = client.send(request);
              if (!response.ok()) {
                // Without the account's details (a token lacking the scope) the connection's
                // currency serves; an empty string remembers that we asked.
                return "";
              }
              return JsonBodies.text(response.json(), "companyCurrency").orElse("");
            });
    if (!account.isEmpty()) {
      return JsonBodies.currency(account);
    }
    if (context.currency() != null) {
      return JsonBodies.currency(context.currency());
    }
    throw new NormalizationFailed("the deal has no deal_currency_code and the account no currency");
  }

  private static Optional<BigDecimal> decimal(Map<String, String> p, String name) {
    String value = p.get(name);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        JsonBodies.bounded(JsonBodies.parseDecimal(value.trim()), Amounts.SCALE, name));
  }

  private static Map<String, Map<String, String>> batchRead(
      ApiClient client,
      String objectType,
      List<String> properties,
      List<String> extra,
      List<String> ids) {
    Map<String, Map<String, String>> byId = new HashMap<>();
    LinkedHashSet<String> names = new LinkedHashSet<>(properties);
    names.addAll(extra);
    for (List<String> chunk : chunks(ids)) {
      ObjectNode body = ApiJson.object();
      var props = body.putArray("properties");
      names.forEach(props::add);
      var inputs = body.putArray("inputs");
      chunk.forEach(id -> inputs.addObject().put("id", id));
      ApiRequest request =
          ApiRequest.post("/crm/v3/objects/" + objectType + "/batch/read", body.toString());
      JsonNode answer = ApiFailure.require(request, client.send(request)).json();
      for (JsonNode result : answer.path("results")) {
        String id = JsonBodies.required(result, "id", objectType);
        byId.put(id, ApiJson.strings(result.path("properties")));
      }
    }
    return byId;
  }

  private static List<String> all(
      List<Deal> deals, java.util.function.Function<Deal, List<String>> ids) {
    LinkedHashSet<String> all = new LinkedHashSet<>();
    deals.forEach(d -> all.addAll(ids.apply(d)));
    return List.copyOf(all);
  }

  private static List<String> first(
      List<Deal> deals, java.util.function.Function<Deal, List<String>> ids) {
    LinkedHashSet<String> first = new LinkedHashSet<>();
    for (Deal d : deals) {
      List<String> of = ids.apply(d);
      if (!of.isEmpty()) {
        first.add(of.get(0));
      }
    }
    return List.copyOf(first);
  }

  static List<List<String>> chunks(List<String> ids) {
    List<List<String>> chunks = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += BATCH) {
      chunks.add(ids.subList(i, Math.min(ids.size(), i + BATCH)));
    }
    return chunks;
  }
}
