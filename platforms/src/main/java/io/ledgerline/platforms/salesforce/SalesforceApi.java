package io.ledgerline.platforms.salesforce;

import io.ledgerline.events.Address;
import io.ledgerline.events.Amounts;
import io.ledgerline.events.DealEvent;
import io.ledgerline.events.DealKind;
import io.ledgerline.events.LineItem;
import io.ledgerline.events.Party;
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
import io.ledgerline.platforms.mapping.ConnectionMapping;
import io.ledgerline.platforms.normalization.JsonBodies;
import io.ledgerline.platforms.normalization.NormalizationFailed;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import tools.jackson.databind.JsonNode;

/**
 * Salesforce's REST API ({@code /services/data/v60.0}, on the org's instance URL): one SOQL query
 * reads an Opportunity with its OpportunityLineItems (product name and code), its Account and its
 * primary contact (the OpportunityContactRole marked {@code IsPrimary}).
 *
 * <ul>
 *   <li>Fetch: {@code SELECT ... FROM Opportunity WHERE Id = '<id>'}; an id that is not 15 or 18
 *       alphanumerics, or no record, is gone.
 *   <li>Pull: {@code ... WHERE SystemModstamp >= <since> ORDER BY SystemModstamp, Id}, paged by the
 *       answer's {@code nextRecordsUrl} until {@code done}.
 *   <li>Won: {@code IsWon} (the stage's own flag), unless the mapping names won stages ({@code
 *       StageName} values).
 *   <li>Currency: the connection's currency (single-currency orgs do not have {@code
 *       CurrencyIsoCode}; querying it there fails), else the org's {@code DefaultCurrencyIsoCode}.
 * </ul>
 */
final class SalesforceApi implements PlatformApi {

  static final String OPPORTUNITY = "Opportunity";
  static final String VERSION = "/services/data/v60.0";
  private static final DateTimeFormatter SOQL_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private static final String FIELDS =
      "Id, Name, StageName, IsWon, Amount, CloseDate, SystemModstamp,"
          + " Account.Id, Account.Name, Account.Phone, Account.BillingStreet, Account.BillingCity,"
          + " Account.BillingState, Account.BillingPostalCode, Account.BillingCountryCode,"
          + " (SELECT Id, Quantity, UnitPrice, TotalPrice, Discount, Product2.Name,"
          + " Product2.ProductCode FROM OpportunityLineItems ORDER BY SortOrder),"
          + " (SELECT Contact.Id, Contact.Name, Contact.Email, Contact.Phone"
          + " FROM OpportunityContactRoles WHERE IsPrimary = true)";

  @Override
  public List<String> pullTypes() {
    return List.of(OPPORTUNITY);
  }

  @Override
  public Fetched fetch(ApiClient client, ApiContext context, ObjectRef ref) {
    if (!OPPORTUNITY.equals(ref.objectType())) {
      return Fetched.nothing("Salesforce " + ref.objectType() + ": not invoiced");
    }
    if (!ref.externalId().matches("[A-Za-z0-9]{15}|[A-Za-z0-9]{18}")) {
      throw new ObjectGone("not a Salesforce id: " + ref.externalId());
    }
    JsonNode answer =
        query(
            client, "SELECT " + FIELDS + " FROM Opportunity WHERE Id = '" + ref.externalId() + "'");
    JsonNode records = answer.path("records");
    if (records.isEmpty()) {
      throw new ObjectGone("Opportunity " + ref.externalId() + " does not exist");
    }
    JsonNode record = records.get(0);
    Instant version = modstamp(record);
    if (!won(context, record)) {
      return Fetched.nothing(
          "Salesforce Opportunity "
              + ref.externalId()
              + " at stage "
              + JsonBodies.text(record, "StageName").orElse("?")
              + ": not won",
          version);
    }
    return new Fetched(
        List.of(deal(client, context, record)),
        "Salesforce Opportunity " + ref.externalId() + " won",
        version);
  }

