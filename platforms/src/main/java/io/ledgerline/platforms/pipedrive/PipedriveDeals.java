package io.ledgerline.platforms.pipedrive;

import static io.ledgerline.platforms.normalization.JsonBodies.text;

import io.ledgerline.events.Address;
import io.ledgerline.events.Amounts;
import io.ledgerline.events.DealEvent;
import io.ledgerline.events.DealKind;
import io.ledgerline.events.LineItem;
import io.ledgerline.events.Party;
import io.ledgerline.events.Platform;
import io.ledgerline.platforms.api.ApiContext;
import io.ledgerline.platforms.api.ApiJson;
import io.ledgerline.platforms.mapping.ConnectionMapping;
import io.ledgerline.platforms.normalization.JsonBodies;
import io.ledgerline.platforms.normalization.NormalizationFailed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A Pipedrive deal read through the API (v2 shapes, v1 read too) as an event: one normalizer for a
 * deal read by id (a webhook's fetch) and a deal read by list (a pull).
 *
 * <ul>
 *   <li>Won: {@code status} {@code won}; or, when the connection maps won stages, a deal whose
 *       {@code stage_id} is one of them.
 *   <li>Currency: the deal's {@code currency}; amounts exact ({@code value}).
 *   <li>Lines: the deal's enabled products: {@code name}, {@code quantity}, {@code item_price}
 *       (unit), {@code discount} ({@code discount_type} {@code percentage} of the line, or an
 *       {@code amount} off the line), {@code tax} (a percentage) by {@code tax_method}: {@code
 *       exclusive} is the line's rate, {@code none} an untaxed line, {@code inclusive} a price that
 *       holds the tax (made net, to 4 places, since deals carry net prices). With no products, the
 *       deal's {@code value} as one line (sync-worker's rule).
 *   <li>Buyer: the organization (name, address) and the person (e-mail, phone; the name when there
 *       is no organization), external id {@code org:<id>}, else {@code person:<id>}, as the webhook
 *       normalizer names them; mapped properties (tax id, e-mail, phone, address, custom field keys
 *       included) are read from the organization, then the person, then the deal.
 * </ul>
 */
final class PipedriveDeals {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private PipedriveDeals() {}

  static boolean won(ApiContext context, JsonNode deal) {
    if ("won".equals(text(deal, "status").orElse(""))) {
      return true;
    }
    ConnectionMapping mapping = context.mapping();
    return !mapping.wonStages().isEmpty()
        && mapping.won(text(deal, "stage_id").orElse(null), Set.of());
  }

  /** The deal's {@code update_time}, the version a fetch read. */
  static Instant updatedAt(JsonNode deal) {
    return JsonBodies.instant(deal, "update_time").orElse(Instant.EPOCH);
  }

  /** An id: a number in v2, {@code {value, name}} in v1. */
  static Optional<String> reference(JsonNode deal, String field) {
    JsonNode value = deal.path(field);
    Optional<String> id = value.isObject() ? text(value, "value") : text(deal, field);
    return id.filter(s -> s.matches("\\d{1,19}"));
  }

  static SpecificRecord event(
      ApiContext context,
      JsonNode deal,
      List<JsonNode> products,
      Map<String, JsonNode> persons,
      Map<String, JsonNode> orgs) {
    String id = JsonBodies.required(deal, "id", "deal");
    String currency =
        text(deal, "currency")
            .or(() -> Optional.ofNullable(context.currency()))
            .map(JsonBodies::currency)
            .orElseThrow(() -> new NormalizationFailed("deal " + id + " names no currency"));
    List<LineItem> lines = new ArrayList<>();
    for (JsonNode product : products) {
      if (enabled(product)) {
        lines.add(line(context, product, currency));
      }
    }
    Instant updated = updatedAt(deal);
    Optional<Instant> wonAt = JsonBodies.instant(deal, "won_time");
    Optional<String> orgId = reference(deal, "org_id");
    Optional<String> personId = reference(deal, "person_id");
    JsonNode org = orgId.map(orgs::get).orElse(null);
    JsonNode person = personId.map(persons::get).orElse(null);
    return DealEvent.newBuilder()
        .setEventId(context.eventId(PipedriveApi.DEAL, id, Long.toString(updated.toEpochMilli())))
        .setTenantId(context.tenantId())
        .setConnectionId(context.connectionId().toString())
        .setPlatform(Platform.PIPEDRIVE)
        .setExternalId(id)
        .setKind(DealKind.WON)
        .setOccurredAt(updated.equals(Instant.EPOCH) ? wonAt.orElse(Instant.EPOCH) : updated)
        .setReplay(false)
        .setTitle(text(deal, "title").orElse(null))
        .setStage(text(deal, "stage_id").orElse(null))
        .setAmount(
            JsonBodies.decimal(deal, "value")
                .map(v -> JsonBodies.money(bounded(v, "value"), currency))
                .orElse(null))
        .setCustomer(
            buyer(context.mapping().buyer(), orgId, org, personId, person, deal).orElse(null))
        .setLines(lines)
        .setClosedAt(wonAt.or(() -> JsonBodies.instant(deal, "close_time")).orElse(null))
        .setAccountId(context.accountId())
        .build();
  }

