package io.ledgerline.platforms.shopify;

import io.ledgerline.events.Address;
import io.ledgerline.events.Amounts;
import io.ledgerline.events.LineItem;
import io.ledgerline.events.Money;
import io.ledgerline.events.Party;
import io.ledgerline.events.Platform;
import io.ledgerline.events.SaleEvent;
import io.ledgerline.events.SaleKind;
import io.ledgerline.events.SaleTotals;
import io.ledgerline.platforms.normalization.NormalizationFailed;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Turns a Shopify order (the REST Admin API order object, as parsed once by {@link
 * ShopifyNormalizer}) into a {@link SaleEvent}. {@code orders/paid} is a paid sale; an {@code
 * orders/create} of an order that is not paid yet is a sale that says so ({@code paid = false}),
 * invoiced as issued and paid when its {@code orders/paid} comes. Each line carries its tax as
 * Shopify charged it: the sum of its {@code tax_lines} (rate and amount), untaxed when Shopify says
 * {@code taxable: false} or the order charged no tax at all; shipping is a line with its own tax
 * lines. Amounts are read from their decimal strings so that no cent goes through a double.
 */
final class ShopifyOrders {

  /** Integer digits of the contracts' decimals (precision 19, scale 4). */
  private static final int MAX_INTEGER_DIGITS = 15;

  /** The topic that produces a completed sale. */
  static final String ORDERS_PAID = "orders/paid";

  private ShopifyOrders() {}

  /** Whether this topic produces a sale event. */
  static boolean isSale(String topic) {
    return ORDERS_PAID.equals(topic);
  }

  /** Who and when the sale belongs to: what the payload itself cannot say. */
  record Context(String eventId, String tenantId, String connectionId, Instant receivedAt) {}

  /**
   * The parsed body as an order; fails with {@link NormalizationFailed} unless it is an order with
   * an id, a currency and lines.
   */
  static JsonNode order(JsonNode order) {
    if (text(order, "id").isEmpty()) {
      throw new NormalizationFailed("order has no id");
    }
    if (text(order, "currency").isEmpty()) {
      throw new NormalizationFailed("order has no currency");
    }
    if (!order.path("line_items").isArray()) {
      throw new NormalizationFailed("order has no line_items");
    }
    return order;
  }

  /** The order's id on Shopify. */
  static String orderId(JsonNode order) {
    return text(order, "id").orElseThrow(() -> new NormalizationFailed("order has no id"));
  }

  static SaleEvent toSaleEvent(JsonNode order, Context context) {
    try {
      String currency = text(order, "currency").orElseThrow().toUpperCase(Locale.ROOT);
      // An order that charged no tax at all: no line of it was taxed, whatever its tax_lines say.
      boolean untaxedOrder = decimal(order, "total_tax").map(t -> t.signum() == 0).orElse(false);
      List<LineItem> lines = new ArrayList<>();
      for (JsonNode line : order.path("line_items")) {
        lines.add(line(line, currency, untaxedOrder));
      }
      return SaleEvent.newBuilder()
          .setEventId(context.eventId())
          .setTenantId(context.tenantId())
          .setConnectionId(context.connectionId())
          .setPlatform(Platform.SHOPIFY)
          .setExternalId(orderId(order))
          .setKind(SaleKind.COMPLETED)
          .setOccurredAt(occurredAt(order).orElse(context.receivedAt()))
          .setReplay(false)
          .setOrderNumber(text(order, "name").orElse(null))
          .setCurrency(currency)
          .setTaxesIncluded(order.path("taxes_included").asBoolean(false))
          .setCustomer(customer(order).orElse(null))
          .setLines(lines)
          .setShipping(shipping(order, currency, untaxedOrder).orElse(null))
          .setPaid(paid(order))
          .setTotals(
              SaleTotals.newBuilder()
                  .setSubtotal(money(order, "subtotal_price", currency))
                  .setDiscountTotal(money(order, "total_discounts", currency))
                  .setTaxTotal(money(order, "total_tax", currency))
                  .setShippingTotal(
                      money(
                          order.path("total_shipping_price_set").path("shop_money"),
                          "amount",
                          currency))
                  .setTotal(money(order, "total_price", currency))
                  .build())
          .build();
    } catch (ArithmeticException | NumberFormatException e) {
      throw new NormalizationFailed(
          "order has an amount that is not a decimal of at most 4 places");
    }
  }

  private static LineItem line(JsonNode line, String currency, boolean untaxedOrder) {
    String name = text(line, "name").or(() -> text(line, "title")).orElse("(unnamed item)");
    BigDecimal quantity = decimal(line, "quantity").orElse(BigDecimal.ONE);
    LineItem.Builder item =
        LineItem.newBuilder()
            .setSku(text(line, "sku").orElse(null))
            .setName(name)
            .setExternalId(text(line, "id").orElse(null))
            .setQuantity(Amounts.quantity(quantity))
            .setUnitPrice(money(line, "price", currency))
            .setDiscount(money(line, "total_discount", currency));
    boolean notTaxable = line.path("taxable").isBoolean() && !line.path("taxable").asBoolean();
    return tax(item, line.path("tax_lines"), currency, untaxedOrder || notTaxable).build();
  }

