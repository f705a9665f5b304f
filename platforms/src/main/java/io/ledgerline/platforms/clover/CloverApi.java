package io.ledgerline.platforms.clover;

import static io.ledgerline.platforms.normalization.JsonBodies.text;

import io.ledgerline.events.Amounts;
import io.ledgerline.events.LineItem;
import io.ledgerline.events.Money;
import io.ledgerline.events.Party;
import io.ledgerline.events.Payment;
import io.ledgerline.events.Refund;
import io.ledgerline.events.SaleEvent;
import io.ledgerline.events.SaleKind;
import io.ledgerline.events.SaleTotals;
import io.ledgerline.platforms.api.ApiClient;
import io.ledgerline.platforms.api.ApiContext;
import io.ledgerline.platforms.api.ApiFailure;
import io.ledgerline.platforms.api.ApiRequest;
import io.ledgerline.platforms.api.Cursor;
import io.ledgerline.platforms.api.Fetched;
import io.ledgerline.platforms.api.ObjectGone;
import io.ledgerline.platforms.api.ObjectRef;
import io.ledgerline.platforms.api.Page;
import io.ledgerline.platforms.api.PlatformApi;
import io.ledgerline.platforms.normalization.JsonBodies;
import io.ledgerline.platforms.normalization.NormalizationFailed;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import tools.jackson.databind.JsonNode;

/**
 * Clover's REST API v3 for the connection's merchant (the account id): {@code GET
 * /v3/merchants/{mId}/orders/{orderId}?expand=lineItems,payments,refunds,customers} for an order a
 * webhook named; {@code GET
 * /v3/merchants/{mId}/orders?filter=modifiedTime>=<ms>&orderBy=modifiedTime ASC&limit=100&offset=N}
 * (same expansions) for a pull, the next page at {@code offset + 100} while a page is full. A paid
 * order ({@code paymentState} {@code PAID}) is a completed sale: its line items (one per unit,
 * {@code price} in cents; {@code unitQty} in thousandths for items sold by quantity), its payments,
 * its first customer. The invoice is of what was sold, refunded line items included: each of the
 * order's {@code refunds} (a refund is not edited once made; a {@code voided} one is left out) is a
 * refunded sale of the order for its {@code amount} in cents (tax included, as Clover states it),
 * credited over the invoice's lines, its id the credit's, so a partial refund credits that much, a
 * full one the rest, and one refund is one credit note however often the order is fetched. An order
 * that was paid and whose payments are all {@code VOIDED} (none left {@code SUCCESS}) is a void of
 * its sale ({@code void:<order id>}). A deleted order is not fetched (it is gone) and emits
 * nothing: Clover has a paid order refunded or voided before it can be deleted.
 */
final class CloverApi implements PlatformApi {

  static final String ORDER = "order";
  private static final int LIMIT = 100;
  private static final String EXPAND = "lineItems,payments.tender,refunds,customers";
  private static final Set<String> SOLD = Set.of("PAID", "PARTIALLY_REFUNDED", "REFUNDED");

  @Override
  public List<String> pullTypes() {
    return List.of(ORDER);
  }

  @Override
  public Fetched fetch(ApiClient client, ApiContext context, ObjectRef ref) {
    if (!ORDER.equals(ref.objectType())) {
      return Fetched.nothing("Clover " + ref.objectType() + ": not fetched");
    }
    if (ref.action().equals("delete")) {
      return Fetched.nothing("Clover order " + ref.externalId() + " deleted");
    }
    if (!ref.externalId().matches("[A-Z0-9]{1,32}")) {
      throw new ObjectGone("not a Clover order id: " + ref.externalId());
    }
    ApiRequest request =
        ApiRequest.get(merchant(context) + "/orders/" + ref.externalId()).with("expand", EXPAND);
    JsonNode order = ApiFailure.require(request, client.send(request)).json();
    Instant version = modified(order);
    List<SpecificRecord> events = events(context, order);
    if (events.isEmpty()) {
      return Fetched.nothing(
          "Clover order "
              + ref.externalId()
              + " is "
              + text(order, "paymentState").orElse("unpaid"),
          version);
    }
    return new Fetched(
        events,
        "Clover order "
            + ref.externalId()
            + " "
            + text(order, "paymentState").orElse("voided").toLowerCase(Locale.ROOT),
        version);
  }

  /**
   * What an order is: nothing (open, unpaid), the void of its sale, or its sale followed by its
   * refunds.
   */
  static List<SpecificRecord> events(ApiContext context, JsonNode order) {
    if (voided(order)) {
      return List.of(voidOf(context, order));
    }
    if (!sold(order)) {
      return List.of();
    }
    List<SpecificRecord> events = new ArrayList<>();
    events.add(sale(context, order));
    for (JsonNode refund : order.path("refunds").path("elements")) {
      if (!refund.path("voided").asBoolean(false)) {
        events.add(refund(context, order, refund));
      }
    }
    return events;
  }

