package io.ledgerline.platforms.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.events.DealEvent;
import io.ledgerline.events.DealKind;
import io.ledgerline.events.LineItem;
import io.ledgerline.platforms.Platforms;
import io.ledgerline.platforms.api.ApiContext;
import io.ledgerline.platforms.api.ApiRequest;
import io.ledgerline.platforms.api.Contexts;
import io.ledgerline.platforms.api.Cursor;
import io.ledgerline.platforms.api.Fetched;
import io.ledgerline.platforms.api.ObjectGone;
import io.ledgerline.platforms.api.ObjectRef;
import io.ledgerline.platforms.api.Page;
import io.ledgerline.platforms.api.PlatformApi;
import io.ledgerline.platforms.api.RecordedApi;
import io.ledgerline.platforms.mapping.ConnectionMapping;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HubSpotApiTest {

  private final PlatformApi api = Platforms.installed().get("hubspot").api();
  private final ApiContext context = Contexts.of("hubspot", "62515", null);

  private RecordedApi hubspot() {
    return new RecordedApi(HubSpotApiTest.class)
        .on("GET", "/crm/v3/objects/deals/1001", "api-deal-1001.json")
        .on("GET", "/crm/v3/objects/deals/1002", "api-deal-1002-open.json")
        .on("POST", "/crm/v3/objects/line_items/batch/read", "api-line-items-batch.json")
        .on("POST", "/crm/v3/objects/companies/batch/read", "api-companies-batch.json")
        .on("POST", "/crm/v3/objects/contacts/batch/read", "api-contacts-batch.json")
        .on("GET", "/account-info/v3/details", "api-account-details.json")
        .on("POST", "/crm/v3/objects/deals/search", "\"after\":\"3\"", "api-deals-search-2.json")
        .on("POST", "/crm/v3/objects/deals/search", "api-deals-search-1.json")
        .on(
            "POST",
            "/crm/v4/associations/deal/line_item/batch/read",
            "api-associations-line_item.json")
        .on("POST", "/crm/v4/associations/deal/company/batch/read", "api-associations-company.json")
        .on(
            "POST",
            "/crm/v4/associations/deal/contact/batch/read",
            "api-associations-contact.json");
  }

  @Test
  void fetchesAWonDealWithItsLineItemsCompanyAndContactInExactAmounts() {
    RecordedApi hubspot = hubspot();

    Fetched fetched = api.fetch(hubspot, context, new ObjectRef("deal", "1001", "propertyChange"));

    assertThat(fetched.events()).hasSize(1);
    DealEvent deal = (DealEvent) fetched.events().get(0);
    assertThat(deal.getKind()).isEqualTo(DealKind.WON);
    assertThat(deal.getExternalId()).isEqualTo("1001");
    assertThat(deal.getAccountId()).isEqualTo("62515");
    assertThat(deal.getTitle()).isEqualTo("Acme annual licence");
    assertThat(deal.getAmount().getAmount()).isEqualByComparingTo("1150.50");
    assertThat(deal.getAmount().getCurrency()).isEqualTo("NGN");
    assertThat(deal.getClosedAt()).isEqualTo(Instant.parse("2026-10-05T14:00:00Z"));
    assertThat(deal.getLines())
        .extracting(LineItem::getName)
        .containsExactly("Annual licence", "Onboarding session");
    LineItem licence = deal.getLines().get(0);
    assertThat(licence.getSku()).isEqualTo("LIC-ANNUAL");
    assertThat(licence.getQuantity()).isEqualByComparingTo("2");
    assertThat(licence.getUnitPrice().getAmount()).isEqualByComparingTo("500.00");
    assertThat(licence.getDiscount()).isNull();
    assertThat(licence.getExternalId()).isEqualTo("9001");
    LineItem onboarding = deal.getLines().get(1);
    assertThat(onboarding.getUnitPrice().getAmount()).isEqualByComparingTo("160.50");
    assertThat(onboarding.getDiscount().getAmount()).isEqualByComparingTo("10.00");
    assertThat(onboarding.getLineTotal().getAmount()).isEqualByComparingTo("150.50");
    var buyer = deal.getCustomer();
    assertThat(buyer.getExternalId()).isEqualTo("501");
    assertThat(buyer.getName()).isEqualTo("Acme Nigeria Ltd");
    assertThat(buyer.getEmail()).isEqualTo("ada@acme.example");
    assertThat(buyer.getPhone()).isEqualTo("+234 1 234 5678");
    assertThat(buyer.getAddress().getLine1()).isEqualTo("12 Marina Road");
    assertThat(buyer.getAddress().getCity()).isEqualTo("Lagos");
    assertThat(buyer.getAddress().getCountry()).isEqualTo("NG");
    assertThat(buyer.getTaxId()).isNull();
    // One read of the deal with its associations, one batch read per associated type.
    assertThat(hubspot.received())
        .extracting(ApiRequest::path)
        .containsExactly(
            "/crm/v3/objects/deals/1001",
            "/crm/v3/objects/line_items/batch/read",
            "/crm/v3/objects/companies/batch/read",
            "/crm/v3/objects/contacts/batch/read");
    ApiRequest get = hubspot.received().get(0);
    assertThat(get.queryString()).contains("associations=line_items%2Ccompanies%2Ccontacts");
    assertThat(get.queryString()).contains("deal_currency_code");
    assertThat(hubspot.received().get(1).jsonBody())
        .contains("{\"id\":\"9001\"}", "{\"id\":\"9002\"}", "\"price\"", "\"hs_sku\"");
  }

  @Test
  void theSameDealFetchedTwiceHasTheSameEventId() {
    String first =
        eventId(api.fetch(hubspot(), context, new ObjectRef("deal", "1001", "creation")));
    String second =
        eventId(api.fetch(hubspot(), context, new ObjectRef("deal", "1001", "propertyChange")));
    assertThat(first).isEqualTo(second);
  }

  @Test
  void anOpenDealIsNothingToInvoiceAndReadsNoMore() {
    RecordedApi hubspot = hubspot();
    Fetched fetched = api.fetch(hubspot, context, new ObjectRef("deal", "1002", "propertyChange"));
    assertThat(fetched.events()).isEmpty();
    assertThat(fetched.summary()).contains("not won");
    assertThat(hubspot.received()).hasSize(1);
  }

  @Test
  void aDeletedDealIsGone() {
    assertThatThrownBy(
            () -> api.fetch(hubspot(), context, new ObjectRef("deal", "404", "propertyChange")))
        .isInstanceOf(ObjectGone.class);
    assertThat(api.fetch(hubspot(), context, new ObjectRef("deal", "1001", "deletion")).events())
        .isEmpty();
  }

  @Test
  void wonStagesOfOtherPipelinesComeFromTheMapping() {
    ConnectionMapping mapping =
        ConnectionMapping.of(
            Map.of(
                "wonStages",
                List.of("appointmentscheduled"),
                "buyer",
                Map.of("taxId", "vat_number")));
    ApiContext mapped = Contexts.of("hubspot", "62515", null, mapping);

    assertThat(
            api.fetch(hubspot(), mapped, new ObjectRef("deal", "1001", "propertyChange")).events())
        .as("closedwon is not won where the mapping names other stages")
        .isEmpty();
    RecordedApi hubspot = hubspot().on("GET", "/crm/v3/objects/deals/1002", "api-deal-1001.json");
    ConnectionMapping closedWon =
        ConnectionMapping.of(
            Map.of("wonStages", List.of("closedwon"), "buyer", Map.of("taxId", "vat_number")));
    DealEvent deal =
        (DealEvent)
            api.fetch(
                    hubspot,
                    Contexts.of("hubspot", "62515", null, closedWon),
                    new ObjectRef("deal", "1001", "x"))
                .events()
                .get(0);
    assertThat(deal.getCustomer().getTaxId()).isEqualTo("12345678-0001");
    assertThat(hubspot.received().get(2).jsonBody()).contains("\"vat_number\"");
  }

  @Test
  void pullsChangedDealsPageByPageAndInvoicesOnlyTheWonOnes() {
    RecordedApi hubspot = hubspot();
    Instant since = Instant.parse("2026-10-01T00:00:00Z");

    Page first = api.page(hubspot, context, "deal", api.start("deal", since));

    assertThat(first.fetched()).isEqualTo(3);
    assertThat(first.skipped()).isEqualTo(1);
    assertThat(first.events())
        .extracting(e -> ((DealEvent) e).getExternalId())
        .containsExactly("1001", "1003");
    DealEvent noCurrencyCode = (DealEvent) first.events().get(1);
    assertThat(noCurrencyCode.getAmount().getCurrency())
        .as("the account's currency")
        .isEqualTo("NGN");
    assertThat(noCurrencyCode.getAmount().getAmount())
        .isEqualByComparingTo(new BigDecimal("99.99"));
    assertThat(noCurrencyCode.getLines()).isEmpty();
    assertThat(noCurrencyCode.getCustomer().getName()).isEqualTo("Acme Nigeria Ltd");
    String search = hubspot.received().get(0).jsonBody();
    assertThat(search)
        .contains("\"propertyName\":\"hs_lastmodifieddate\"", "\"operator\":\"GTE\"")
        .contains("\"value\":\"" + since.toEpochMilli() + "\"")
        .contains("\"direction\":\"ASCENDING\"", "\"limit\":100")
        .doesNotContain("\"after\"");
    assertThat(first.last()).isFalse();
    assertThat(Cursor.parse(first.next()).get("after")).contains("3");

    Page second = api.page(hubspot, context, "deal", first.next());

    assertThat(second.fetched()).isEqualTo(1);
    assertThat(second.events()).isEmpty();
    assertThat(second.last()).isTrue();
    assertThat(Cursor.parse(second.restart()).since())
        .isEqualTo(Instant.parse("2026-10-08T09:00:00Z"));
  }

  private static String eventId(Fetched fetched) {
    return ((DealEvent) fetched.events().get(0)).getEventId();
  }
}