  private static boolean enabled(JsonNode product) {
    JsonNode v2 = product.path("is_enabled");
    JsonNode v1 = product.path("enabled_flag");
    return !(v2.isBoolean() && !v2.asBoolean()) && !(v1.isBoolean() && !v1.asBoolean());
  }

  private static LineItem line(ApiContext context, JsonNode product, String currency) {
    String id = text(product, "id").orElse(null);
    BigDecimal quantity =
        bounded(JsonBodies.decimal(product, "quantity").orElse(BigDecimal.ONE), "quantity");
    BigDecimal price =
        bounded(
            JsonBodies.decimal(product, "item_price")
                .orElseThrow(() -> new NormalizationFailed("deal product " + id + " has no price")),
            "item_price");
    BigDecimal gross = quantity.multiply(price);
    BigDecimal discountValue =
        bounded(JsonBodies.decimal(product, "discount").orElse(BigDecimal.ZERO), "discount");
    String discountType = text(product, "discount_type").orElse("percentage");
    BigDecimal discount =
        switch (discountType) {
          case "percentage" -> gross.multiply(discountValue).divide(HUNDRED);
          case "amount" -> discountValue;
          default -> throw new NormalizationFailed("unknown discount_type " + discountType);
        };
    String taxMethod = text(product, "tax_method").orElse("exclusive");
    BigDecimal taxPercent =
        bounded(JsonBodies.decimal(product, "tax").orElse(BigDecimal.ZERO), "tax");
    BigDecimal rate = taxPercent.divide(HUNDRED, Amounts.RATE_SCALE, RoundingMode.HALF_UP);
    Boolean taxed = null;
    BigDecimal taxRate = null;
    BigDecimal unit = price;
    switch (taxMethod) {
      case "none" -> taxed = false;
      case "exclusive" -> {
        if (taxPercent.signum() > 0) {
          taxed = true;
          taxRate = rate;
        } else if (product.has("tax")) {
          taxed = false;
        }
      }
      case "inclusive" -> {
        if (taxPercent.signum() > 0) {
          BigDecimal divisor = BigDecimal.ONE.add(rate);
          unit = price.divide(divisor, Amounts.SCALE, RoundingMode.HALF_EVEN);
          discount = discount.divide(divisor, Amounts.SCALE, RoundingMode.HALF_EVEN);
          taxed = true;
          taxRate = rate;
        }
      }
      default -> throw new NormalizationFailed("unknown tax_method " + taxMethod);
    }
    if (taxRate == null && taxed == null) {
      BigDecimal fallback = context.mapping().defaultTaxRate();
      taxRate = fallback;
    }
    discount = discount.setScale(Amounts.SCALE, RoundingMode.HALF_EVEN);
    BigDecimal net = quantity.multiply(unit).subtract(discount);
    return LineItem.newBuilder()
        .setSku(text(product, "product_code").orElse(null))
        .setName(
            text(product, "name")
                .filter(n -> !n.isBlank())
                .orElse("Product " + text(product, "product_id").orElse(id)))
        .setQuantity(Amounts.quantity(quantity))
        .setUnitPrice(JsonBodies.money(unit, currency))
        .setDiscount(discount.signum() == 0 ? null : JsonBodies.money(discount, currency))
        .setTaxRate(taxRate == null ? null : Amounts.rate(taxRate))
        .setTaxed(taxed)
        .setExternalId(id)
        .setLineTotal(
            "inclusive".equals(taxMethod) && taxPercent.signum() > 0
                ? null
                : JsonBodies.money(net.setScale(Amounts.SCALE, RoundingMode.HALF_EVEN), currency))
        .build();
  }