  @Override
  public Page page(ApiClient client, ApiContext context, String objectType, String cursorText) {
    if (!OPPORTUNITY.equals(objectType)) {
      throw new IllegalArgumentException("Salesforce pulls Opportunity, not " + objectType);
    }
    Cursor cursor = Cursor.parse(cursorText);
    Instant since = cursor.since();
    JsonNode answer;
    Optional<String> nextUrl = cursor.get("nextRecordsUrl");
    if (nextUrl.isPresent()) {
      if (!nextUrl.get().startsWith(VERSION + "/query/")) {
        throw new IllegalArgumentException("not a Salesforce query locator");
      }
      ApiRequest request = ApiRequest.get(nextUrl.get());
      answer = ApiFailure.require(request, client.send(request)).json();
    } else {
      answer =
          query(
              client,
              "SELECT "
                  + FIELDS
                  + " FROM Opportunity WHERE SystemModstamp >= "
                  // SOQL datetimes take whole seconds: read from the second (again at most a
                  // little).
                  + SOQL_TIME.format(since.truncatedTo(ChronoUnit.SECONDS))
                  + " ORDER BY SystemModstamp, Id");
    }
    List<SpecificRecord> events = new ArrayList<>();
    int fetched = 0;
    int skipped = 0;
    int failed = 0;
    Instant highWater = cursor.highWater();
    for (JsonNode record : answer.path("records")) {
      fetched++;
      Instant modified = modstamp(record);
      if (modified.isAfter(highWater)) {
        highWater = modified;
      }
      if (!won(context, record)) {
        skipped++;
        continue;
      }
      try {
        events.add(deal(client, context, record));
      } catch (NormalizationFailed | ArithmeticException e) {
        failed++;
      }
    }
    Cursor restart = Cursor.since(highWater);
    String next = null;
    if (!answer.path("done").asBoolean(true)) {
      String url = JsonBodies.required(answer, "nextRecordsUrl", "query result");
      next = cursor.seen(highWater).with("nextRecordsUrl", url).text();
    }
    return new Page(events, fetched, skipped, failed, next, restart.text());
  }

  private static JsonNode query(ApiClient client, String soql) {
    ApiRequest request = ApiRequest.get(VERSION + "/query").with("q", soql);
    return ApiFailure.require(request, client.send(request)).json();
  }

  private static boolean won(ApiContext context, JsonNode record) {
    ConnectionMapping mapping = context.mapping();
    if (!mapping.wonStages().isEmpty()) {
      return mapping.won(JsonBodies.text(record, "StageName").orElse(null), Set.of());
    }
    return record.path("IsWon").asBoolean(false);
  }

  private static DealEvent deal(ApiClient client, ApiContext context, JsonNode o) {
    String id = JsonBodies.required(o, "Id", "Opportunity");
    String currency = currency(client, context);
    List<LineItem> lines = new ArrayList<>();
    BigDecimal rate = context.mapping().defaultTaxRate();
    for (JsonNode item : o.path("OpportunityLineItems").path("records")) {
      JsonNode product = item.path("Product2");
      BigDecimal quantity = JsonBodies.decimal(item, "Quantity").orElse(BigDecimal.ONE);
      BigDecimal unit =
          JsonBodies.decimal(item, "UnitPrice")
              .orElseThrow(() -> new NormalizationFailed("a line item has no UnitPrice"));
      Optional<BigDecimal> total = JsonBodies.decimal(item, "TotalPrice");
      // Discount is a percentage of the line (UnitPrice x Quantity); TotalPrice is after it.
      Optional<BigDecimal> discount =
          total.map(t -> unit.multiply(quantity).subtract(t)).filter(d -> d.signum() > 0);
      lines.add(
          LineItem.newBuilder()
              .setSku(JsonBodies.text(product, "ProductCode").orElse(null))
              .setName(JsonBodies.text(product, "Name").orElse("Opportunity product"))
              .setQuantity(Amounts.quantity(quantity))
              .setUnitPrice(JsonBodies.money(unit, currency))
              .setDiscount(discount.map(d -> JsonBodies.money(d, currency)).orElse(null))
              .setTaxRate(rate == null ? null : Amounts.rate(rate))
              .setExternalId(JsonBodies.text(item, "Id").orElse(null))
              .setLineTotal(total.map(t -> JsonBodies.money(t, currency)).orElse(null))
              .build());
    }
    Instant modified = modstamp(o);
    return DealEvent.newBuilder()
        .setEventId(context.eventId(OPPORTUNITY, id, Long.toString(modified.toEpochMilli())))
        .setTenantId(context.tenantId())
        .setConnectionId(context.connectionId().toString())
        .setPlatform(context.platformEnum())
        .setExternalId(id)
        .setKind(DealKind.WON)
        .setOccurredAt(modified)
        .setReplay(false)
        .setTitle(JsonBodies.text(o, "Name").orElse(null))
        .setStage(JsonBodies.text(o, "StageName").orElse(null))
        .setAmount(
            JsonBodies.decimal(o, "Amount").map(a -> JsonBodies.money(a, currency)).orElse(null))
        .setCustomer(buyer(context, o).orElse(null))
        .setLines(lines)
        .setClosedAt(
            JsonBodies.text(o, "CloseDate")
                .map(d -> LocalDate.parse(d).atStartOfDay(ZoneOffset.UTC).toInstant())
                .orElse(null))
        .setAccountId(context.accountId())
        .build();
  }

