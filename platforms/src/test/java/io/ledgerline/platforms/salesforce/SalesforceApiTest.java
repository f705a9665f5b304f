package io.ledgerline.platforms.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.events.DealEvent;
import io.ledgerline.events.LineItem;
import io.ledgerline.platforms.Platforms;
import io.ledgerline.platforms.api.ApiContext;
import io.ledgerline.platforms.api.ApiRequest;
import io.ledgerline.platforms.api.Contexts;
import io.ledgerline.platforms.api.Cursor;
import io.ledgerline.platforms.api.ObjectGone;
import io.ledgerline.platforms.api.ObjectRef;
import io.ledgerline.platforms.api.Page;
import io.ledgerline.platforms.api.PlatformApi;
import io.ledgerline.platforms.api.RecordedApi;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SalesforceApiTest {

  private static final String QUERY = "/services/data/v60.0/query";
  private final PlatformApi api = Platforms.installed().get("salesforce").api();
  private final ApiContext context = Contexts.of("salesforce", "00DDn00000ABCDEMA4", null);

  private RecordedApi salesforce() {
    return new RecordedApi(SalesforceApiTest.class)
        .on(
            "GET",
            r -> r.path().equals(QUERY) && r.queryString().contains("Organization"),
            200,
            "api-organization.json")
        .on(
            "GET",
            r -> r.path().equals(QUERY) && r.queryString().contains("006Dn00000A1b2cIAB"),
            200,
            "api-opportunity-won.json")
        .on(
            "GET",
            r -> r.path().equals(QUERY) && r.queryString().contains("ORDER%20BY%20SystemModstamp"),
            200,
            "api-opportunities-page-1.json")
        .on(
            "GET",
            "/services/data/v60.0/query/01gDn00000XyZ12IAB-2000",
            "api-opportunities-page-2.json")
        .on("GET", r -> r.path().equals(QUERY), 200, "api-none.json");
  }

  @Test
  void fetchesAWonOpportunityWithItsProductsAccountAndPrimaryContactInOneQuery() {
    RecordedApi salesforce = salesforce();

    var fetched =
        api.fetch(
            salesforce,
            context,
            new ObjectRef("Opportunity", "006Dn00000A1b2cIAB", "notification"));

    DealEvent deal = (DealEvent) fetched.events().get(0);
    assertThat(deal.getTitle()).isEqualTo("Dickenson Mobile Generators");
    assertThat(deal.getAmount().getAmount()).isEqualByComparingTo("15000");
    assertThat(deal.getAmount().getCurrency()).isEqualTo("USD");
    assertThat(deal.getAccountId()).isEqualTo("00DDn00000ABCDEMA4");
    assertThat(deal.getClosedAt()).isEqualTo(Instant.parse("2026-10-05T00:00:00Z"));
    assertThat(deal.getLines()).extracting(LineItem::getSku).containsExactly("GC1040", "IN7080");
    LineItem generator = deal.getLines().get(0);
    assertThat(generator.getName()).isEqualTo("GenWatt Diesel 200kW");
    assertThat(generator.getQuantity()).isEqualByComparingTo("2");
    assertThat(generator.getUnitPrice().getAmount()).isEqualByComparingTo("7000");
    assertThat(generator.getDiscount().getAmount()).as("5 % of 14000").isEqualByComparingTo("700");
    assertThat(generator.getLineTotal().getAmount()).isEqualByComparingTo("13300");
    assertThat(deal.getCustomer().getName()).isEqualTo("Dickenson plc");
    assertThat(deal.getCustomer().getEmail()).isEqualTo("a_young@dickenson.com");
    assertThat(deal.getCustomer().getAddress().getCountry()).isEqualTo("US");
    assertThat(fetched.version()).isEqualTo(Instant.parse("2026-10-05T14:02:11Z"));
    ApiRequest query = salesforce.received().get(0);
    assertThat(query.queryString())
        .contains(
            "FROM%20OpportunityLineItems",
            "IsPrimary%20%3D%20true", "WHERE%20Id%20%3D%20%27006Dn00000A1b2cIAB%27");
  }

  @Test
  void anOpportunityThatIsNotThereOrNoIdIsGone() {
    assertThatThrownBy(
            () ->
                api.fetch(
                    salesforce(), context, new ObjectRef("Opportunity", "006Dn00000A1b2zIAB", "x")))
        .isInstanceOf(ObjectGone.class);
    assertThatThrownBy(
            () ->
                api.fetch(
                    salesforce(), context, new ObjectRef("Opportunity", "x' OR Id != '", "x")))
        .as("nothing that is not an id reaches SOQL")
        .isInstanceOf(ObjectGone.class);
  }

  @Test
  void pullsBySystemModstampFollowingNextRecordsUrl() {
    RecordedApi salesforce = salesforce();
    Page first =
        api.page(
            salesforce,
            context,
            "Opportunity",
            api.start("Opportunity", Instant.parse("2026-10-01T00:00:00.250Z")));

    assertThat(salesforce.received().get(0).queryString())
        .contains(
            "SystemModstamp%20%3E%3D%202026-10-01T00%3A00%3A00Z", "ORDER%20BY%20SystemModstamp");
    assertThat(first.fetched()).isEqualTo(2);
    assertThat(first.skipped()).isEqualTo(1);
    assertThat(first.events()).hasSize(1);
    assertThat(Cursor.parse(first.next()).get("nextRecordsUrl"))
        .contains("/services/data/v60.0/query/01gDn00000XyZ12IAB-2000");

    Page second = api.page(salesforce, context, "Opportunity", first.next());
    assertThat(second.last()).isTrue();
    assertThat(((DealEvent) second.events().get(0)).getAmount().getAmount())
        .isEqualByComparingTo("1234.56");
    assertThat(Cursor.parse(second.restart()).since())
        .isEqualTo(Instant.parse("2026-10-07T11:00:05Z"));
  }
}
