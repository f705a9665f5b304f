package io.ledgerline.platforms.zoho;

import static io.ledgerline.platforms.normalization.JsonBodies.text;

import io.ledgerline.events.Address;
import io.ledgerline.events.DealEvent;
import io.ledgerline.events.DealKind;
import io.ledgerline.events.Party;
import io.ledgerline.platforms.api.ApiClient;
import io.ledgerline.platforms.api.ApiContext;
import io.ledgerline.platforms.api.ApiFailure;
import io.ledgerline.platforms.api.ApiRequest;
import io.ledgerline.platforms.api.ApiResponse;
import io.ledgerline.platforms.api.Cursor;
import io.ledgerline.platforms.api.Fetched;
import io.ledgerline.platforms.api.ObjectGone;
import io.ledgerline.platforms.api.ObjectRef;
import io.ledgerline.platforms.api.Page;
import io.ledgerline.platforms.api.PlatformApi;
import io.ledgerline.platforms.normalization.JsonBodies;
import io.ledgerline.platforms.normalization.NormalizationFailed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import tools.jackson.databind.JsonNode;

/**
 * Zoho CRM API v6: {@code GET /crm/v6/Deals/{id}} for a notification, {@code GET /crm/v6/Deals}
 * sorted by {@code Modified_Time} ascending with the {@code If-Modified-Since} header (the cursor's
 * {@code since}) and {@code page_token} paging for a pull; the deal's account ({@code GET
 * /crm/v6/Accounts/{id}}) and contact ({@code GET /crm/v6/Contacts/{id}}) make the buyer. Won:
 * stage {@code Closed Won} unless the mapping names stages. Products are not read yet: the deal's
 * amount is invoiced as one line (sync-worker's rule for a deal without lines).
 */
final class ZohoApi implements PlatformApi {

  static final String DEALS = "Deals";
  private static final Set<String> DEFAULT_WON = Set.of("Closed Won");
  private static final String FIELDS =
      "Deal_Name,Stage,Amount,Currency,Closing_Date,Modified_Time,Account_Name,Contact_Name";
  private static final DateTimeFormatter SINCE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

  @Override
  public List<String> pullTypes() {
    return List.of(DEALS);
  }

  @Override
  public Fetched fetch(ApiClient client, ApiContext context, ObjectRef ref) {
    if (!DEALS.equals(ref.objectType())) {
      return Fetched.nothing("Zoho " + ref.objectType() + ": not invoiced");
    }
    if (!ref.externalId().matches("\\d{1,25}")) {
      throw new ObjectGone("not a Zoho record id: " + ref.externalId());
    }
    ApiRequest request = ApiRequest.get("/crm/v6/Deals/" + ref.externalId());
    ApiResponse response = client.send(request);
    if (response.status() == 204) {
      throw new ObjectGone("Zoho deal " + ref.externalId() + " does not exist");
    }
    JsonNode deal = ApiFailure.require(request, response).json().path("data").path(0);
    if (!deal.isObject()) {
      throw new ObjectGone("Zoho deal " + ref.externalId() + " does not exist");
    }
    Instant version = modified(deal);
    if (!won(context, deal)) {
      return Fetched.nothing(
          "Zoho deal " + ref.externalId() + " at stage " + text(deal, "Stage").orElse("?"),
          version);
    }
    return new Fetched(
        List.of(deal(client, context, deal)), "Zoho deal " + ref.externalId() + " won", version);
  }

  @Override
  public Page page(ApiClient client, ApiContext context, String objectType, String cursorText) {
    if (!DEALS.equals(objectType)) {
      throw new IllegalArgumentException("Zoho pulls Deals, not " + objectType);
    }
    Cursor cursor = Cursor.parse(cursorText);
    Instant since = cursor.since();
    ApiRequest request =
        ApiRequest.get("/crm/v6/Deals")
            .with("fields", FIELDS)
            .with("sort_by", "Modified_Time")
            .with("sort_order", "asc")
            .with("per_page", "200")
            .header("If-Modified-Since", SINCE.format(since));
    Optional<String> token = cursor.get("page_token");
    if (token.isPresent()) {
      request = request.with("page_token", token.get());
    }
    ApiResponse response = client.send(request);
    if (response.status() == 304 || response.status() == 204) {
      return new Page(List.of(), 0, 0, 0, null, Cursor.since(since).text());
    }
    JsonNode answer = ApiFailure.require(request, response).json();
    List<SpecificRecord> events = new ArrayList<>();
    int fetched = 0;
    int skipped = 0;
    int failed = 0;
    Instant highWater = cursor.highWater();
    for (JsonNode deal : answer.path("data")) {
      fetched++;
      Instant m = modified(deal);
      if (m.isAfter(highWater)) {
        highWater = m;
      }
      if (!won(context, deal)) {
        skipped++;
        continue;
      }
      try {
        events.add(deal(client, context, deal));
      } catch (NormalizationFailed | ArithmeticException e) {
        failed++;
      }
    }
    Instant mark = highWater;
    JsonNode info = answer.path("info");
    String next =
        info.path("more_records").asBoolean(false)
            ? text(info, "next_page_token")
                .map(t -> cursor.seen(mark).with("page_token", t).text())
                .orElse(null)
            : null;
    return new Page(events, fetched, skipped, failed, next, Cursor.since(highWater).text());
  }

