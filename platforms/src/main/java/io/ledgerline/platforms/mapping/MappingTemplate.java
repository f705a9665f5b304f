package io.ledgerline.platforms.mapping;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Timebox;
import io.ledgerline.events.Address;
import io.ledgerline.events.Amounts;
import io.ledgerline.events.DealEvent;
import io.ledgerline.events.DealKind;
import io.ledgerline.events.LineItem;
import io.ledgerline.events.Money;
import io.ledgerline.events.Party;
import io.ledgerline.events.SaleEvent;
import io.ledgerline.events.SaleKind;
import io.ledgerline.events.SaleTotals;
import io.ledgerline.platforms.normalization.JsonBodies;
import io.ledgerline.platforms.normalization.NormalizationFailed;
import io.ledgerline.platforms.normalization.WebhookContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A connection's mapping template at work (ADR 0010): a JSONata expression evaluated over a
 * webhook's JSON body, whose result, an object of the documented shape, becomes one {@code
 * SaleEvent} or {@code DealEvent}. The expression sees the body as {@code $} and the variables
 * {@code $receivedAt} (ISO-8601) and {@code $webhookId}.
 *
 * <p>A sale: {@code {externalId, currency, kind?: COMPLETED|REFUNDED|VOIDED, occurredAt?,
 * orderNumber?, taxesIncluded?, customer?: {externalId?, name?, email?, phone?, taxId?, address?:
 * {line1, line2, city, region, postalCode, country}}, lines: [{name, unitPrice, quantity?, sku?,
 * discount?, taxRate?, externalId?}], totals?: {subtotal, discountTotal, taxTotal, shippingTotal,
 * total}}}; totals left out are computed from the lines. A deal: {@code {externalId, won, currency,
 * title?, stage?, amount?, closedAt?, occurredAt?, customer?, lines?}}; only a won deal is
 * invoiced. Amounts are best given as strings or copied through: JSONata computes in IEEE doubles,
 * so a computed amount is rounded to 4 places.
 *
 * <p>Evaluation is bounded (1 s, depth 200) so a template cannot hang a worker.
 */
public final class MappingTemplate {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
  private static final long TIMEOUT_MILLIS = 1_000;
  private static final int MAX_DEPTH = 200;

  private final ConnectionMapping.Template template;

  private MappingTemplate(ConnectionMapping.Template template) {
    this.template = template;
  }

  /**
   * @throws InvalidMapping ({@code template}) when the expression does not parse
   */
  public static MappingTemplate compile(ConnectionMapping.Template template) {
    try {
      Jsonata.jsonata(template.expression());
    } catch (JException | IllegalArgumentException e) {
      throw new InvalidMapping("template", "not a JSONata expression: " + message(e));
    }
    return new MappingTemplate(template);
  }

  /** Whether it makes sales ({@code SaleEvent}) rather than deals. */
  public boolean makesSales() {
    return template.event().equals("sale");
  }

  /**
   * The event the template makes of a body.
   *
   * @throws NormalizationFailed when the body is not JSON, the template fails on it, or its result
   *     is not an event of the documented shape (the message says which field)
   */
  public SpecificRecord apply(WebhookContext context, byte[] body) {
    JsonNode input = JsonBodies.parse(body);
    Object result;
    try {
      Jsonata expression = Jsonata.jsonata(template.expression());
      expression.assign("receivedAt", context.receivedAt().toString());
      expression.assign("webhookId", context.webhookId().toString());
      Jsonata.Frame frame = expression.createFrame();
      new Timebox(frame, TIMEOUT_MILLIS, MAX_DEPTH);
      result = expression.evaluate(JSON.treeToValue(input, Object.class), frame);
    } catch (JException e) {
      throw new NormalizationFailed("the mapping template failed: " + message(e));
    } catch (RuntimeException e) {
      throw new NormalizationFailed("the mapping template failed: " + e.getClass().getSimpleName());
    }
    if (result == null) {
      throw new NormalizationFailed("the mapping template gave nothing for this body");
    }
    JsonNode out;
    try {
      out = JSON.valueToTree(result);
    } catch (RuntimeException e) {
      throw new NormalizationFailed("the mapping template's result is not JSON");
    }
    if (!out.isObject()) {
      throw new NormalizationFailed("the mapping template's result is not an object");
    }
    return makesSales() ? sale(context, out) : deal(context, out);
  }

