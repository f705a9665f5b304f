package io.ledgerline.platforms.shopify;

import static io.ledgerline.platforms.normalization.JsonBodies.decimal;
import static io.ledgerline.platforms.normalization.JsonBodies.money;
import static io.ledgerline.platforms.normalization.JsonBodies.text;

import io.ledgerline.events.Amounts;
import io.ledgerline.events.LineItem;
import io.ledgerline.events.Platform;
import io.ledgerline.events.SaleEvent;
import io.ledgerline.events.SaleKind;
import io.ledgerline.events.SaleTotals;
import io.ledgerline.platforms.normalization.JsonBodies;
import io.ledgerline.platforms.normalization.NormalizationFailed;
import io.ledgerline.platforms.normalization.Normalized;
import io.ledgerline.platforms.normalization.WebhookContext;
import io.ledgerline.platforms.normalization.WebhookNormalizer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Shopify: the topic is the {@code X-Shopify-Topic} header. {@code orders/paid} is a completed sale
 * (the order rules are {@link ShopifyOrders}'); {@code orders/create} emits nothing, because an
 * order is invoiced when it is paid, not when it is placed; {@code refunds/create} is a refunded
 * sale of the refunded lines and amounts. Other topics are stored and emit nothing. The delivery id
 * is the {@code X-Shopify-Webhook-Id} header, not in the body.
 */
final class ShopifyNormalizer implements WebhookNormalizer {

  static final String ORDERS_CREATE = "orders/create";
  static final String REFUNDS_CREATE = "refunds/create";

  @Override
  public String platform() {
    return ShopifyPlatform.ID;
  }

  @Override
  public Normalized normalize(WebhookContext context, byte[] body) {
    String topic = context.topic();
    if (topic == null || topic.isBlank()) {
      throw new NormalizationFailed("a Shopify webhook needs its topic header");
    }
    JsonNode root = JsonBodies.parseObject(body);
    if (ShopifyOrders.isSale(topic)) {
      return paid(context, root);
    }
    if (ORDERS_CREATE.equals(topic)) {
      JsonBodies.required(root, "id", "order");
      return Normalized.nothing(
          Optional.empty(), "Shopify orders/create: not invoiced until it is paid");
    }
    if (REFUNDS_CREATE.equals(topic)) {
      SaleEvent refund = refund(root, context);
      return new Normalized(
          List.of(refund),
          Optional.empty(),
          "Shopify refunds/create: refund of order "
              + refund.getExternalId()
              + ", "
              + refund.getTotals().getTotal().getAmount().toPlainString()
              + " "
              + refund.getCurrency());
    }
    return Normalized.nothing(Optional.empty(), "Shopify " + topic + ": nothing to invoice");
  }

  private static Normalized paid(WebhookContext context, JsonNode root) {
    SaleEvent sale =
        SaleEvent.newBuilder(
                ShopifyOrders.toSaleEvent(
                    ShopifyOrders.order(root),
                    new ShopifyOrders.Context(
                        context.eventId(0),
                        context.tenantId(),
                        context.connectionId().toString(),
                        context.receivedAt())))
            .setReplay(context.replay())
            .build();
    return new Normalized(
        List.of(sale),
        Optional.empty(),
        "Shopify orders/paid: sale of order "
            + Optional.ofNullable(sale.getOrderNumber()).orElse(sale.getExternalId())
            + ", "
            + sale.getTotals().getTotal().getAmount().toPlainString()
            + " "
            + sale.getCurrency());
  }

  /**
   * A refund names its order ({@code order_id}, the sale's external id), the refunded lines with
   * what each refund is worth ({@code subtotal} before tax, {@code total_tax}), the money that went
   * back ({@code transactions} of kind refund) and adjustments such as refunded shipping (negative
   * amounts in {@code order_adjustments}). All amounts in the event are positive: the kind says
   * that they flow back.
   */
  private static SaleEvent refund(JsonNode refund, WebhookContext context) {
    String orderId = JsonBodies.required(refund, "order_id", "refund");
    String currency = refundCurrency(refund);
    List<LineItem> lines = new ArrayList<>();
    BigDecimal subtotal = BigDecimal.ZERO;
    BigDecimal discounts = BigDecimal.ZERO;
    BigDecimal tax = BigDecimal.ZERO;
    for (JsonNode refunded : refund.path("refund_line_items")) {
      JsonNode item = refunded.path("line_item");
      BigDecimal quantity = decimal(refunded, "quantity").orElse(BigDecimal.ONE);
      BigDecimal lineSubtotal = decimal(refunded, "subtotal").orElse(BigDecimal.ZERO);
      BigDecimal unitPrice =
          decimal(item, "price").orElseGet(() -> quantity.signum() == 0 ? lineSubtotal : null);
      if (unitPrice == null) {
        throw new NormalizationFailed("refunded line has no price");
      }
      // What the refunded units were worth at list price, less what is refunded: their discount.
      BigDecimal discount = unitPrice.multiply(quantity).subtract(lineSubtotal);
      lines.add(
          LineItem.newBuilder()
              .setSku(text(item, "sku").orElse(null))
              .setName(text(item, "name").or(() -> text(item, "title")).orElse("(unnamed item)"))
              .setQuantity(
                  Amounts.quantity(JsonBodies.bounded(quantity, Amounts.SCALE, "quantity")))
              .setUnitPrice(money(unitPrice, currency))
              .setDiscount(discount.signum() > 0 ? money(discount, currency) : null)
              .setTaxRate(taxRate(item))
              .build());
      subtotal = subtotal.add(lineSubtotal);
      discounts = discounts.add(discount.max(BigDecimal.ZERO));
      tax = tax.add(decimal(refunded, "total_tax").orElse(BigDecimal.ZERO));
    }
    BigDecimal shipping = BigDecimal.ZERO;
    for (JsonNode adjustment : refund.path("order_adjustments")) {
      if ("shipping_refund".equals(text(adjustment, "kind").orElse(""))) {
        shipping = shipping.add(decimal(adjustment, "amount").orElse(BigDecimal.ZERO).abs());
        tax = tax.add(decimal(adjustment, "tax_amount").orElse(BigDecimal.ZERO).abs());
      }
    }
    BigDecimal transactions = BigDecimal.ZERO;
    boolean anyTransaction = false;
    for (JsonNode transaction : refund.path("transactions")) {
      String kind = text(transaction, "kind").orElse("refund");
      String status = text(transaction, "status").orElse("success");
      if ("refund".equals(kind) && "success".equals(status)) {
        transactions = transactions.add(decimal(transaction, "amount").orElse(BigDecimal.ZERO));
        anyTransaction = true;
      }
    }
    // The money that went back is the truth; without transactions, what the parts add up to.
    BigDecimal total = anyTransaction ? transactions : subtotal.add(tax).add(shipping);
    return SaleEvent.newBuilder()
        .setEventId(context.eventId(0))
        .setTenantId(context.tenantId())
        .setConnectionId(context.connectionId().toString())
        .setPlatform(Platform.SHOPIFY)
        .setExternalId(orderId)
        .setKind(SaleKind.REFUNDED)
        .setOccurredAt(
            JsonBodies.instant(refund, "processed_at")
                .or(() -> JsonBodies.instant(refund, "created_at"))
                .orElse(context.receivedAt()))
        .setReplay(context.replay())
        .setOrderNumber(null)
        .setCurrency(currency)
        .setTaxesIncluded(false)
        .setCustomer(null)
        .setLines(lines)
        .setTotals(
            SaleTotals.newBuilder()
                .setSubtotal(money(subtotal, currency))
                .setDiscountTotal(money(discounts, currency))
                .setTaxTotal(money(tax, currency))
                .setShippingTotal(money(shipping, currency))
                .setTotal(money(total, currency))
                .build())
        .build();
  }

  /** The shop currency: from the transactions, else from a refunded line's money set. */
  private static String refundCurrency(JsonNode refund) {
    for (JsonNode transaction : refund.path("transactions")) {
      Optional<String> currency = text(transaction, "currency");
      if (currency.isPresent()) {
        return JsonBodies.currency(currency.get());
      }
    }
    for (JsonNode refunded : refund.path("refund_line_items")) {
      Optional<String> currency =
          text(refunded.path("subtotal_set").path("shop_money"), "currency_code");
      if (currency.isPresent()) {
        return JsonBodies.currency(currency.get());
      }
    }
    throw new NormalizationFailed("refund names no currency");
  }

  private static BigDecimal taxRate(JsonNode item) {
    JsonNode taxLines = item.path("tax_lines");
    if (!taxLines.isArray() || taxLines.isEmpty()) {
      return null;
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (JsonNode taxLine : taxLines) {
      sum =
          sum.add(
              JsonBodies.bounded(
                  decimal(taxLine, "rate").orElse(BigDecimal.ZERO), Amounts.RATE_SCALE, "rate"));
    }
    return Amounts.rate(sum);
  }
}