  private static boolean won(ApiContext context, JsonNode deal) {
    return context.mapping().won(text(deal, "Stage").orElse(null), DEFAULT_WON);
  }

  private static Instant modified(JsonNode deal) {
    return JsonBodies.instant(deal, "Modified_Time").orElse(Instant.EPOCH);
  }

  private static DealEvent deal(ApiClient client, ApiContext context, JsonNode deal) {
    String id = JsonBodies.required(deal, "id", "deal");
    String currency = currency(client, context, deal);
    Instant m = modified(deal);
    JsonNode account = record(client, "Accounts", text(deal.path("Account_Name"), "id"));
    JsonNode contact = record(client, "Contacts", text(deal.path("Contact_Name"), "id"));
    return DealEvent.newBuilder()
        .setEventId(context.eventId(DEALS, id, Long.toString(m.toEpochMilli())))
        .setTenantId(context.tenantId())
        .setConnectionId(context.connectionId().toString())
        .setPlatform(context.platformEnum())
        .setExternalId(id)
        .setKind(DealKind.WON)
        .setOccurredAt(m)
        .setReplay(false)
        .setTitle(text(deal, "Deal_Name").orElse(null))
        .setStage(text(deal, "Stage").orElse(null))
        .setAmount(
            JsonBodies.decimal(deal, "Amount").map(a -> JsonBodies.money(a, currency)).orElse(null))
        .setCustomer(buyer(context, account, contact).orElse(null))
        .setClosedAt(
            text(deal, "Closing_Date")
                .map(d -> LocalDate.parse(d).atStartOfDay(ZoneOffset.UTC).toInstant())
                .orElse(null))
        .setAccountId(context.accountId())
        .build();
  }

  private static JsonNode record(ApiClient client, String module, Optional<String> id) {
    if (id.isEmpty() || !id.get().matches("\\d{1,25}")) {
      return tools.jackson.databind.node.MissingNode.getInstance();
    }
    ApiRequest request = ApiRequest.get("/crm/v6/" + module + "/" + id.get());
    ApiResponse response = client.send(request);
    if (response.status() == 204 || response.status() == 404) {
      return tools.jackson.databind.node.MissingNode.getInstance();
    }
    return ApiFailure.require(request, response).json().path("data").path(0);
  }

  private static Optional<Party> buyer(ApiContext context, JsonNode account, JsonNode contact) {
    if (!account.isObject() && !contact.isObject()) {
      return Optional.empty();
    }
    var mapped = context.mapping().buyer();
    Address address =
        account.isObject()
            ? Address.newBuilder()
                .setLine1(text(account, "Billing_Street").orElse(null))
                .setCity(text(account, "Billing_City").orElse(null))
                .setRegion(text(account, "Billing_State").orElse(null))
                .setPostalCode(text(account, "Billing_Code").orElse(null))
                .setCountry(
                    text(account, "Billing_Country")
                        .filter(c -> c.matches("[A-Za-z]{2}"))
                        .orElse(null))
                .build()
            : null;
    return Optional.of(
        Party.newBuilder()
            .setExternalId(text(account, "id").or(() -> text(contact, "id")).orElse(null))
            .setName(
                text(account, "Account_Name").or(() -> text(contact, "Full_Name")).orElse(null))
            .setEmail(
                (mapped.email() == null ? Optional.<String>empty() : text(account, mapped.email()))
                    .or(() -> text(contact, "Email"))
                    .orElse(null))
            .setPhone(text(account, "Phone").or(() -> text(contact, "Phone")).orElse(null))
            .setTaxId(
                mapped.taxId() == null
                    ? null
                    : text(account, mapped.taxId())
                        .or(() -> text(contact, mapped.taxId()))
                        .orElse(null))
            .setAddress(address)
            .build());
  }

  private static String currency(ApiClient client, ApiContext context, JsonNode deal) {
    Optional<String> own = text(deal, "Currency");
    if (own.isPresent()) {
      return JsonBodies.currency(own.get());
    }
    if (context.currency() != null) {
      return JsonBodies.currency(context.currency());
    }
    String org =
        context.memo(
            "zoho.currency",
            () -> {
              ApiRequest request = ApiRequest.get("/crm/v6/org");
              ApiResponse response = client.send(request);
              return response.ok()
                  ? text(response.json().path("org").path(0), "iso_code").orElse("")
                  : "";
            });
    if (org.isEmpty()) {
      throw new NormalizationFailed("the deal and the org name no currency");
    }
    return JsonBodies.currency(org);
  }
}
