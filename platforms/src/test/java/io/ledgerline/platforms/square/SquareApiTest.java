package io.ledgerline.platforms.square;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.events.LineItem;
import io.ledgerline.events.Payment;
import io.ledgerline.events.SaleEvent;
import io.ledgerline.platforms.Platforms;
import io.ledgerline.platforms.api.ApiContext;
import io.ledgerline.platforms.api.Contexts;
import io.ledgerline.platforms.api.Cursor;
import io.ledgerline.platforms.api.ObjectRef;
import io.ledgerline.platforms.api.Page;
import io.ledgerline.platforms.api.PlatformApi;
import io.ledgerline.platforms.api.RecordedApi;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SquareApiTest {

  private final PlatformApi api = Platforms.installed().get("square").api();
  private final ApiContext context = Contexts.of("square", "MLEFBHHSJGVHD", null);

  private RecordedApi square() {
    return new RecordedApi(SquareApiTest.class)
        .on("GET", "/v2/orders/CAISENgvlJ6jLWAzERDzjyHVybY", "api-order-completed.json")
        .on("GET", "/v2/orders/OPENorderXYZ", "api-order-open.json")
        .on("GET", "/v2/orders/CANCELEDorder1", "api-order-canceled.json")
        .on("GET", "/v2/orders/TIPPEDorder1", "api-order-tipped.json")
        .on("GET", "/v2/customers/JDKYHBWT1D4F8MFH63DBMEN8Y4", "api-customer.json")
        .on("GET", "/v2/locations", "api-locations.json")
        .on("POST", "/v2/orders/search", "Nzk3MTIzNDU2", "api-orders-search-2.json")
        .on("POST", "/v2/orders/search", "api-orders-search-1.json");
  }

  @Test
  void aCompletedOrderIsASaleWithItsLinesTaxTendersAndCustomerInExactAmounts() {
    var fetched =
        api.fetch(
            square(), context, new ObjectRef("order", "CAISENgvlJ6jLWAzERDzjyHVybY", "updated"));

    SaleEvent sale = (SaleEvent) fetched.events().get(0);
    assertThat(sale.getExternalId()).isEqualTo("CAISENgvlJ6jLWAzERDzjyHVybY");
    assertThat(sale.getAccountId()).isEqualTo("MLEFBHHSJGVHD");
    assertThat(sale.getCurrency()).isEqualTo("USD");
    assertThat(sale.getTaxesIncluded()).isFalse();
    assertThat(sale.getLines())
        .extracting(LineItem::getName)
        .containsExactly("New York Strip Steak (Regular)", "Gift wrap");
    LineItem steak = sale.getLines().get(0);
    assertThat(steak.getQuantity()).isEqualByComparingTo("2");
    assertThat(steak.getUnitPrice().getAmount()).isEqualByComparingTo("15.99");
    assertThat(steak.getTaxAmount().getAmount()).isEqualByComparingTo("2.32");
    assertThat(steak.getTaxRate()).isEqualByComparingTo("0.0725");
    assertThat(steak.getLineTotal().getAmount()).isEqualByComparingTo("31.98");
    LineItem wrap = sale.getLines().get(1);
    assertThat(wrap.getTaxed()).isFalse();
    assertThat(wrap.getTaxRate()).isNull();
    assertThat(wrap.getDiscount().getAmount()).isEqualByComparingTo("1.00");
    assertThat(sale.getTotals().getTotal().getAmount()).isEqualByComparingTo("38.30");
    assertThat(sale.getTotals().getTaxTotal().getAmount()).isEqualByComparingTo("2.32");
    assertThat(sale.getTotals().getSubtotal().getAmount()).isEqualByComparingTo("36.98");
    assertThat(sale.getPayments()).extracting(Payment::getMethod).containsExactly("card", "cash");
    assertThat(sale.getPayments().get(1).getAmount().getAmount()).isEqualByComparingTo("18.30");
    assertThat(sale.getCustomer().getName()).isEqualTo("Amelia Earhart");
    assertThat(sale.getCustomer().getAddress().getCity()).isEqualTo("New York");
    assertThat(fetched.version()).isEqualTo(Instant.parse("2026-10-05T14:02:11Z"));
  }

  @Test
  void anOrderPaidWithTwoTendersIsOneSaleWithBothPaymentsAddingUpToItsTotal() {
    // 38.30 = 20.00 by card + 18.30 in cash (the buyer handed over 20.00 and got 1.70 back).
    SaleEvent sale =
        (SaleEvent)
            api.fetch(
                    square(),
                    context,
                    new ObjectRef("order", "CAISENgvlJ6jLWAzERDzjyHVybY", "payment.updated"))
                .events()
                .get(0);

    assertThat(sale.getPayments())
        .extracting(Payment::getReference)
        .containsExactly("EnZdNAlWCmfh6Mt5FMNST1o7taB", "LtSzWJzgWUQsfsgSAAcNEPFKxYNZY");
    assertThat(sale.getPayments())
        .extracting(p -> p.getAmount().getAmount().toPlainString())
        .containsExactly("20.0000", "18.3000");
    assertThat(sale.getPayments().get(0).getPaidAt())
        .isEqualTo(Instant.parse("2026-10-05T14:02:10Z"));
    assertThat(sale.getTotals().getTotal().getAmount()).isEqualByComparingTo("38.30");
    assertThat(sale.getPaid()).isTrue();
  }

  @Test
  void aTendersTipIsNotPaidAgainstTheInvoice() {
    // The card tender is 25.00 with a 5.00 tip: 20.00 pays the order, 18.30 in cash the rest.
    SaleEvent sale =
        (SaleEvent)
            api.fetch(square(), context, new ObjectRef("order", "TIPPEDorder1", "updated"))
                .events()
                .get(0);

    assertThat(sale.getPayments())
        .extracting(p -> p.getAmount().getAmount().toPlainString())
        .containsExactly("20.0000", "18.3000");
    assertThat(sale.getTotals().getTotal().getAmount()).isEqualByComparingTo("38.30");
  }

  @Test
  void aCanceledOrderIsTheVoidOfItsSale() {
    var fetched = api.fetch(square(), context, new ObjectRef("order", "CANCELEDorder1", "updated"));

    SaleEvent voided = (SaleEvent) fetched.events().get(0);
    assertThat(voided.getKind()).isEqualTo(io.ledgerline.events.SaleKind.VOIDED);
    assertThat(voided.getExternalId()).isEqualTo("CANCELEDorder1");
    assertThat(voided.getRefund().getRefundId()).isEqualTo("void:CANCELEDorder1");
    assertThat(voided.getRefund().getFull()).isTrue();
    assertThat(voided.getPayments()).isEmpty();
    assertThat(voided.getOccurredAt()).isEqualTo(Instant.parse("2026-10-05T15:00:00Z"));
    assertThat(fetched.version()).isEqualTo(Instant.parse("2026-10-05T15:00:00Z"));
  }

  @Test
  void anOpenOrderIsNothingToInvoice() {
    assertThat(
            api.fetch(square(), context, new ObjectRef("order", "OPENorderXYZ", "updated"))
                .events())
        .isEmpty();
  }

  @Test
  void pullsCompletedOrdersUpdatedSinceTheCursorAcrossTheMerchantsLocations() {
    RecordedApi square = square();
    Page first =
        api.page(
            square, context, "order", api.start("order", Instant.parse("2026-10-01T00:00:00Z")));

    String search = square.received().get(1).jsonBody();
    assertThat(search)
        .contains("\"location_ids\":[\"L88917AVBK2S5\"]", "\"start_at\":\"2026-10-01T00:00:00Z\"")
        .contains(
            "\"states\":[\"COMPLETED\"]",
            "\"sort_field\":\"UPDATED_AT\"",
            "\"sort_order\":\"ASC\"");
    assertThat(first.events()).hasSize(1);
    assertThat(Cursor.parse(first.next()).get("cursor")).contains("Nzk3MTIzNDU2");

    Page second = api.page(square, context, "order", first.next());
    assertThat(second.last()).isTrue();
    assertThat(((SaleEvent) second.events().get(0)).getCustomer()).isNull();
    assertThat(Cursor.parse(second.restart()).since())
        .isEqualTo(Instant.parse("2026-10-07T10:00:00Z"));
    assertThat(square.received().stream().filter(r -> r.path().equals("/v2/locations")))
        .as("locations read once a pull")
        .hasSize(1);
  }
}
