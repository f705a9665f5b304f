package io.ledgerline.platforms.shopify;

import static io.ledgerline.platforms.normalization.JsonBodies.decimal;
import static io.ledgerline.platforms.normalization.JsonBodies.money;
import static io.ledgerline.platforms.normalization.JsonBodies.text;

import io.ledgerline.events.Amounts;
import io.ledgerline.events.LineItem;
import io.ledgerline.events.Platform;
import io.ledgerline.events.Refund;
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
 * Shopify: the topic is the {@code X-Shopify-Topic} header. {@code orders/paid} is a paid sale (the
 * order rules are {@link ShopifyOrders}'); {@code orders/create} of an order that is not paid yet
 * (pending, authorized, partially paid) is a sale that says so, invoiced as issued, and of a paid
 * one the same as {@code orders/paid}; otherwise it emits nothing. {@code refunds/create} is a
 * refund of the refunded lines (each naming the order's line), shipping and adjustments, with the
 * refund's id, so one refund makes one credit note however often it comes; {@code orders/cancelled}
 * voids the order. Other topics are stored and emit nothing. The delivery id is the {@code
 * X-Shopify-Webhook-Id} header, not in the body.
 *
 * <p>The topic and the webhook id are headers outside the HMAC: anyone who saw a signed body can
 * re-post it under another topic and a new id. So the topic only chooses what to look for, and the
 * signed body decides: paid-ness is the body's {@code financial_status} (an unpaid order's body
 * posted as {@code orders/paid} is still an unpaid sale), a void needs a body whose {@code
 * cancelled_at} is set, and a sale body that says it was cancelled is not a sale. Every event also
 * carries a {@link Normalized#contentKey content key} of what the body identifies (the order and
 * its paid state, the refund, the void), so a re-post under a new webhook id is a duplicate.
 */
final class ShopifyNormalizer implements WebhookNormalizer {

  static final String ORDERS_CREATE = "orders/create";
  static final String REFUNDS_CREATE = "refunds/create";
  static final String ORDERS_CANCELLED = "orders/cancelled";

  /**
   * Financial statuses of an order placed but not paid: {@code orders/create} invoices it as issued
   * (paid = false), and its {@code orders/paid} then records the payment.
   */
  static final java.util.Set<String> UNPAID =
      java.util.Set.of("pending", "authorized", "partially_paid");

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
      // A paid order is invoiced by its orders/paid; one that is not paid yet now, as issued.
      if (!UNPAID.contains(text(root, "financial_status").orElse(""))) {
        return Normalized.nothing(
            Optional.empty(), "Shopify orders/create: not invoiced until it is paid");
      }
      return paid(context, root);
    }
    if (ORDERS_CANCELLED.equals(topic)) {
      String orderId = JsonBodies.required(root, "id", "order");
      if (text(root, "cancelled_at").isEmpty()) {
        // The topic header is not signed: only a body that says it was cancelled voids the order.
        return Normalized.nothing(
            Optional.empty(),
            "Shopify orders/cancelled: the order's body is not cancelled, nothing voided");
      }
      SaleEvent voided =
          SaleEvent.newBuilder(
                  ShopifyOrders.toSaleEvent(ShopifyOrders.order(root), context(context)))
              .setKind(SaleKind.VOIDED)
              .setOccurredAt(JsonBodies.instant(root, "cancelled_at").orElse(context.receivedAt()))
              .setRefund(
                  Refund.newBuilder()
                      .setRefundId("void:" + orderId)
                      .setReason(text(root, "cancel_reason").orElse("cancelled"))
                      .setFull(true)
                      .build())
              .setReplay(context.replay())
              .build();
      return new Normalized(
              List.of(voided),
              Optional.empty(),
              "Shopify orders/cancelled: void of order " + orderId)
          .withContentKey("order:" + orderId + ":cancelled");
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
                  + refund.getCurrency())
          .withContentKey("refund:" + refund.getRefund().getRefundId());
    }
    return Normalized.nothing(Optional.empty(), "Shopify " + topic + ": nothing to invoice");
  }

  private static Normalized paid(WebhookContext context, JsonNode root) {
    if (text(root, "cancelled_at").isPresent()) {
      // A cancelled order's body under a sale topic (the header is not signed) is no sale.
      return Normalized.nothing(
          Optional.empty(), "Shopify " + context.topic() + ": the order is cancelled, no sale");
    }
    SaleEvent sale =
        SaleEvent.newBuilder(ShopifyOrders.toSaleEvent(ShopifyOrders.order(root), context(context)))
            .setReplay(context.replay())
            .build();
    boolean unpaid = Boolean.FALSE.equals(sale.getPaid());
    return new Normalized(
            List.of(sale),
            Optional.empty(),
            "Shopify "
                + (unpaid ? "unpaid order" : "orders/paid")
                + ": sale of order "
                + Optional.ofNullable(sale.getOrderNumber()).orElse(sale.getExternalId())
                + ", "
                + sale.getTotals().getTotal().getAmount().toPlainString()
                + " "
                + sale.getCurrency())
        // The paid state is the body's: the same body under another topic or id is the same sale.
        .withContentKey("order:" + sale.getExternalId() + (unpaid ? ":unpaid" : ":paid"));
  }

  private static ShopifyOrders.Context context(WebhookContext context) {
    return new ShopifyOrders.Context(
        context.eventId(0),
        context.tenantId(),
        context.connectionId().toString(),
        context.receivedAt());
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
      BigDecimal lineTax = decimal(refunded, "total_tax").orElse(BigDecimal.ZERO);
      BigDecimal rate = taxRate(item);
      lines.add(
          LineItem.newBuilder()
              .setSku(text(item, "sku").orElse(null))
              .setName(text(item, "name").or(() -> text(item, "title")).orElse("(unnamed item)"))
              // The sale's line this refunds: its id on the order.
              .setLineRef(text(refunded, "line_item_id").or(() -> text(item, "id")).orElse(null))
              .setQuantity(
                  Amounts.quantity(JsonBodies.bounded(quantity, Amounts.SCALE, "quantity")))
              .setUnitPrice(money(unitPrice, currency))
              .setDiscount(discount.signum() > 0 ? money(discount, currency) : null)
              .setTaxRate(rate)
              .setTaxed(lineTax.signum() > 0 || (rate != null && rate.signum() > 0))
              .setLineTotal(money(lineSubtotal, currency))
              .setTaxAmount(money(lineTax, currency))
              .build());
      subtotal = subtotal.add(lineSubtotal);
      discounts = discounts.add(discount.max(BigDecimal.ZERO));
      tax = tax.add(lineTax);
    }
    // Refunded shipping: refund_shipping_lines (newer API versions), else shipping_refund
    // adjustments (negative amounts). Refunds of more than the lines' amounts (a negative
    // refund_discrepancy) are adjustments; a positive one (less refunded than calculated) is left
    // to the totals, which keep the money that went back.
    BigDecimal shipping = BigDecimal.ZERO;
    BigDecimal shippingTax = BigDecimal.ZERO;
    List<LineItem> adjustments = new ArrayList<>();
    JsonNode shippingLines = refund.path("refund_shipping_lines");
    boolean hasShippingLines = shippingLines.isArray() && !shippingLines.isEmpty();
    for (JsonNode line : shippingLines) {
      shipping =
          shipping.add(
              decimal(line.path("subtotal_amount_set").path("shop_money"), "amount")
                  .orElse(BigDecimal.ZERO));
      shippingTax =
          shippingTax.add(
              decimal(line.path("tax_amount_set").path("shop_money"), "amount")
                  .orElse(BigDecimal.ZERO));
    }
    for (JsonNode adjustment : refund.path("order_adjustments")) {
      String kind = text(adjustment, "kind").orElse("");
      BigDecimal amount = decimal(adjustment, "amount").orElse(BigDecimal.ZERO);
      BigDecimal adjustmentTax = decimal(adjustment, "tax_amount").orElse(BigDecimal.ZERO);
      if ("shipping_refund".equals(kind) && !hasShippingLines) {
        shipping = shipping.add(amount.abs());
        shippingTax = shippingTax.add(adjustmentTax.abs());
      } else if ("refund_discrepancy".equals(kind) && amount.signum() < 0) {
        adjustments.add(
            LineItem.newBuilder()
                .setName(text(adjustment, "reason").orElse("Refund discrepancy"))
                .setQuantity(Amounts.quantity(BigDecimal.ONE))
                .setUnitPrice(money(amount.abs(), currency))
                .setLineTotal(money(amount.abs(), currency))
                .setTaxAmount(money(adjustmentTax.abs(), currency))
                .build());
      }
    }
    tax = tax.add(shippingTax);
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
        .setRefund(
            Refund.newBuilder()
                .setRefundId(JsonBodies.required(refund, "id", "refund"))
                .setReason(text(refund, "note").orElse(null))
                .setShipping(
                    shipping.signum() > 0
                        ? LineItem.newBuilder()
                            .setName("Shipping")
                            .setQuantity(Amounts.quantity(BigDecimal.ONE))
                            .setUnitPrice(money(shipping, currency))
                            .setLineTotal(money(shipping, currency))
                            .setTaxAmount(money(shippingTax, currency))
                            .setTaxed(shippingTax.signum() > 0)
                            .build()
                        : null)
                .setAdjustments(adjustments)
                .build())
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
