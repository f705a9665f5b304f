package io.ledgerline.platforms.square;

import static io.ledgerline.platforms.normalization.JsonBodies.text;

import io.ledgerline.events.Address;
import io.ledgerline.events.Amounts;
import io.ledgerline.events.LineItem;
import io.ledgerline.events.Money;
import io.ledgerline.events.Party;
import io.ledgerline.events.Payment;
import io.ledgerline.events.Refund;
import io.ledgerline.events.SaleEvent;
import io.ledgerline.events.SaleKind;
import io.ledgerline.events.SaleTotals;
import io.ledgerline.platforms.api.ApiContext;
import io.ledgerline.platforms.normalization.JsonBodies;
import io.ledgerline.platforms.normalization.NormalizationFailed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A Square order ({@code Order} of the Orders API, as {@code GET /v2/orders/{id}} and {@code POST
 * /v2/orders/search} return it) as a completed sale: one normalizer for an order fetched for an
 * {@code order.*} webhook and an order pulled. Lines: {@code name} (and {@code variation_name}),
 * {@code quantity} (a decimal string), {@code base_price_money} (unit), {@code
 * total_discount_money}, {@code total_tax_money} and the order's tax percentage; money in minor
 * units. Payments: the order's {@code tenders}, one payment each (reference: the tender's id, which
 * is its payment's id; amount: {@code amount_money} less the tender's {@code tip_money}), so an
 * order paid with several tenders is one sale with several payments. A {@code CANCELED} order is a
 * void of the order (credit id {@code void:<order>}): Square's {@code COMPLETED} and {@code
 * CANCELED} are both terminal, so only an invoice made before the order completed (a payment that
 * named no order) can be credited by it; otherwise the credit waits in invoice-service like any
 * credit whose invoice is not there. The buyer: the order's customer, read by the caller.
 */
final class SquareOrders {

  private SquareOrders() {}

  static boolean completed(JsonNode order) {
    return "COMPLETED".equals(text(order, "state").orElse(""));
  }

  static boolean canceled(JsonNode order) {
    return "CANCELED".equals(text(order, "state").orElse(""));
  }

  /** A canceled order as a void of its sale: everything its invoice has left is credited. */
  static SaleEvent voided(ApiContext context, JsonNode order) {
    String id = JsonBodies.required(order, "id", "order");
    return SaleEvent.newBuilder(sale(context, order, null))
        .setKind(SaleKind.VOIDED)
        .setOccurredAt(updatedAt(order))
        .setPayments(List.of())
        .setPaid(null)
        .setRefund(
            Refund.newBuilder()
                .setRefundId("void:" + id)
                .setReason("order canceled")
                .setFull(true)
                .build())
        .build();
  }

  static Instant updatedAt(JsonNode order) {
    return JsonBodies.instant(order, "updated_at").orElse(Instant.EPOCH);
  }