  private static Optional<Party> buyer(ApiContext context, JsonNode o) {
    JsonNode account = o.path("Account");
    JsonNode contact = o.path("OpportunityContactRoles").path("records").path(0).path("Contact");
    if (!account.isObject() && !contact.isObject()) {
      return Optional.empty();
    }
    ConnectionMapping.BuyerProperties mapped = context.mapping().buyer();
    Address address =
        account.isObject()
            ? Address.newBuilder()
                .setLine1(JsonBodies.text(account, "BillingStreet").orElse(null))
                .setCity(JsonBodies.text(account, "BillingCity").orElse(null))
                .setRegion(JsonBodies.text(account, "BillingState").orElse(null))
                .setPostalCode(JsonBodies.text(account, "BillingPostalCode").orElse(null))
                .setCountry(JsonBodies.text(account, "BillingCountryCode").orElse(null))
                .build()
            : null;
    return Optional.of(
        Party.newBuilder()
            .setExternalId(
                JsonBodies.text(account, "Id")
                    .or(() -> JsonBodies.text(contact, "Id"))
                    .orElse(null))
            .setName(
                JsonBodies.text(account, "Name")
                    .or(() -> JsonBodies.text(contact, "Name"))
                    .orElse(null))
            .setEmail(JsonBodies.text(contact, "Email").orElse(null))
            .setPhone(
                JsonBodies.text(account, "Phone")
                    .or(() -> JsonBodies.text(contact, "Phone"))
                    .orElse(null))
            // A tax id lives in a custom field (e.g. VAT_Number__c): mapped fields are not queried
            // yet.
            .setTaxId(
                mapped.taxId() == null
                    ? null
                    : JsonBodies.text(account, mapped.taxId()).orElse(null))
            .setAddress(address)
            .build());
  }

  private static String currency(ApiClient client, ApiContext context) {
    if (context.currency() != null) {
      return JsonBodies.currency(context.currency());
    }
    String code =
        context.memo(
            "salesforce.currency",
            () ->
                JsonBodies.text(
                        query(client, "SELECT DefaultCurrencyIsoCode FROM Organization")
                            .path("records")
                            .path(0),
                        "DefaultCurrencyIsoCode")
                    .orElse(""));
    if (code.isEmpty()) {
      throw new NormalizationFailed("the org names no currency");
    }
    return JsonBodies.currency(code);
  }

  /** {@code 2026-10-05T14:02:11.000+0000}: Salesforce writes offsets without a colon. */
  static Instant modstamp(JsonNode record) {
    String text = JsonBodies.required(record, "SystemModstamp", "record");
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx"))
          .toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      return JsonBodies.instant(record, "SystemModstamp").orElseThrow();
    }
  }
}