  @Override
  public Page page(ApiClient client, ApiContext context, String objectType, String cursorText) {
    if (!ORDER.equals(objectType)) {
      throw new IllegalArgumentException("Clover pulls orders, not " + objectType);
    }
    Cursor cursor = Cursor.parse(cursorText);
    Instant since = cursor.since();
    int offset = cursor.get("offset").map(Integer::parseInt).orElse(0);
    ApiRequest request =
        ApiRequest.get(merchant(context) + "/orders")
            .with("filter", "modifiedTime>=" + since.toEpochMilli())
            .with("orderBy", "modifiedTime ASC")
            .with("expand", EXPAND)
            .with("limit", Integer.toString(LIMIT))
            .with("offset", Integer.toString(offset));
    JsonNode answer = ApiFailure.require(request, client.send(request)).json();
    List<SpecificRecord> events = new ArrayList<>();
    int fetched = 0;
    int skipped = 0;
    int failed = 0;
    Instant highWater = cursor.highWater();
    for (JsonNode order : answer.path("elements")) {
      fetched++;
      Instant m = modified(order);
      if (m.isAfter(highWater)) {
        highWater = m;
      }
      try {
        List<SpecificRecord> of = events(context, order);
        if (of.isEmpty()) {
          skipped++;
        }
        events.addAll(of);
      } catch (NormalizationFailed | ArithmeticException e) {
        failed++;
      }
    }
    String next =
        fetched == LIMIT
            ? cursor.seen(highWater).with("offset", Integer.toString(offset + LIMIT)).text()
            : null;
    return new Page(events, fetched, skipped, failed, next, Cursor.since(highWater).text());
  }

  private static String merchant(ApiContext context) {
    String merchant = context.accountId();
    if (merchant == null || !merchant.matches("[A-Z0-9]{1,32}")) {
      throw new ApiFailure(0, "the connection has no Clover merchant id");
    }
    return "/v3/merchants/" + merchant;
  }

  /** Paid, and perhaps refunded since: sold, so invoiced, its refunds credit notes. */
  private static boolean sold(JsonNode order) {
    return SOLD.contains(text(order, "paymentState").orElse(""));
  }

  /** It had payments and every one of them was voided. */
  private static boolean voided(JsonNode order) {
    boolean any = false;
    for (JsonNode payment : order.path("payments").path("elements")) {
      String result = text(payment, "result").orElse("SUCCESS");
      if (!"VOIDED".equals(result)) {
        return false;
      }
      any = true;
    }
    return any;
  }

  private static SaleEvent voidOf(ApiContext context, JsonNode order) {
    String id = JsonBodies.required(order, "id", "order");
    return SaleEvent.newBuilder(sale(context, order))
        .setKind(SaleKind.VOIDED)
        .setOccurredAt(modified(order))
        .setPayments(List.of())
        .setPaid(null)
        .setRefund(
            Refund.newBuilder()
                .setRefundId("void:" + id)
                .setReason("payment voided")
                .setFull(true)
                .build())
        .build();
  }

  /** One refund of the order: its amount, tax included, credited over the invoice's lines. */
  private static SaleEvent refund(ApiContext context, JsonNode order, JsonNode refund) {
    String orderId = JsonBodies.required(order, "id", "order");
    String refundId = JsonBodies.required(refund, "id", "refund");
    SaleEvent sale = sale(context, order);
    String currency = sale.getCurrency();
    Money amount = JsonBodies.money(cents(refund.path("amount"), currency), currency);
    if (amount.getAmount().signum() <= 0) {
      throw new NormalizationFailed("refund " + refundId + " has no amount");
    }
    Money zero = Amounts.money(BigDecimal.ZERO, currency);
    return SaleEvent.newBuilder(sale)
        .setEventId(context.eventId("refund", orderId, refundId))
        .setKind(SaleKind.REFUNDED)
        .setOccurredAt(
            JsonBodies.instant(refund, "clientCreatedTime")
                .or(() -> JsonBodies.instant(refund, "createdTime"))
                .orElse(modified(order)))
        .setLines(List.of())
        .setPayments(List.of())
        .setPaid(null)
        .setTotals(
            SaleTotals.newBuilder()
                .setSubtotal(zero)
                .setDiscountTotal(zero)
                .setTaxTotal(JsonBodies.money(cents(refund.path("taxAmount"), currency), currency))
                .setShippingTotal(zero)
                .setTotal(amount)
                .build())
        .setRefund(
            Refund.newBuilder()
                .setRefundId(refundId)
                .setReason(text(refund, "reason").orElse(null))
                .setAdjustments(
                    List.of(
                        LineItem.newBuilder()
                            .setName("Clover refund")
                            .setQuantity(Amounts.quantity(BigDecimal.ONE))
                            .setUnitPrice(amount)
                            .setLineTotal(amount)
                            .build()))
                .build())
        .build();
  }