  static SaleEvent sale(ApiContext context, JsonNode order, @Nullable JsonNode customer) {
    String id = JsonBodies.required(order, "id", "order");
    JsonNode totalMoney = order.path("total_money");
    String currency =
        JsonBodies.currency(
            text(totalMoney, "currency")
                .orElseThrow(() -> new NormalizationFailed("order " + id + " has no total_money")));
    boolean inclusive = false;
    BigDecimal rate = null;
    JsonNode taxes = order.path("taxes");
    if (taxes.size() == 1) {
      inclusive = "INCLUSIVE".equals(text(taxes.get(0), "type").orElse(""));
      rate =
          JsonBodies.decimal(taxes.get(0), "percentage")
              .map(
                  p ->
                      p.divide(BigDecimal.valueOf(100), Amounts.RATE_SCALE, RoundingMode.HALF_EVEN))
              .orElse(null);
    }
    List<LineItem> lines = new ArrayList<>();
    BigDecimal subtotal = BigDecimal.ZERO;
    for (JsonNode line : order.path("line_items")) {
      BigDecimal quantity =
          JsonBodies.decimal(line, "quantity")
              .orElseThrow(() -> new NormalizationFailed("a line item has no quantity"));
      BigDecimal unit = minor(line.path("base_price_money"), currency).orElse(BigDecimal.ZERO);
      Optional<BigDecimal> tax = minor(line.path("total_tax_money"), currency);
      Optional<BigDecimal> discount =
          minor(line.path("total_discount_money"), currency).filter(d -> d.signum() != 0);
      Optional<BigDecimal> total = minor(line.path("total_money"), currency);
      subtotal = subtotal.add(unit.multiply(quantity));
      String name =
          text(line, "name").orElse("Item")
              + text(line, "variation_name")
                  .filter(v -> !v.isBlank())
                  .map(v -> " (" + v + ")")
                  .orElse("");
      boolean taxed = tax.map(t -> t.signum() != 0).orElse(false);
      lines.add(
          LineItem.newBuilder()
              .setSku(text(line, "catalog_object_id").orElse(null))
              .setName(name)
              .setQuantity(Amounts.quantity(quantity))
              .setUnitPrice(JsonBodies.money(unit, currency))
              .setDiscount(discount.map(d -> JsonBodies.money(d, currency)).orElse(null))
              .setTaxRate(taxed && rate != null ? Amounts.rate(rate) : null)
              .setExternalId(text(line, "uid").orElse(null))
              .setTaxed(tax.isPresent() ? taxed : null)
              .setTaxAmount(tax.map(t -> JsonBodies.money(t, currency)).orElse(null))
              // The line's worth after its discount, before tax unless the tax is inclusive.
              .setLineTotal(
                  total
                      .map(t -> inclusiveOr(t, tax.orElse(BigDecimal.ZERO), tax.isPresent()))
                      .map(t -> JsonBodies.money(t, currency))
                      .orElse(null))
              .build());
      if (inclusive) {
        LineItem last = lines.get(lines.size() - 1);
        total.ifPresent(t -> last.setLineTotal(JsonBodies.money(t, currency)));
      }
    }
    List<Payment> payments = new ArrayList<>();
    Instant closed = JsonBodies.instant(order, "closed_at").orElse(updatedAt(order));
    for (JsonNode tender : order.path("tenders")) {
      payments.add(
          Payment.newBuilder()
              .setReference(JsonBodies.required(tender, "id", "tender"))
              // A tender's amount includes its tip; the tip is not the order's, so not the
              // invoice's.
              .setAmount(
                  JsonBodies.money(
                      minor(tender.path("amount_money"), currency)
                          .orElse(BigDecimal.ZERO)
                          .subtract(
                              minor(tender.path("tip_money"), currency).orElse(BigDecimal.ZERO)),
                      currency))
              .setMethod(text(tender, "type").map(t -> t.toLowerCase(Locale.ROOT)).orElse(null))
              .setPaidAt(JsonBodies.instant(tender, "created_at").orElse(closed))
              .build());
    }
    Money zero = Amounts.money(BigDecimal.ZERO, currency);
    Instant updated = updatedAt(order);
    return SaleEvent.newBuilder()
        .setEventId(
            context.eventId(
                "order", id, text(order, "version").orElse(Long.toString(updated.toEpochMilli()))))
        .setTenantId(context.tenantId())
        .setConnectionId(context.connectionId().toString())
        .setPlatform(context.platformEnum())
        .setExternalId(id)
        .setKind(SaleKind.COMPLETED)
        .setOccurredAt(closed)
        .setReplay(false)
        .setOrderNumber(
            text(order, "reference_id").or(() -> text(order, "ticket_name")).orElse(null))
        .setCurrency(currency)
        .setTaxesIncluded(inclusive)
        .setCustomer(customer == null ? null : party(customer).orElse(null))
        .setLines(lines)
        .setTotals(
            SaleTotals.newBuilder()
                .setSubtotal(JsonBodies.money(subtotal, currency))
                .setDiscountTotal(money(order.path("total_discount_money"), currency).orElse(zero))
                .setTaxTotal(money(order.path("total_tax_money"), currency).orElse(zero))
                .setShippingTotal(zero)
                .setTotal(money(totalMoney, currency).orElse(zero))
                .build())
        .setAccountId(context.accountId())
        .setPayments(payments)
        .setPaid(payments.isEmpty() ? null : Boolean.TRUE)
        .build();
  }

  private static BigDecimal inclusiveOr(BigDecimal total, BigDecimal tax, boolean hasTax) {
    return hasTax ? total.subtract(tax) : total;
  }

  private static Optional<BigDecimal> minor(JsonNode money, String currency) {
    if (!money.isObject() || !money.path("amount").isIntegralNumber()) {
      return Optional.empty();
    }
    return Optional.of(JsonBodies.fromMinorUnits(money.path("amount"), currency));
  }

  private static Optional<Money> money(JsonNode money, String currency) {
    return minor(money, currency).map(a -> JsonBodies.money(a, currency));
  }

  /** A Square {@code Customer}. */
  static Optional<Party> party(JsonNode c) {
    if (!c.isObject()) {
      return Optional.empty();
    }
    String person =
        (text(c, "given_name").orElse("") + " " + text(c, "family_name").orElse("")).trim();
    JsonNode a = c.path("address");
    return Optional.of(
        Party.newBuilder()
            .setExternalId(text(c, "id").orElse(null))
            .setName(text(c, "company_name").orElse(person.isEmpty() ? null : person))
            .setEmail(text(c, "email_address").orElse(null))
            .setPhone(text(c, "phone_number").orElse(null))
            .setTaxId(null)
            .setAddress(
                a.isObject()
                    ? Address.newBuilder()
                        .setLine1(text(a, "address_line_1").orElse(null))
                        .setLine2(text(a, "address_line_2").orElse(null))
                        .setCity(text(a, "locality").orElse(null))
                        .setRegion(text(a, "administrative_district_level_1").orElse(null))
                        .setPostalCode(text(a, "postal_code").orElse(null))
                        .setCountry(text(a, "country").orElse(null))
                        .build()
                    : null)
            .build());
  }
}
