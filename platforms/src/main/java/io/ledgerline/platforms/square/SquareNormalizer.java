package io.ledgerline.platforms.square;

import static io.ledgerline.platforms.normalization.JsonBodies.text;

import io.ledgerline.events.Address;
import io.ledgerline.events.Amounts;
import io.ledgerline.events.LineItem;
import io.ledgerline.events.Money;
import io.ledgerline.events.Party;
import io.ledgerline.events.Platform;
import io.ledgerline.events.Refund;
import io.ledgerline.events.SaleEvent;
import io.ledgerline.events.SaleKind;
import io.ledgerline.events.SaleTotals;
import io.ledgerline.events.SyncRequest;
import io.ledgerline.platforms.normalization.JsonBodies;
import io.ledgerline.platforms.normalization.NormalizationFailed;
import io.ledgerline.platforms.normalization.Normalized;
import io.ledgerline.platforms.normalization.SyncRequests;
import io.ledgerline.platforms.normalization.WebhookContext;
import io.ledgerline.platforms.normalization.WebhookNormalizer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Square: {@code {merchant_id, type, event_id, created_at, data: {type, id, object}}}.
 *
 * <ul>
 *   <li>{@code payment.created} / {@code payment.updated} with a COMPLETED payment of an order
 *       ({@code order_id}, which Square gives every payment of the Payments API): a sync request
 *       for the order, so connector-service fetches it and the order, with its lines and all its
 *       {@code tenders}, becomes one sale (ADR 0021). A payment is one tender: an order paid with
 *       several is one invoice for the order with its payments recorded against it, never an
 *       invoice for the first payment. The fetch of an order still OPEN emits nothing; the payment
 *       that completes it (or its {@code order.updated}) is fetched again and finds it COMPLETED.
 *   <li>a COMPLETED payment that names no order: a completed sale of the payment itself, one line
 *       "Square payment" worth {@code amount_money}, tax included (it is what the buyer paid; the
 *       tenant's default rate splits the tax out), and the payment itself (reference: its id). Tips
 *       and Square's processing fee are not sale lines and not in the total.
 *   <li>{@code refund.created} / {@code refund.updated} with a COMPLETED refund: a refund of the
 *       same order for its amount (an adjustment spread over the invoice's lines), its id the
 *       credit's, so one refund makes one credit note.
 *   <li>the account is the event's {@code merchant_id}.
 *   <li>{@code order.*}: only the order's id, state and version; a sync request so
 *       connector-service fetches the order.
 *   <li>anything else ({@code webhooks.test_notification}, other statuses): nothing.
 * </ul>
 *
 * Money is in minor units of the currency (cents), converted with the currency's fraction digits.
 */
final class SquareNormalizer implements WebhookNormalizer {

  @Override
  public String platform() {
    return SquarePlatform.ID;
  }

  @Override
  public Normalized normalize(WebhookContext context, byte[] body) {
    JsonNode root = JsonBodies.parseObject(body);
    String type = JsonBodies.required(root, "type", "event");
    Optional<String> eventId = text(root, "event_id");
    JsonNode object = root.path("data").path("object");
    Instant eventTime = JsonBodies.instant(root, "created_at").orElse(context.receivedAt());
    switch (type) {
      case "payment.created", "payment.updated" -> {
        JsonNode payment = object.path("payment");
        if (!payment.isObject()) {
          throw new NormalizationFailed("payment event has no payment");
        }
        String status = JsonBodies.required(payment, "status", "payment");
        if (!"COMPLETED".equals(status)) {
          return Normalized.nothing(eventId, "Square " + type + ": payment " + status);
        }
        Optional<String> orderId = text(payment, "order_id");
        if (orderId.isPresent()) {
          return fetchOrder(context, orderId.get(), type, eventId, eventTime);
        }
        SaleEvent sale = sale(context, payment, SaleKind.COMPLETED, "Square payment", eventTime);
        sale.setAccountId(text(root, "merchant_id").orElse(null));
        // The tender itself, recorded against the order's invoice once (idempotent on its id).
        sale.setPayments(
            List.of(
                io.ledgerline.events.Payment.newBuilder()
                    .setReference(JsonBodies.required(payment, "id", "payment"))
                    .setAmount(sale.getTotals().getTotal())
                    .setMethod(text(payment, "source_type").orElse(null))
                    .setPaidAt(sale.getOccurredAt())
                    .build()));
        return new Normalized(List.of(sale), eventId, summary(type, sale));
      }
      case "refund.created", "refund.updated" -> {
        JsonNode refund = object.path("refund");
        if (!refund.isObject()) {
          throw new NormalizationFailed("refund event has no refund");
        }
        String status = JsonBodies.required(refund, "status", "refund");
        if (!"COMPLETED".equals(status)) {
          return Normalized.nothing(eventId, "Square " + type + ": refund " + status);
        }
        SaleEvent sale = sale(context, refund, SaleKind.REFUNDED, "Square refund", eventTime);
        sale.setAccountId(text(root, "merchant_id").orElse(null));
        // A Square refund names an amount, not lines: an amount credited over the invoice's lines,
        // once per refund id.
        LineItem amount = sale.getLines().get(0);
        amount.setLineTotal(amount.getUnitPrice());
        sale.setLines(List.of());
        sale.setRefund(
            Refund.newBuilder()
                .setRefundId(JsonBodies.required(refund, "id", "refund"))
                .setReason(text(refund, "reason").orElse(null))
                .setAdjustments(List.of(amount))
                .build());
        return new Normalized(List.of(sale), eventId, summary(type, sale));
      }
      default -> {
        if (type.startsWith("order.")) {
          return order(context, root, type, eventId, eventTime);
        }
        return Normalized.nothing(eventId, "Square " + type + ": nothing to invoice");
      }
    }
  }

  private static Normalized order(
      WebhookContext context,
      JsonNode root,
      String type,
      Optional<String> eventId,
      Instant eventTime) {
    JsonNode data = root.path("data");
    // data.object holds one member named after the event (order_created, order_updated, ...).
    Optional<String> orderId = text(data, "id");
    for (JsonNode inner : data.path("object")) {
      if (orderId.isEmpty()) {
        orderId = text(inner, "order_id");
      }
    }
    String id = orderId.orElseThrow(() -> new NormalizationFailed("order event has no order id"));
    return fetchOrder(context, id, type.substring("order.".length()), eventId, eventTime);
  }

  /** A sync request for the order: connector-service fetches it ({@link SquareApi}). */
  private static Normalized fetchOrder(
      WebhookContext context,
      String orderId,
      String action,
      Optional<String> eventId,
      Instant eventTime) {
    SyncRequest request = SyncRequests.of(context, 0, SquareApi.ORDER, orderId, action, eventTime);
    return new Normalized(
        List.of(request), eventId, "Square fetch order " + orderId + " (" + action + ")");
  }

  private static SaleEvent sale(
      WebhookContext context, JsonNode object, SaleKind kind, String lineName, Instant eventTime) {
    JsonNode amountMoney = object.path("amount_money");
    String currency =
        JsonBodies.currency(
            text(amountMoney, "currency")
                .orElseThrow(() -> new NormalizationFailed("amount_money has no currency")));
    Money amount =
        JsonBodies.money(JsonBodies.fromMinorUnits(amountMoney.path("amount"), currency), currency);
    Money zero = Amounts.money(BigDecimal.ZERO, currency);
    String externalId =
        text(object, "order_id")
            .or(() -> text(object, "payment_id"))
            .or(() -> text(object, "id"))
            .orElseThrow(() -> new NormalizationFailed("payment has no id"));
    return SaleEvent.newBuilder()
        .setEventId(context.eventId(0))
        .setTenantId(context.tenantId())
        .setConnectionId(context.connectionId().toString())
        .setPlatform(Platform.SQUARE)
        .setExternalId(externalId)
        .setKind(kind)
        .setOccurredAt(JsonBodies.instant(object, "created_at").orElse(eventTime))
        .setReplay(context.replay())
        .setOrderNumber(text(object, "receipt_number").orElse(null))
        .setCurrency(currency)
        .setTaxesIncluded(true)
        .setCustomer(customer(object).orElse(null))
        .setLines(
            List.of(
                LineItem.newBuilder()
                    .setSku(null)
                    .setName(lineName)
                    .setQuantity(Amounts.quantity(BigDecimal.ONE))
                    .setUnitPrice(amount)
                    .setDiscount(null)
                    .setTaxRate(null)
                    .build()))
        .setTotals(
            SaleTotals.newBuilder()
                .setSubtotal(amount)
                .setDiscountTotal(zero)
                .setTaxTotal(zero)
                .setShippingTotal(zero)
                .setTotal(amount)
                .build())
        .build();
  }

  private static Optional<Party> customer(JsonNode payment) {
    Optional<String> email = text(payment, "buyer_email_address");
    Optional<String> customerId = text(payment, "customer_id");
    JsonNode billing = payment.path("billing_address");
    if (email.isEmpty() && customerId.isEmpty() && !billing.isObject()) {
      return Optional.empty();
    }
    String name =
        (text(billing, "first_name").orElse("") + " " + text(billing, "last_name").orElse(""))
            .trim();
    return Optional.of(
        Party.newBuilder()
            .setExternalId(customerId.orElse(null))
            .setName(name.isEmpty() ? null : name)
            .setEmail(email.orElse(null))
            .setPhone(null)
            .setTaxId(null)
            .setAddress(billing.isObject() ? address(billing) : null)
            .build());
  }

  private static Address address(JsonNode a) {
    return Address.newBuilder()
        .setLine1(text(a, "address_line_1").orElse(null))
        .setLine2(text(a, "address_line_2").orElse(null))
        .setCity(text(a, "locality").orElse(null))
        .setRegion(text(a, "administrative_district_level_1").orElse(null))
        .setPostalCode(text(a, "postal_code").orElse(null))
        .setCountry(text(a, "country").map(c -> c.toUpperCase(Locale.ROOT)).orElse(null))
        .build();
  }

  private static String summary(String type, SaleEvent sale) {
    return "Square "
        + type
        + ": "
        + sale.getKind().name().toLowerCase(Locale.ROOT)
        + " sale "
        + sale.getExternalId()
        + ", "
        + sale.getTotals().getTotal().getAmount().toPlainString()
        + " "
        + sale.getCurrency();
  }
}