  private static Instant modified(JsonNode order) {
    return JsonBodies.instant(order, "modifiedTime").orElse(Instant.EPOCH);
  }

  static SaleEvent sale(ApiContext context, JsonNode order) {
    String id = JsonBodies.required(order, "id", "order");
    String currency =
        JsonBodies.currency(
            text(order, "currency")
                .orElseGet(() -> context.currency() == null ? "" : context.currency()));
    List<LineItem> lines = new ArrayList<>();
    BigDecimal subtotal = BigDecimal.ZERO;
    for (JsonNode item : order.path("lineItems").path("elements")) {
      // A refunded item was sold: it stays on the invoice and its refund is a credit note.
      if (item.path("exchanged").asBoolean(false)) {
        continue;
      }
      BigDecimal price = cents(item.path("price"), currency);
      BigDecimal quantity =
          item.path("unitQty").isIntegralNumber()
              ? new BigDecimal(item.path("unitQty").bigIntegerValue(), 3)
              : BigDecimal.ONE;
      subtotal = subtotal.add(price.multiply(quantity));
      lines.add(
          LineItem.newBuilder()
              .setSku(text(item, "itemCode").or(() -> text(item.path("item"), "id")).orElse(null))
              .setName(text(item, "name").orElse("Item"))
              .setQuantity(Amounts.quantity(JsonBodies.bounded(quantity, Amounts.SCALE, "unitQty")))
              .setUnitPrice(JsonBodies.money(price, currency))
              .setTaxRate(
                  context.mapping().defaultTaxRate() == null
                      ? null
                      : Amounts.rate(context.mapping().defaultTaxRate()))
              .setExternalId(text(item, "id").orElse(null))
              .build());
    }
    BigDecimal total = cents(order.path("total"), currency);
    List<Payment> payments = new ArrayList<>();
    BigDecimal tax = BigDecimal.ZERO;
    Instant modified = modified(order);
    for (JsonNode payment : order.path("payments").path("elements")) {
      if (!"SUCCESS".equals(text(payment, "result").orElse("SUCCESS"))) {
        continue;
      }
      if (payment.path("taxAmount").isIntegralNumber()) {
        tax = tax.add(cents(payment.path("taxAmount"), currency));
      }
      payments.add(
          Payment.newBuilder()
              .setReference(JsonBodies.required(payment, "id", "payment"))
              .setAmount(JsonBodies.money(cents(payment.path("amount"), currency), currency))
              .setMethod(
                  text(payment.path("tender"), "label")
                      .map(l -> l.toLowerCase(Locale.ROOT))
                      .orElse(null))
              .setPaidAt(JsonBodies.instant(payment, "createdTime").orElse(modified))
              .build());
    }
    Money zero = Amounts.money(BigDecimal.ZERO, currency);
    JsonNode customer = order.path("customers").path("elements").path(0);
    return SaleEvent.newBuilder()
        .setEventId(context.eventId(ORDER, id, Long.toString(modified.toEpochMilli())))
        .setTenantId(context.tenantId())
        .setConnectionId(context.connectionId().toString())
        .setPlatform(context.platformEnum())
        .setExternalId(id)
        .setKind(SaleKind.COMPLETED)
        .setOccurredAt(
            JsonBodies.instant(order, "clientCreatedTime")
                .or(() -> JsonBodies.instant(order, "createdTime"))
                .orElse(modified))
        .setReplay(false)
        .setOrderNumber(text(order, "title").orElse(null))
        .setCurrency(currency)
        .setTaxesIncluded(false)
        .setCustomer(customer.isObject() ? party(customer) : null)
        .setLines(lines)
        .setTotals(
            SaleTotals.newBuilder()
                .setSubtotal(JsonBodies.money(subtotal, currency))
                .setDiscountTotal(zero)
                .setTaxTotal(JsonBodies.money(tax, currency))
                .setShippingTotal(zero)
                .setTotal(JsonBodies.money(total, currency))
                .build())
        .setAccountId(context.accountId())
        .setPayments(payments)
        .setPaid(Boolean.TRUE)
        .build();
  }

  private static Party party(JsonNode c) {
    String name = (text(c, "firstName").orElse("") + " " + text(c, "lastName").orElse("")).trim();
    return Party.newBuilder()
        .setExternalId(text(c, "id").orElse(null))
        .setName(name.isEmpty() ? null : name)
        .setEmail(
            text(c.path("emailAddresses").path("elements").path(0), "emailAddress").orElse(null))
        .setPhone(text(c.path("phoneNumbers").path("elements").path(0), "phoneNumber").orElse(null))
        .setTaxId(null)
        .setAddress(null)
        .build();
  }

  private static BigDecimal cents(JsonNode amount, String currency) {
    if (amount.isMissingNode() || amount.isNull()) {
      return BigDecimal.ZERO;
    }
    return JsonBodies.fromMinorUnits(amount, currency);
  }
}