  private static SaleEvent sale(WebhookContext context, JsonNode out) {
    String currency = JsonBodies.currency(JsonBodies.required(out, "currency", "the result"));
    String externalId = JsonBodies.required(out, "externalId", "the result");
    List<LineItem> lines = lines(out, currency);
    if (lines.isEmpty()) {
      throw new NormalizationFailed("the result has no lines");
    }
    Money zero = Amounts.money(BigDecimal.ZERO, currency);
    BigDecimal subtotal = BigDecimal.ZERO;
    BigDecimal discounts = BigDecimal.ZERO;
    for (LineItem l : lines) {
      subtotal = subtotal.add(l.getUnitPrice().getAmount().multiply(l.getQuantity()));
      if (l.getDiscount() != null) {
        discounts = discounts.add(l.getDiscount().getAmount());
      }
    }
    JsonNode t = out.path("totals");
    BigDecimal computedSubtotal = subtotal;
    BigDecimal computedDiscounts = discounts;
    SaleTotals totals =
        SaleTotals.newBuilder()
            .setSubtotal(
                money(t, "subtotal", currency)
                    .orElse(JsonBodies.money(round(computedSubtotal), currency)))
            .setDiscountTotal(
                money(t, "discountTotal", currency)
                    .orElse(JsonBodies.money(round(computedDiscounts), currency)))
            .setTaxTotal(money(t, "taxTotal", currency).orElse(zero))
            .setShippingTotal(money(t, "shippingTotal", currency).orElse(zero))
            .setTotal(
                money(t, "total", currency)
                    .orElse(
                        JsonBodies.money(
                            round(computedSubtotal.subtract(computedDiscounts)), currency)))
            .build();
    return SaleEvent.newBuilder()
        .setEventId(context.eventId(0))
        .setTenantId(context.tenantId())
        .setConnectionId(context.connectionId().toString())
        .setPlatform(context.platformEnum())
        .setExternalId(externalId)
        .setKind(kind(out, SaleKind.class, SaleKind.COMPLETED))
        .setOccurredAt(JsonBodies.instant(out, "occurredAt").orElse(context.receivedAt()))
        .setReplay(context.replay())
        .setOrderNumber(JsonBodies.text(out, "orderNumber").orElse(null))
        .setCurrency(currency)
        .setTaxesIncluded(out.path("taxesIncluded").asBoolean(false))
        .setCustomer(party(out.path("customer")).orElse(null))
        .setLines(lines)
        .setTotals(totals)
        .build();
  }

  private static DealEvent deal(WebhookContext context, JsonNode out) {
    String currency = JsonBodies.currency(JsonBodies.required(out, "currency", "the result"));
    JsonNode won = out.path("won");
    if (!won.isBoolean()) {
      throw new NormalizationFailed("the result has no won (true or false)");
    }
    return DealEvent.newBuilder()
        .setEventId(context.eventId(0))
        .setTenantId(context.tenantId())
        .setConnectionId(context.connectionId().toString())
        .setPlatform(context.platformEnum())
        .setExternalId(JsonBodies.required(out, "externalId", "the result"))
        .setKind(won.asBoolean() ? DealKind.WON : DealKind.UPDATED)
        .setOccurredAt(JsonBodies.instant(out, "occurredAt").orElse(context.receivedAt()))
        .setReplay(context.replay())
        .setTitle(JsonBodies.text(out, "title").orElse(null))
        .setStage(JsonBodies.text(out, "stage").orElse(null))
        .setAmount(money(out, "amount", currency).orElse(null))
        .setCustomer(party(out.path("customer")).orElse(null))
        .setLines(lines(out, currency))
        .setClosedAt(JsonBodies.instant(out, "closedAt").orElse(null))
        .build();
  }

