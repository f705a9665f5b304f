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

/**
 * Turns a Shopify order (the REST Admin API order object, as parsed once by {@link
 * ShopifyNormalizer}) into a {@link SaleEvent}. Only {@code orders/paid} is a sale: an order is
 * created long before the money arrives, and invoicing an unpaid order would be wrong. Amounts are
 * read from their decimal strings so that no cent goes through a double.
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
      List<LineItem> lines = new ArrayList<>();
      for (JsonNode line : order.path("line_items")) {
        lines.add(line(line, currency));
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

  private static LineItem line(JsonNode line, String currency) {
    String name = text(line, "name").or(() -> text(line, "title")).orElse("(unnamed item)");
    BigDecimal quantity = decimal(line, "quantity").orElse(BigDecimal.ONE);
    return LineItem.newBuilder()
        .setSku(text(line, "sku").orElse(null))
        .setName(name)
        .setQuantity(Amounts.quantity(quantity))
        .setUnitPrice(money(line, "price", currency))
        .setDiscount(money(line, "total_discount", currency))
        .setTaxRate(taxRate(line).orElse(null))
        .build();
  }

  /** Shopify lists each jurisdiction's tax separately; the line's rate is their sum. */
  private static Optional<BigDecimal> taxRate(JsonNode line) {
    JsonNode taxLines = line.path("tax_lines");
    if (!taxLines.isArray() || taxLines.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (JsonNode taxLine : taxLines) {
      sum = sum.add(decimal(taxLine, "rate").orElse(BigDecimal.ZERO));
    }
    return Optional.of(Amounts.rate(sum));
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