  static Optional<Party> buyer(
      ConnectionMapping.BuyerProperties mapped,
      Optional<String> orgId,
      @Nullable JsonNode org,
      Optional<String> personId,
      @Nullable JsonNode person,
      JsonNode deal) {
    if (orgId.isEmpty() && personId.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> o = flat(org);
    Map<String, String> p = flat(person);
    List<Map<String, String>> sources = List.of(o, p, flat(deal));
    JsonNode address = org == null ? ApiJson.object() : org.path("address");
    String name =
        nonBlank(o.get("name"))
            .or(() -> nonBlank(p.get("name")))
            .or(
                () ->
                    nonBlank(
                        (p.getOrDefault("first_name", "") + " " + p.getOrDefault("last_name", ""))
                            .trim()))
            .orElse(null);
    Address postal =
        Address.newBuilder()
            .setLine1(
                mapped(mapped, mapped.addressLine1(), sources)
                    .or(() -> street(address))
                    .orElse(null))
            .setLine2(text(address, "subpremise").orElse(null))
            .setCity(
                mapped(mapped, mapped.city(), sources)
                    .or(() -> text(address, "locality"))
                    .orElse(null))
            .setRegion(
                mapped(mapped, mapped.region(), sources)
                    .or(() -> text(address, "admin_area_level_1"))
                    .orElse(null))
            .setPostalCode(
                mapped(mapped, mapped.postalCode(), sources)
                    .or(() -> text(address, "postal_code"))
                    .orElse(null))
            .setCountry(
                country(
                    mapped(mapped, mapped.country(), sources).or(() -> text(address, "country"))))
            .build();
    boolean noAddress =
        postal.getLine1() == null
            && postal.getCity() == null
            && postal.getPostalCode() == null
            && postal.getCountry() == null;
    return Optional.of(
        Party.newBuilder()
            .setExternalId(
                orgId.map(id -> "org:" + id).orElseGet(() -> "person:" + personId.orElseThrow()))
            .setName(name)
            .setEmail(
                mapped(mapped, mapped.email(), sources)
                    .or(() -> primary(person, "emails", "email"))
                    .orElse(null))
            .setPhone(
                mapped(mapped, mapped.phone(), sources)
                    .or(() -> primary(person, "phones", "phone"))
                    .orElse(null))
            .setTaxId(mapped(mapped, mapped.taxId(), sources).orElse(null))
            .setAddress(noAddress ? null : postal)
            .build());
  }

  /** A record's own strings and its custom fields' (v2 nests them in {@code custom_fields}). */
  private static Map<String, String> flat(@Nullable JsonNode record) {
    if (record == null || !record.isObject()) {
      return Map.of();
    }
    Map<String, String> values = new LinkedHashMap<>(ApiJson.strings(record));
    JsonNode custom = record.path("custom_fields");
    if (custom.isObject()) {
      ApiJson.strings(custom).forEach(values::putIfAbsent);
    }
    return values;
  }

  /** Street and number; else the formatted address's or the address's text. */
  private static Optional<String> street(JsonNode address) {
    Optional<String> route = text(address, "route");
    if (route.isPresent()) {
      return Optional.of(
          text(address, "street_number").map(n -> route.get() + " " + n).orElse(route.get()));
    }
    return text(address, "value");
  }

  /** The primary of a person's e-mails or phones ({@code [{value, primary}]}), else the first. */
  private static Optional<String> primary(@Nullable JsonNode person, String v2, String v1) {
    if (person == null) {
      return Optional.empty();
    }
    JsonNode list = person.path(v2).isArray() ? person.path(v2) : person.path(v1);
    Optional<String> first = Optional.empty();
    for (JsonNode entry : list) {
      Optional<String> value = text(entry, "value").filter(s -> !s.isBlank());
      if (value.isPresent() && entry.path("primary").asBoolean(false)) {
        return value;
      }
      if (first.isEmpty()) {
        first = value;
      }
    }
    return first;
  }

  private static Optional<String> mapped(
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

  /** Pipedrive's country is free text: kept only when it is an ISO 3166 alpha-2 code. */
  private static @Nullable String country(Optional<String> value) {
    return value
        .map(String::trim)
        .filter(c -> c.matches("[A-Za-z]{2}"))
        .map(c -> c.toUpperCase(Locale.ROOT))
        .orElse(null);
  }

  private static Optional<String> nonBlank(@Nullable String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  private static BigDecimal bounded(BigDecimal value, String field) {
    return JsonBodies.bounded(value, Amounts.SCALE, field);
  }
}
