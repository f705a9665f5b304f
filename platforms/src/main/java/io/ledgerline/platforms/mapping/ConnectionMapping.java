package io.ledgerline.platforms.mapping;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How one connection's CRM data is read. Accounts differ: HubSpot pipelines have stage ids of their
 * own ({@code closedwon} is only the default pipeline's), companies keep a VAT number in a custom
 * property. Every part is optional; what is absent falls back to the platform's default.
 *
 * @param wonStages the stage ids (or names, where the platform's API gives names) that count as
 *     won; empty: the platform's default
 * @param buyer which properties hold the buyer's details
 * @param defaultTaxRate the tax rate (a fraction, {@code 0.075} is 7.5 %) of lines the platform
 *     gives none; null: the tenant's default applies
 * @param template a JSONata expression making an event of a Standard Webhooks payload; null: none
 */
public record ConnectionMapping(
    Set<String> wonStages,
    BuyerProperties buyer,
    @Nullable BigDecimal defaultTaxRate,
    @Nullable Template template) {

  private static final Pattern PROPERTY = Pattern.compile("^[A-Za-z_][A-Za-z0-9_.\\-]{0,99}$");
  private static final int MAX_STAGES = 50;
  private static final Set<String> FIELDS =
      Set.of("wonStages", "buyer", "defaultTaxRate", "template", "templateEvent");

  public static final ConnectionMapping DEFAULT =
      new ConnectionMapping(Set.of(), BuyerProperties.NONE, null, null);

  public ConnectionMapping {
    wonStages = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(wonStages));
    Objects.requireNonNull(buyer, "buyer");
  }

  /** Whether {@code stage} is won: one of {@link #wonStages}, else one of the platform's. */
  public boolean won(@Nullable String stage, Set<String> platformDefault) {
    if (stage == null) {
      return false;
    }
    return (wonStages.isEmpty() ? platformDefault : wonStages).contains(stage);
  }

  /** The properties of the buyer's record to read beyond the platform's own: the mapped ones. */
  public List<String> extraProperties() {
    return buyer.names();
  }

  /** The properties a buyer's details are read from; each null when the platform's own serves. */
  public record BuyerProperties(
      @Nullable String taxId,
      @Nullable String email,
      @Nullable String phone,
      @Nullable String addressLine1,
      @Nullable String city,
      @Nullable String region,
      @Nullable String postalCode,
      @Nullable String country) {

    public static final BuyerProperties NONE =
        new BuyerProperties(null, null, null, null, null, null, null, null);

    static final List<String> FIELDS =
        List.of(
            "taxId", "email", "phone", "addressLine1", "city", "region", "postalCode", "country");

    public List<String> names() {
      List<String> names = new ArrayList<>();
      for (String n : asMap().values()) {
        if (n != null && !names.contains(n)) {
          names.add(n);
        }
      }
      return names;
    }

    /** By field name, in {@link #FIELDS} order; values may be null. */
    public Map<String, @Nullable String> asMap() {
      Map<String, @Nullable String> map = new LinkedHashMap<>();
      map.put("taxId", taxId);
      map.put("email", email);
      map.put("phone", phone);
      map.put("addressLine1", addressLine1);
      map.put("city", city);
      map.put("region", region);
      map.put("postalCode", postalCode);
      map.put("country", country);
      return map;
    }

    /** The value of a mapped property in a record's properties, if mapped and present. */
    public Optional<String> read(@Nullable String property, Map<String, String> properties) {
      if (property == null) {
        return Optional.empty();
      }
      String value = properties.get(property);
      return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
  }

  /**
   * A mapping template: a JSONata expression and the kind of event it makes.
   *
   * @param event {@code sale} (a {@code SaleEvent}) or {@code deal} (a {@code DealEvent})
   */
  public record Template(String expression, String event) {
    public Template {
      Objects.requireNonNull(expression, "expression");
      Objects.requireNonNull(event, "event");
    }
  }

  /**
   * Reads and validates a mapping as its JSON arrives ({@code Map} of JSON values).
   *
   * @throws InvalidMapping naming the first offending field
   */
  public static ConnectionMapping of(Map<String, ?> json) {
    for (String key : json.keySet()) {
      if (!FIELDS.contains(key)) {
        throw new InvalidMapping(key, "unknown mapping field; known: " + String.join(", ", FIELDS));
      }
    }
    Set<String> stages = new LinkedHashSet<>();
    Object rawStages = json.get("wonStages");
    if (rawStages != null) {
      if (!(rawStages instanceof List<?> list)) {
        throw new InvalidMapping("wonStages", "must be a list of stage ids");
      }
      if (list.size() > MAX_STAGES) {
        throw new InvalidMapping("wonStages", "at most " + MAX_STAGES + " stages");
      }
      for (int i = 0; i < list.size(); i++) {
        if (!(list.get(i) instanceof String s) || s.isBlank() || s.length() > 100) {
          throw new InvalidMapping(
              "wonStages[" + i + "]", "a stage id is a non-blank string of at most 100 characters");
        }
        if (!stages.add(s.trim())) {
          throw new InvalidMapping("wonStages[" + i + "]", "the stage " + s + " is listed twice");
        }
      }
    }
    BuyerProperties buyer = buyer(json.get("buyer"));
    BigDecimal rate = rate(json.get("defaultTaxRate"));
    Template template = null;
    Object expression = json.get("template");
    Object event = json.get("templateEvent");
    if (expression != null) {
      if (!(expression instanceof String text) || text.isBlank()) {
        throw new InvalidMapping("template", "a template is a JSONata expression as a string");
      }
      String kind = event == null ? "sale" : String.valueOf(event);
      if (!kind.equals("sale") && !kind.equals("deal")) {
        throw new InvalidMapping("templateEvent", "is sale or deal");
      }
      template = new Template(text, kind);
      MappingTemplate.compile(template);
    } else if (event != null) {
      throw new InvalidMapping("templateEvent", "needs a template");
    }
    return new ConnectionMapping(stages, buyer, rate, template);
  }

  private static BuyerProperties buyer(@Nullable Object raw) {
    if (raw == null) {
      return BuyerProperties.NONE;
    }
    if (!(raw instanceof Map<?, ?> map)) {
      throw new InvalidMapping("buyer", "must be an object of property names");
    }
    Map<String, String> names = new LinkedHashMap<>();
    for (var e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (!BuyerProperties.FIELDS.contains(key)) {
        throw new InvalidMapping(
            "buyer." + key, "unknown; known: " + String.join(", ", BuyerProperties.FIELDS));
      }
      if (e.getValue() == null) {
        continue;
      }
      if (!(e.getValue() instanceof String s) || !PROPERTY.matcher(s).matches()) {
        throw new InvalidMapping(
            "buyer." + key,
            "a property name is letters, digits, _, . and - (at most 100), starting with a letter");
      }
      names.put(key, s);
    }
    return new BuyerProperties(
        names.get("taxId"),
        names.get("email"),
        names.get("phone"),
        names.get("addressLine1"),
        names.get("city"),
        names.get("region"),
        names.get("postalCode"),
        names.get("country"));
  }

  private static @Nullable BigDecimal rate(@Nullable Object raw) {
    if (raw == null) {
      return null;
    }
    BigDecimal rate;
    try {
      rate = new BigDecimal(raw.toString());
    } catch (NumberFormatException e) {
      throw new InvalidMapping("defaultTaxRate", "must be a number (0.075 is 7.5 %)");
    }
    if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
      throw new InvalidMapping(
          "defaultTaxRate", "is a fraction from 0 to below 1 (0.075 is 7.5 %), not a percentage");
    }
    if (rate.stripTrailingZeros().scale() > 6) {
      throw new InvalidMapping("defaultTaxRate", "has more than 6 decimal places");
    }
    return rate.stripTrailingZeros();
  }

  /** As JSON values, the inverse of {@link #of(Map)}. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("wonStages", List.copyOf(wonStages));
    Map<String, Object> names = new LinkedHashMap<>();
    buyer
        .asMap()
        .forEach(
            (k, v) -> {
              if (v != null) {
                names.put(k, v);
              }
            });
    json.put("buyer", names);
    if (defaultTaxRate != null) {
      json.put("defaultTaxRate", defaultTaxRate.toPlainString());
    }
    if (template != null) {
      json.put("template", template.expression());
      json.put("templateEvent", template.event());
    }
    return json;
  }
}
