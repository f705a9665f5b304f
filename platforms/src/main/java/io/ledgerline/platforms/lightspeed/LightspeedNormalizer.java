package io.ledgerline.platforms.lightspeed;

import static io.ledgerline.platforms.normalization.JsonBodies.decimal;
import static io.ledgerline.platforms.normalization.JsonBodies.money;
import static io.ledgerline.platforms.normalization.JsonBodies.text;

import io.ledgerline.events.Amounts;
import io.ledgerline.events.LineItem;
import io.ledgerline.events.Money;
import io.ledgerline.events.Party;
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
import java.math.RoundingMode;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Lightspeed Retail X-Series (formerly Vend): an {@code application/x-www-form-urlencoded} body
 * with {@code type} ({@code sale.update}...), {@code domain_prefix} and {@code payload}, the API
 * 1.0 object as JSON. Only {@code sale.*} types are sales; others emit nothing.
 *
 * <ul>
 *   <li>status CLOSED, ONACCOUNT_CLOSED, LAYBY_CLOSED: a completed sale; VOIDED: a voided sale;
 *       anything else (SAVED, ONACCOUNT, LAYBY, OPEN...) is not finished and emits nothing.
 *   <li>a return (a closed sale with {@code return_for}, or with lines going back): a refund of the
 *       returned sale, with positive amounts, the return's id as the refund's.
 *   <li>each line carries its id and its tax ({@code tax_total}, else {@code tax × quantity}); the
 *       account is the form's {@code domain_prefix}.
 *   <li>amounts are rounded half-even to 4 places (X-Series keeps 5 for tax-exclusive prices).
 *   <li>lines: {@code price} is the unit price after the unit {@code discount}, before tax; the
 *       line's list price is their sum and its discount {@code discount × quantity}, so the net is
 *       {@code price_total}. The rate is {@code tax_rate}, else {@code tax / price} to 6 places.
 *   <li>totals: subtotal {@code total_price}, tax {@code total_tax}, total their sum (not {@code
 *       total_payment}, which is short of it while a layby is being paid).
 *   <li>the currency: the payload's {@code currency} when it has one, else the connection's ({@link
 *       WebhookContext#currency()}); API 1.0 sales do not name theirs, so a connection without a
 *       currency cannot normalize them.
 * </ul>
 */
final class LightspeedNormalizer implements WebhookNormalizer {

  private static final Set<String> COMPLETED = Set.of("CLOSED", "ONACCOUNT_CLOSED", "LAYBY_CLOSED");

  @Override
  public String platform() {
    return LightspeedPlatform.ID;
  }

  @Override
  public Normalized normalize(WebhookContext context, byte[] body) {
    Map<String, String> form = form(body);
    String type = form.get("type");
    String payloadJson = form.get("payload");
    if (type == null || type.isBlank()) {
      throw new NormalizationFailed("form has no type");
    }
    if (payloadJson == null || payloadJson.isBlank()) {
      throw new NormalizationFailed("form has no payload");
    }
    JsonNode payload = JsonBodies.parse(payloadJson);
    if (!payload.isObject()) {
      throw new NormalizationFailed("payload is not a JSON object");
    }
    if (!type.startsWith("sale.")) {
      return Normalized.nothing(Optional.empty(), "Lightspeed " + type + ": nothing to invoice");
    }
    String saleId = JsonBodies.required(payload, "id", "sale");
    String status = JsonBodies.required(payload, "status", "sale").toUpperCase(Locale.ROOT);
    Optional<SaleKind> kind = kind(status);
    if (kind.isEmpty()) {
      return Normalized.nothing(
          Optional.empty(), "Lightspeed " + type + ": sale " + saleId + " is " + status);
    }
    String currency =
        text(payload, "currency")
            .or(() -> Optional.ofNullable(context.currency()))
            .map(JsonBodies::currency)
            .orElseThrow(
                () ->
                    new NormalizationFailed(
                        "the sale names no currency and the connection has none"));
    SaleEvent sale =
        event(
            SaleEvent.newBuilder()
                .setEventId(context.eventId(0))
                .setTenantId(context.tenantId())
                .setConnectionId(context.connectionId().toString())
                .setReplay(context.replay()),
            payload,
            kind.get(),
            currency,
            context.receivedAt());
    sale.setAccountId(form.get("domain_prefix"));
    return new Normalized(
        List.of(sale),
        Optional.empty(),
        "Lightspeed "
            + type
            + ": "
            + sale.getKind().name().toLowerCase(Locale.ROOT)
            + " sale "
            + Optional.ofNullable(sale.getOrderNumber()).orElse(saleId)
            + ", "
            + sale.getTotals().getTotal().getAmount().toPlainString()
            + " "
            + currency);
  }

  /** What a sale's status makes it: completed, voided, or (not finished) nothing. */
  static Optional<SaleKind> kind(String status) {
    String upper = status.toUpperCase(Locale.ROOT);
    if (COMPLETED.contains(upper)) {
      return Optional.of(SaleKind.COMPLETED);
    }
    if ("VOIDED".equals(upper)) {
      return Optional.of(SaleKind.VOIDED);
    }
    return Optional.empty();
  }

  /**
   * A finished sale in the API 1.0 shape as an event (a return as a refund of the sale it returns):
   * the one normalizer of webhooks and of sales read through the API ({@link LightspeedApi} reads
   * API 2.0 sales into this shape).
   *
   * @param ids the builder with the event id, tenant, connection and replay set
   * @param fallbackTime the event time when the sale names none
   */
  static SaleEvent event(
      SaleEvent.Builder ids,
      JsonNode payload,
      SaleKind kind,
      String currency,
      java.time.Instant fallbackTime) {
    String saleId = JsonBodies.required(payload, "id", "sale");
    SaleEvent sale = sale(ids, payload, saleId, kind, currency, fallbackTime);
    if (kind == SaleKind.COMPLETED && isReturn(payload, sale)) {
      sale = asReturn(payload, sale, saleId);
    }
    return sale;
  }

  private static SaleEvent sale(
      SaleEvent.Builder ids,
      JsonNode payload,
      String saleId,
      SaleKind kind,
      String currency,
      java.time.Instant fallbackTime) {
    List<LineItem> lines = new ArrayList<>();
    BigDecimal discounts = BigDecimal.ZERO;
    JsonNode products = payload.path("register_sale_products");
    if (!products.isMissingNode() && !products.isNull() && !products.isArray()) {
      throw new NormalizationFailed("register_sale_products is not a list");
    }
    for (JsonNode product : products) {
      BigDecimal quantity = decimal(product, "quantity").orElse(BigDecimal.ONE);
      BigDecimal price =
          JsonBodies.roundedDecimal(product, "price")
              .orElseThrow(() -> new NormalizationFailed("a sale line has no price"));
      BigDecimal unitDiscount =
          JsonBodies.roundedDecimal(product, "discount").orElse(BigDecimal.ZERO);
      BigDecimal lineDiscount = unitDiscount.multiply(quantity);
      discounts = discounts.add(lineDiscount);
      lines.add(
          LineItem.newBuilder()
              .setSku(text(product, "sku").orElse(null))
              .setName(
                  text(product, "name")
                      .or(() -> text(product, "sku"))
                      .or(() -> text(product, "product_id"))
                      .orElse("(unnamed item)"))
              .setExternalId(text(product, "id").orElse(null))
              .setQuantity(Amounts.quantity(quantity))
              .setUnitPrice(money(price.add(unitDiscount), currency))
              .setDiscount(lineDiscount.signum() == 0 ? null : money(lineDiscount, currency))
              .setTaxRate(taxRate(product, price).orElse(null))
              .setTaxAmount(lineTax(product, quantity).map(t -> money(t, currency)).orElse(null))
              .build());
    }
    JsonNode totals = payload.path("totals");
    BigDecimal subtotal =
        JsonBodies.roundedDecimal(totals, "total_price")
            .or(() -> JsonBodies.roundedDecimal(payload, "total_price"))
            .orElse(null);
    BigDecimal tax =
        JsonBodies.roundedDecimal(totals, "total_tax")
            .or(() -> JsonBodies.roundedDecimal(payload, "total_tax"))
            .orElse(null);
    if (subtotal == null || tax == null) {
      throw new NormalizationFailed("sale has no totals");
    }
    return SaleEvent.newBuilder(ids)
        .setPlatform(Platform.LIGHTSPEED)
        .setExternalId(saleId)
        .setKind(kind)
        .setOccurredAt(
            JsonBodies.instant(payload, "sale_date")
                .or(() -> JsonBodies.instant(payload, "updated_at"))
                .orElse(fallbackTime))
        .setOrderNumber(text(payload, "invoice_number").orElse(null))
        .setCurrency(currency)
        .setTaxesIncluded(false)
        .setCustomer(customer(payload).orElse(null))
        .setLines(lines)
        .setTotals(
            SaleTotals.newBuilder()
                .setSubtotal(money(subtotal, currency))
                .setDiscountTotal(money(discounts, currency))
                .setTaxTotal(money(tax, currency))
                .setShippingTotal(money(BigDecimal.ZERO, currency))
                .setTotal(money(subtotal.add(tax), currency))
                .build())
        .build();
  }

  /**
   * The tax X-Series charged on a line: {@code tax_total}, else the unit {@code tax} × quantity.
   */
  private static Optional<BigDecimal> lineTax(JsonNode product, BigDecimal quantity) {
    return JsonBodies.roundedDecimal(product, "tax_total")
        .or(() -> JsonBodies.roundedDecimal(product, "tax").map(t -> t.multiply(quantity)))
        .map(t -> t.setScale(Amounts.SCALE, RoundingMode.HALF_EVEN));
  }

  /** A return: a sale that names the sale it returns, or whose lines go back (negative). */
  private static boolean isReturn(JsonNode payload, SaleEvent sale) {
    return text(payload, "return_for").isPresent()
        || sale.getLines().stream().anyMatch(l -> l.getQuantity().signum() < 0);
  }

  /**
   * A return is a refund of the sale it names ({@code return_for}; without one, of itself): its
   * lines with positive quantities and amounts, matched to the sale's lines by sku or name, the
   * return's own id as the refund's, so one return makes one credit note.
   */
  private static SaleEvent asReturn(JsonNode payload, SaleEvent sale, String saleId) {
    List<LineItem> lines = new ArrayList<>();
    for (LineItem line : sale.getLines()) {
      BigDecimal quantity = line.getQuantity().abs();
      Money unit = abs(line.getUnitPrice());
      Money discount = line.getDiscount() == null ? null : abs(line.getDiscount());
      BigDecimal net =
          quantity
              .multiply(unit.getAmount())
              .subtract(discount == null ? BigDecimal.ZERO : discount.getAmount());
      lines.add(
          LineItem.newBuilder(line)
              .setQuantity(Amounts.quantity(quantity))
              .setUnitPrice(unit)
              .setDiscount(discount)
              .setLineTotal(money(net, sale.getCurrency()))
              .setTaxAmount(line.getTaxAmount() == null ? null : abs(line.getTaxAmount()))
              .setLineRef(null)
              .build());
    }
    SaleTotals t = sale.getTotals();
    return SaleEvent.newBuilder(sale)
        .setKind(SaleKind.REFUNDED)
        .setExternalId(text(payload, "return_for").orElse(saleId))
        .setLines(lines)
        .setRefund(
            Refund.newBuilder()
                .setRefundId(saleId)
                .setReason(text(payload, "note").orElse("return"))
                .build())
        .setTotals(
            SaleTotals.newBuilder()
                .setSubtotal(abs(t.getSubtotal()))
                .setDiscountTotal(abs(t.getDiscountTotal()))
                .setTaxTotal(abs(t.getTaxTotal()))
                .setShippingTotal(abs(t.getShippingTotal()))
                .setTotal(abs(t.getTotal()))
                .build())
        .build();
  }

  private static Money abs(Money money) {
    return new Money(money.getAmount().abs(), money.getCurrency());
  }

  private static Optional<BigDecimal> taxRate(JsonNode product, BigDecimal price) {
    Optional<BigDecimal> stated = JsonBodies.decimalRate(product, "tax_rate");
    if (stated.isPresent()) {
      return stated.map(Amounts::rate);
    }
    Optional<BigDecimal> tax = JsonBodies.roundedDecimal(product, "tax");
    if (tax.isEmpty() || price.signum() == 0) {
      return Optional.empty();
    }
    return Optional.of(
        Amounts.rate(tax.get().divide(price, Amounts.RATE_SCALE, RoundingMode.HALF_UP)));
  }

  private static Optional<Party> customer(JsonNode payload) {
    JsonNode customer = payload.path("customer");
    if (!customer.isObject()) {
      return Optional.empty();
    }
    String joined =
        (text(customer, "first_name").orElse("") + " " + text(customer, "last_name").orElse(""))
            .trim();
    Optional<String> name =
        text(customer, "name")
            .or(() -> joined.isEmpty() ? Optional.empty() : Optional.of(joined))
            .or(() -> text(customer, "company_name"));
    return Optional.of(
        Party.newBuilder()
            .setExternalId(text(customer, "id").or(() -> text(payload, "customer_id")).orElse(null))
            .setName(name.orElse(null))
            .setEmail(text(customer, "email").orElse(null))
            .setPhone(text(customer, "phone").or(() -> text(customer, "mobile")).orElse(null))
            .setTaxId(null)
            .setAddress(null)
            .build());
  }

  /** First value of each field; a bad percent escape or invalid UTF-8 is malformed. */
  static Map<String, String> form(byte[] body) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString();
    } catch (CharacterCodingException e) {
      throw NormalizationFailed.malformed("form data is not UTF-8");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : text.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      fields.putIfAbsent(decode(name), decode(value));
    }
    return fields;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw NormalizationFailed.malformed("bad percent escape in form data");
    }
  }
}
