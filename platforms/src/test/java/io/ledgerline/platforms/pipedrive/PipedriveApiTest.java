package io.ledgerline.platforms.pipedrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.events.DealEvent;
import io.ledgerline.events.DealKind;
import io.ledgerline.events.LineItem;
import io.ledgerline.events.Party;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipedriveApiTest {

  private final PlatformApi api = Platforms.installed().get("pipedrive").api();
  private final ApiContext context = Contexts.of("pipedrive", "ledgerline-demo", null);

  private RecordedApi pipedrive() {
    return new RecordedApi(PipedriveApiTest.class)
        .on("GET", "/api/v2/deals/4242", "api-deal-4242.json")
        .on("GET", "/api/v2/deals/4243", "api-deal-4243-open.json")
        .on("GET", "/api/v2/deals/4242/products", "api-deal-4242-products.json")
        .on("GET", "/api/v2/deals/4243/products", "api-no-products.json")
        .on("GET", "/api/v2/persons/31", "api-person-31.json")
        .on("GET", "/api/v2/organizations/12", "api-organization-12.json")
        .on(
            "GET",
            r -> r.path().equals("/api/v2/deals") && r.queryString().contains("cursor="),
            200,
            "api-deals-2.json")
        .on("GET", "/api/v2/deals", "api-deals-1.json")
        .on("GET", "/api/v2/deals/products", "api-deals-products.json")
        .on("GET", "/api/v2/persons", "api-persons.json")
        .on("GET", "/api/v2/organizations", "api-organizations.json");
  }

  @Test
  void fetchesAWonDealWithItsProductsPersonAndOrganizationInExactAmounts() {
    RecordedApi pipedrive = pipedrive();

    Fetched fetched = api.fetch(pipedrive, context, new ObjectRef("deal", "4242", "change"));

    assertThat(fetched.events()).hasSize(1);
    assertThat(fetched.version()).isEqualTo(Instant.parse("2026-10-04T16:00:00Z"));
    DealEvent deal = (DealEvent) fetched.events().get(0);
    assertThat(deal.getKind()).isEqualTo(DealKind.WON);
    assertThat(deal.getExternalId()).isEqualTo("4242");
    assertThat(deal.getAccountId()).isEqualTo("ledgerline-demo");
    assertThat(deal.getTitle()).isEqualTo("Annual support contract");
    assertThat(deal.getAmount().getAmount()).isEqualByComparingTo("1344.50");
    assertThat(deal.getAmount().getCurrency()).isEqualTo("EUR");
    assertThat(deal.getClosedAt()).isEqualTo(Instant.parse("2026-10-04T15:59:58Z"));
    assertThat(deal.getLines())
        .as("the disabled product is left out")
        .extracting(LineItem::getName)
        .containsExactly("Support plan (annual)", "Onboarding hours");
    LineItem plan = deal.getLines().get(0);
    assertThat(plan.getQuantity()).isEqualByComparingTo("1");
    assertThat(plan.getUnitPrice().getAmount()).isEqualByComparingTo("1000");
    assertThat(plan.getDiscount().getAmount()).as("10 % of the line").isEqualByComparingTo("100");
    assertThat(plan.getTaxRate()).isEqualByComparingTo("0.19");
    assertThat(plan.getTaxed()).isTrue();
    assertThat(plan.getLineTotal().getAmount()).isEqualByComparingTo("900");
    assertThat(plan.getExternalId()).isEqualTo("901");
    LineItem hours = deal.getLines().get(1);
    assertThat(hours.getQuantity()).isEqualByComparingTo("4");
    assertThat(hours.getUnitPrice().getAmount()).isEqualByComparingTo("111.50");
    assertThat(hours.getDiscount().getAmount()).as("an amount off").isEqualByComparingTo("1.50");
    assertThat(hours.getLineTotal().getAmount()).isEqualByComparingTo("444.50");
    Party buyer = deal.getCustomer();
    assertThat(buyer.getExternalId()).as("as the webhook names it").isEqualTo("org:12");
    assertThat(buyer.getName()).isEqualTo("Acme GmbH");
    assertThat(buyer.getEmail()).as("the primary e-mail").isEqualTo("grace@acme.example");
    assertThat(buyer.getPhone()).isEqualTo("+49 30 1234567");
    assertThat(buyer.getAddress().getLine1()).isEqualTo("Friedrichstrasse 123");
    assertThat(buyer.getAddress().getCity()).isEqualTo("Berlin");
    assertThat(buyer.getAddress().getPostalCode()).isEqualTo("10117");
    assertThat(buyer.getAddress().getCountry()).isEqualTo("DE");
    assertThat(buyer.getTaxId()).isNull();
    assertThat(pipedrive.received())
        .extracting(ApiRequest::path)
        .containsExactly(
            "/api/v2/deals/4242",
            "/api/v2/deals/4242/products",
            "/api/v2/persons/31",
            "/api/v2/organizations/12");
  }

  @Test
  void theTaxIdComesFromAMappedCustomFieldOfTheOrganization() {
    ConnectionMapping mapping =
        ConnectionMapping.of(Map.of("buyer", Map.of("taxId", "a1b2c3d4e5f6vat")));
    DealEvent deal =
        (DealEvent)
            api.fetch(
                    pipedrive(),
                    Contexts.of("pipedrive", "ledgerline-demo", null, mapping),
                    new ObjectRef("deal", "4242", "change"))
                .events()
                .get(0);

    assertThat(deal.getCustomer().getTaxId()).isEqualTo("DE123456789");
  }

  @Test
  void theSameDealFetchedTwiceHasTheSameEventId() {
    String first =
        eventId(api.fetch(pipedrive(), context, new ObjectRef("deal", "4242", "create")));
    String again =
        eventId(api.fetch(pipedrive(), context, new ObjectRef("deal", "4242", "change")));
    assertThat(first).isEqualTo(again);
  }

  @Test
  void anOpenDealIsNothingToInvoiceAndReadsNoMore() {
    RecordedApi pipedrive = pipedrive();

    Fetched fetched = api.fetch(pipedrive, context, new ObjectRef("deal", "4243", "change"));

    assertThat(fetched.events()).isEmpty();
    assertThat(fetched.summary()).contains("open", "not won");
    assertThat(fetched.version()).isEqualTo(Instant.parse("2026-10-05T08:00:00Z"));
    assertThat(pipedrive.received()).hasSize(1);
  }

  @Test
  void aStageMappedAsWonIsWonThoughItsStatusIsOpen() {
    ConnectionMapping mapping = ConnectionMapping.of(Map.of("wonStages", List.of("3")));

    Fetched fetched =
        api.fetch(
            pipedrive(),
            Contexts.of("pipedrive", "ledgerline-demo", null, mapping),
            new ObjectRef("deal", "4243", "change"));

    assertThat(fetched.events()).hasSize(1);
    assertThat(((DealEvent) fetched.events().get(0)).getCustomer().getExternalId())
        .isEqualTo("person:32");
  }

  @Test
  void aDeletedDealIsGoneAndADeletionIsNothingToInvoice() {
    assertThatThrownBy(
            () -> api.fetch(pipedrive(), context, new ObjectRef("deal", "404", "change")))
        .isInstanceOf(ObjectGone.class);
    assertThatThrownBy(
            () -> api.fetch(pipedrive(), context, new ObjectRef("deal", "../users", "change")))
        .isInstanceOf(ObjectGone.class);
    assertThat(api.fetch(pipedrive(), context, new ObjectRef("deal", "4242", "delete")).events())
        .isEmpty();
  }

  @Test
  void pullsDealsUpdatedSinceTheCursorPageByPageReadingProductsAndBuyersInBatches() {
    RecordedApi pipedrive = pipedrive();
    Instant since = Instant.parse("2026-10-01T00:00:00Z");

    Page first = api.page(pipedrive, context, "deal", api.start("deal", since));

    ApiRequest list = pipedrive.received().get(0);
    assertThat(list.path()).isEqualTo("/api/v2/deals");
    assertThat(list.queryString())
        .contains(
            "updated_since=2026-10-01T00%3A00%3A00Z",
            "sort_by=update_time", "sort_direction=asc", "limit=100")
        .doesNotContain("cursor");
    assertThat(first.fetched()).isEqualTo(2);
    assertThat(first.skipped()).isEqualTo(1);
    assertThat(first.events())
        .extracting(e -> ((DealEvent) e).getExternalId())
        .containsExactly("4242");
    DealEvent acme = (DealEvent) first.events().get(0);
    assertThat(acme.getLines()).hasSize(2);
    assertThat(acme.getCustomer().getName()).isEqualTo("Acme GmbH");
    assertThat(acme.getCustomer().getEmail()).isEqualTo("grace@acme.example");
    assertThat(pipedrive.received())
        .extracting(ApiRequest::path)
        .containsExactly(
            "/api/v2/deals", "/api/v2/deals/products", "/api/v2/persons", "/api/v2/organizations");
    assertThat(pipedrive.received().get(1).queryString()).contains("deal_ids=4242");
    assertThat(pipedrive.received().get(2).queryString()).contains("ids=31");
    assertThat(first.last()).isFalse();
    assertThat(Cursor.parse(first.next()).get("cursor"))
        .contains("eyJmaWVsZCI6InVwZGF0ZV90aW1lIn0");

    Page second = api.page(pipedrive, context, "deal", first.next());

    assertThat(second.fetched()).isEqualTo(2);
    assertThat(second.skipped()).as("the lost deal").isEqualTo(1);
    DealEvent ada = (DealEvent) second.events().get(0);
    assertThat(ada.getCustomer().getExternalId()).isEqualTo("person:33");
    assertThat(ada.getCustomer().getName())
        .as("the person, without organization")
        .isEqualTo("Ada Lovelace");
    LineItem workshop = ada.getLines().get(0);
    assertThat(workshop.getUnitPrice().getAmount())
        .as("a tax-inclusive price made net")
        .isEqualByComparingTo("200");
    assertThat(workshop.getTaxRate()).isEqualByComparingTo("0.19");
    assertThat(second.last()).isTrue();
    assertThat(Cursor.parse(second.restart()).since())
        .isEqualTo(Instant.parse("2026-10-07T10:00:00Z"));
  }

  private static String eventId(Fetched fetched) {
    return ((DealEvent) fetched.events().get(0)).getEventId();
  }
}
