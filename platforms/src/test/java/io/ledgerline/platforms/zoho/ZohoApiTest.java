package io.ledgerline.platforms.zoho;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.events.DealEvent;
import io.ledgerline.platforms.Platforms;
import io.ledgerline.platforms.api.ApiContext;
import io.ledgerline.platforms.api.Contexts;
import io.ledgerline.platforms.api.Cursor;
import io.ledgerline.platforms.api.ObjectGone;
import io.ledgerline.platforms.api.ObjectRef;
import io.ledgerline.platforms.api.Page;
import io.ledgerline.platforms.api.PlatformApi;
import io.ledgerline.platforms.api.RecordedApi;
import io.ledgerline.platforms.mapping.ConnectionMapping;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZohoApiTest {

  private final PlatformApi api = Platforms.installed().get("zoho").api();
  private final ApiContext context =
      Contexts.of(
          "zoho",
          "zoho-org-1",
          null,
          ConnectionMapping.of(Map.of("buyer", Map.of("taxId", "VAT_Number"))));

  private RecordedApi zoho() {
    return new RecordedApi(ZohoApiTest.class)
        .on("GET", "/crm/v6/Deals/4876876000000624001", "api-deal.json")
        .on("GET", "/crm/v6/Accounts/4876876000000333001", "api-account.json")
        .on("GET", "/crm/v6/Contacts/4876876000000333015", "api-contact.json")
        .on("GET", "/crm/v6/org", "api-org.json")
        .on(
            "GET",
            r -> r.path().equals("/crm/v6/Deals") && r.queryString().contains("page_token"),
            200,
            "api-deals-page-2.json")
        .on("GET", "/crm/v6/Deals", "api-deals-page-1.json");
  }

  @Test
  void fetchesAWonDealWithItsAccountAndContact() {
    var fetched = api.fetch(zoho(), context, new ObjectRef("Deals", "4876876000000624001", "edit"));

    DealEvent deal = (DealEvent) fetched.events().get(0);
    assertThat(deal.getTitle()).isEqualTo("Benton Annual");
    assertThat(deal.getAmount().getAmount()).isEqualByComparingTo("2500.75");
    assertThat(deal.getAmount().getCurrency()).as("the org's currency").isEqualTo("USD");
    assertThat(deal.getCustomer().getName()).isEqualTo("Benton");
    assertThat(deal.getCustomer().getEmail()).isEqualTo("jbutt@gmail.com");
    assertThat(deal.getCustomer().getTaxId()).isEqualTo("US-12-3456789");
    assertThat(deal.getCustomer().getAddress().getCity()).isEqualTo("San Jose");
    assertThat(fetched.version()).isEqualTo(Instant.parse("2026-10-05T14:02:11Z"));
    assertThatThrownBy(
            () -> api.fetch(zoho(), context, new ObjectRef("Deals", "4876876000000624999", "edit")))
        .isInstanceOf(ObjectGone.class);
  }

  @Test
  void pullsByModifiedTimeWithPageTokens() {
    RecordedApi zoho = zoho();
    Page first =
        api.page(zoho, context, "Deals", api.start("Deals", Instant.parse("2026-10-01T00:00:00Z")));

    var request = zoho.received().get(0);
    assertThat(request.headers())
        .contains(Map.entry("If-Modified-Since", "2026-10-01T00:00:00+00:00"));
    assertThat(request.queryString()).contains("sort_by=Modified_Time", "sort_order=asc");
    assertThat(first.fetched()).isEqualTo(2);
    assertThat(first.skipped()).isEqualTo(1);
    assertThat(Cursor.parse(first.next()).get("page_token")).contains("c8582e7f2b1ab7a5e6d7a0");

    Page second = api.page(zoho, context, "Deals", first.next());
    assertThat(second.last()).isTrue();
    assertThat(Cursor.parse(second.restart()).since())
        .isEqualTo(Instant.parse("2026-10-07T11:00:05Z"));
  }
}