  private static List<LineItem> lines(JsonNode out, String currency) {
    JsonNode lines = out.path("lines");
    if (lines.isMissingNode() || lines.isNull()) {
      return List.of();
    }
    if (lines.isObject()) {
      // JSONata gives a single match as the value itself, not a one-element array.
      lines = JSON.createArrayNode().add(lines);
    }
    if (!lines.isArray()) {
      throw new NormalizationFailed("lines is not a list");
    }
    List<LineItem> items = new ArrayList<>();
    int i = 0;
    for (JsonNode l : lines) {
      String where = "lines[" + i++ + "]";
      if (!l.isObject()) {
        throw new NormalizationFailed(where + " is not an object");
      }
      BigDecimal quantity = amount(l, "quantity").orElse(BigDecimal.ONE);
      items.add(
          LineItem.newBuilder()
              .setSku(JsonBodies.text(l, "sku").orElse(null))
              .setName(JsonBodies.required(l, "name", where))
              .setQuantity(Amounts.quantity(quantity))
              .setUnitPrice(
                  money(l, "unitPrice", currency)
                      .orElseThrow(() -> new NormalizationFailed(where + " has no unitPrice")))
              .setDiscount(money(l, "discount", currency).orElse(null))
              .setTaxRate(
                  amount(l, "taxRate")
                      .map(
                          r ->
                              Amounts.rate(
                                  r.setScale(Amounts.RATE_SCALE, java.math.RoundingMode.HALF_EVEN)))
                      .orElse(null))
              .setExternalId(JsonBodies.text(l, "externalId").orElse(null))
              .build());
    }
    return items;
  }

  private static Optional<Party> party(JsonNode c) {
    if (!c.isObject()) {
      return Optional.empty();
    }
    JsonNode a = c.path("address");
    Address address =
        a.isObject()
            ? Address.newBuilder()
                .setLine1(JsonBodies.text(a, "line1").orElse(null))
                .setLine2(JsonBodies.text(a, "line2").orElse(null))
                .setCity(JsonBodies.text(a, "city").orElse(null))
                .setRegion(JsonBodies.text(a, "region").orElse(null))
                .setPostalCode(JsonBodies.text(a, "postalCode").orElse(null))
                .setCountry(
                    JsonBodies.text(a, "country").map(s -> s.toUpperCase(Locale.ROOT)).orElse(null))
                .build()
            : null;
    return Optional.of(
        Party.newBuilder()
            .setExternalId(JsonBodies.text(c, "externalId").orElse(null))
            .setName(JsonBodies.text(c, "name").orElse(null))
            .setEmail(JsonBodies.text(c, "email").orElse(null))
            .setPhone(JsonBodies.text(c, "phone").orElse(null))
            .setTaxId(JsonBodies.text(c, "taxId").orElse(null))
            .setAddress(address)
            .build());
  }

  private static <E extends Enum<E>> E kind(JsonNode out, Class<E> type, E otherwise) {
    Optional<String> text = JsonBodies.text(out, "kind");
    if (text.isEmpty()) {
      return otherwise;
    }
    try {
      return Enum.valueOf(type, text.get().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new NormalizationFailed("kind is not one of " + List.of(type.getEnumConstants()));
    }
  }

  private static Optional<Money> money(JsonNode node, String field, String currency) {
    return amount(node, field).map(a -> JsonBodies.money(a, currency));
  }

  /** A number the template gave; a double JSONata computed is rounded to the contract's places. */
  private static Optional<BigDecimal> amount(JsonNode node, String field) {
    JsonNode v = node.path(field);
    if (v.isDouble() || v.isFloat()) {
      return Optional.of(round(BigDecimal.valueOf(v.doubleValue())));
    }
    return JsonBodies.decimal(node, field);
  }

  private static BigDecimal round(BigDecimal value) {
    return value.setScale(Amounts.SCALE, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
  }

  private static String message(Exception e) {
    String m = e instanceof JException j ? j.getMessage() : e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }

  @Override
  public String toString() {
    return "MappingTemplate[" + template.event() + "]";
  }
}