  /**
   * A line's tax: Shopify lists each jurisdiction's tax separately, so the rate and the amount are
   * their sums. Untaxed (0 %, {@code taxed = false}) when Shopify says so; no tax lines on a taxed
   * order say nothing ({@code taxed} left null: the tenant's rule applies).
   */
  static LineItem.Builder tax(
      LineItem.Builder item, JsonNode taxLines, String currency, boolean untaxed) {
    if (untaxed) {
      return item.setTaxed(false);
    }
    if (!taxLines.isArray() || taxLines.isEmpty()) {
      return item;
    }
    BigDecimal rate = BigDecimal.ZERO;
    BigDecimal amount = BigDecimal.ZERO;
    for (JsonNode taxLine : taxLines) {
      rate = rate.add(decimal(taxLine, "rate").orElse(BigDecimal.ZERO));
      amount = amount.add(decimal(taxLine, "price").orElse(BigDecimal.ZERO));
    }
    return item.setTaxed(true)
        .setTaxRate(Amounts.rate(rate))
        .setTaxAmount(Amounts.money(amount, currency));
  }

  /** The order's shipping as one line: what its shipping lines cost, with their tax. */
  private static Optional<LineItem> shipping(JsonNode order, String currency, boolean untaxed) {
    JsonNode shippingLines = order.path("shipping_lines");
    if (!shippingLines.isArray() || shippingLines.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal price = BigDecimal.ZERO;
    List<JsonNode> taxLines = new ArrayList<>();
    for (JsonNode line : shippingLines) {
      price =
          price.add(
              decimal(line, "discounted_price")
                  .or(() -> decimal(line, "price"))
                  .orElse(BigDecimal.ZERO));
      line.path("tax_lines").forEach(taxLines::add);
    }
    if (price.signum() <= 0) {
      return Optional.empty();
    }
    LineItem.Builder item =
        LineItem.newBuilder()
            .setName("Shipping")
            .setQuantity(Amounts.quantity(BigDecimal.ONE))
            .setUnitPrice(Amounts.money(price, currency));
    JsonNode all = JsonNodeFactory.instance.arrayNode().addAll(taxLines);
    return Optional.of(tax(item, all, currency, untaxed).build());
  }

  /** Whether Shopify says the order is paid; null when its financial status says nothing. */
  private static Boolean paid(JsonNode order) {
    return text(order, "financial_status")
        .map(
            status ->
                switch (status) {
                  case "paid", "partially_refunded", "refunded" -> Boolean.TRUE;
                  case "pending", "authorized", "partially_paid", "unpaid" -> Boolean.FALSE;
                  default -> null;
                })
        .orElse(null);
  }

  private static Optional<Party> customer(JsonNode order) {
    JsonNode customer = order.path("customer");
    JsonNode billing = order.path("billing_address");
    if (!customer.isObject() && !billing.isObject()) {
      return Optional.empty();
    }
    String name =
        joined(text(customer, "first_name"), text(customer, "last_name"))
            .or(() -> text(billing, "name"))
            .or(() -> joined(text(billing, "first_name"), text(billing, "last_name")))
            .orElse(null);
    // The billing address is the one the buyer gave for this order; the default address is only a
    // fallback for orders without one (POS sales, for instance).
    JsonNode address = billing.isObject() ? billing : customer.path("default_address");
    return Optional.of(
        Party.newBuilder()
            .setExternalId(text(customer, "id").orElse(null))
            .setName(name)
            .setEmail(text(customer, "email").or(() -> text(order, "email")).orElse(null))
            .setPhone(
                text(customer, "phone")
                    .or(() -> text(order, "phone"))
                    .or(() -> text(billing, "phone"))
                    .orElse(null))
            .setTaxId(null)
            .setAddress(address.isObject() ? address(address) : null)
            .build());
  }

  private static Address address(JsonNode a) {
    return Address.newBuilder()
        .setLine1(text(a, "address1").orElse(null))
        .setLine2(text(a, "address2").orElse(null))
        .setCity(text(a, "city").orElse(null))
        .setRegion(text(a, "province_code").or(() -> text(a, "province")).orElse(null))
        .setPostalCode(text(a, "zip").orElse(null))
        .setCountry(text(a, "country_code").map(c -> c.toUpperCase(Locale.ROOT)).orElse(null))
        .build();
  }

  private static Optional<Instant> occurredAt(JsonNode order) {
    Optional<String> when = text(order, "processed_at").or(() -> text(order, "created_at"));
    try {
      return when.map(w -> OffsetDateTime.parse(w).toInstant());
    } catch (DateTimeParseException e) {
      throw new NormalizationFailed("order has an unreadable processed_at");
    }
  }

  /** A missing amount is zero: Shopify leaves out what does not apply (e.g. shipping). */
  private static Money money(JsonNode node, String field, String currency) {
    return Amounts.money(decimal(node, field).orElse(BigDecimal.ZERO), currency);
  }

  private static Optional<BigDecimal> decimal(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (value.isNumber()) {
      return Optional.of(inRange(value.decimalValue()));
    }
    return text(node, field).map(BigDecimal::new).map(ShopifyOrders::inRange);
  }

  /**
   * Refuses numbers no order has before anything scales them: bringing {@code 1e99999999} to the
   * contract's scale would compute for minutes. Rates have up to 6 places, amounts up to 4 (checked
   * when scaled).
   */
  private static BigDecimal inRange(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.signum() != 0
        && (stripped.scale() > Amounts.RATE_SCALE
            || stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS)) {
      throw new ArithmeticException("out of range");
    }
    return value;
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (value.isString() || value.isNumber()) {
      String text = value.asString().trim();
      return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
    return Optional.empty();
  }

  private static Optional<String> joined(Optional<String> first, Optional<String> last) {
    String joined = (first.orElse("") + " " + last.orElse("")).trim();
    return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
  }
}
