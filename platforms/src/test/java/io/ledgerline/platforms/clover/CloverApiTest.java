package io.ledgerline.platforms.clover;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.events.LineItem;
import io.ledgerline.events.SaleEvent;
import io.ledgerline.events.SaleKind;
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

class CloverApiTest {

  private final PlatformApi api = Platforms.installed().get("clover").api();
  private final ApiContext context = Contexts.of("clover", "MJ6RN6D3A7VZ1", null);

  private RecordedApi clover() {
    return new RecordedApi(CloverApiTest.class)
        .on("GET", "/v3/merchants/MJ6RN6D3A7VZ1/orders/ABCD1234EFGH5", "api-order-paid.json")
        .on(
            "GET",
            "/v3/merchants/MJ6RN6D3A7VZ1/orders/PARTREFUND001",
            "api-order-partially-refunded.json")
        .on("GET", "/v3/merchants/MJ6RN6D3A7VZ1/orders/FULLREFUND001", "api-order-refunded.json")
        .on("GET", "/v3/merchants/MJ6RN6D3A7VZ1/orders/VOIDED0000001", "api-order-voided.json")
        .on("GET", "/v3/merchants/MJ6RN6D3A7VZ1/orders", "api-orders-page.json");
  }

  @Test
  void aPaidOrderIsASaleWithItsLineItemsPaymentAndCustomer() {
    RecordedApi clover = clover();
    var fetched = api.fetch(clover, context, new ObjectRef("order", "ABCD1234EFGH5", "update"));

    SaleEvent sale = (SaleEvent) fetched.events().get(0);
    assertThat(sale.getAccountId()).isEqualTo("MJ6RN6D3A7VZ1");
    assertThat(sale.getLines())
        .extracting(LineItem::getName)
        .containsExactly("Cappuccino", "Cappuccino", "Coffee beans");
    LineItem beans = sale.getLines().get(2);
    assertThat(beans.getQuantity()).as("unitQty in thousandths").isEqualByComparingTo("0.5");
    assertThat(beans.getUnitPrice().getAmount()).isEqualByComparingTo("16.00");
    assertThat(sale.getTotals().getSubtotal().getAmount()).isEqualByComparingTo("17.00");
    assertThat(sale.getTotals().getTaxTotal().getAmount()).isEqualByComparingTo("1.47");
    assertThat(sale.getTotals().getTotal().getAmount()).isEqualByComparingTo("18.47");
    assertThat(sale.getPayments().get(0).getMethod()).isEqualTo("credit card");
    assertThat(sale.getCustomer().getName()).isEqualTo("Jane Doe");
    assertThat(sale.getCustomer().getEmail()).isEqualTo("jane.doe@example.com");
    assertThat(clover.received().get(0).queryString())
        .contains("expand=lineItems%2Cpayments.tender%2Crefunds%2Ccustomers");
    assertThat(fetched.version()).isEqualTo(Instant.ofEpochMilli(1791208931000L));
  }

  @Test
  void aPartialRefundIsARefundOfItsAmountBesideTheSaleOfEverythingSold() {
    // One of the two cappuccinos (4.50 + 0.39 tax) went back; a second refund was voided.
    var fetched = api.fetch(clover(), context, new ObjectRef("order", "PARTREFUND001", "update"));

    assertThat(fetched.events()).hasSize(2);
    SaleEvent sale = (SaleEvent) fetched.events().get(0);
    assertThat(sale.getKind()).isEqualTo(SaleKind.COMPLETED);
    // The invoice is of what was sold: the refunded cappuccino stays on it.
    assertThat(sale.getLines()).hasSize(3);
    assertThat(sale.getTotals().getTotal().getAmount()).isEqualByComparingTo("18.47");
    SaleEvent refund = (SaleEvent) fetched.events().get(1);
    assertThat(refund.getKind()).isEqualTo(SaleKind.REFUNDED);
    assertThat(refund.getExternalId()).isEqualTo("PARTREFUND001");
    assertThat(refund.getLines()).isEmpty();
    assertThat(refund.getRefund().getRefundId()).isEqualTo("REF01");
    assertThat(refund.getRefund().getAdjustments())
        .singleElement()
        .satisfies(a -> assertThat(a.getLineTotal().getAmount()).isEqualByComparingTo("4.89"));
    assertThat(refund.getTotals().getTotal().getAmount()).isEqualByComparingTo("4.89");
    assertThat(refund.getTotals().getTaxTotal().getAmount()).isEqualByComparingTo("0.39");
    assertThat(refund.getOccurredAt()).isEqualTo(Instant.ofEpochMilli(1791212290000L));
    assertThat(refund.getPayments()).isEmpty();
    assertThat(refund.getCustomer().getEmail()).isEqualTo("jane.doe@example.com");
  }

  @Test
  void aRefundIsTheSameEventHoweverOftenItsOrderIsFetched() {
    SaleEvent once =
        (SaleEvent)
            api.fetch(clover(), context, new ObjectRef("order", "PARTREFUND001", "update"))
                .events()
                .get(1);
    SaleEvent again =
        (SaleEvent)
            api.fetch(clover(), context, new ObjectRef("order", "PARTREFUND001", "update"))
                .events()
                .get(1);

    assertThat(again.getEventId()).isEqualTo(once.getEventId());
  }

  @Test
  void aFullRefundCreditsTheOrdersWholeTotal() {
    var fetched = api.fetch(clover(), context, new ObjectRef("order", "FULLREFUND001", "update"));

    assertThat(fetched.events()).hasSize(2);
    SaleEvent refund = (SaleEvent) fetched.events().get(1);
    assertThat(refund.getRefund().getRefundId()).isEqualTo("REF09");
    assertThat(refund.getTotals().getTotal().getAmount()).isEqualByComparingTo("18.47");
    assertThat(((SaleEvent) fetched.events().get(0)).getTotals().getTotal().getAmount())
        .isEqualByComparingTo("18.47");
  }

  @Test
  void anOrderWhosePaymentsWereAllVoidedIsTheVoidOfItsSale() {
    var fetched = api.fetch(clover(), context, new ObjectRef("order", "VOIDED0000001", "update"));

    SaleEvent voided = (SaleEvent) fetched.events().get(0);
    assertThat(fetched.events()).hasSize(1);
    assertThat(voided.getKind()).isEqualTo(SaleKind.VOIDED);
    assertThat(voided.getRefund().getRefundId()).isEqualTo("void:VOIDED0000001");
    assertThat(voided.getRefund().getFull()).isTrue();
    assertThat(voided.getPayments()).isEmpty();
    assertThat(voided.getOccurredAt()).isEqualTo(Instant.ofEpochMilli(1791209500000L));
  }

  @Test
  void pullsOrdersModifiedSinceTheCursorByOffset() {
    RecordedApi clover = clover();
    Instant since = Instant.parse("2026-10-01T00:00:00Z");
    Page page = api.page(clover, context, "order", api.start("order", since));

    assertThat(clover.received().get(0).queryString())
        .contains(
            "filter=modifiedTime%3E%3D" + since.toEpochMilli(),
            "orderBy=modifiedTime%20ASC",
            "limit=100",
            "offset=0");
    assertThat(page.fetched()).isEqualTo(2);
    assertThat(page.skipped()).isEqualTo(1);
    assertThat(page.events()).hasSize(1);
    assertThat(page.last()).as("a page short of the limit is the last").isTrue();
    assertThat(Cursor.parse(page.restart()).since())
        .isEqualTo(Instant.ofEpochMilli(1791295200000L));
  }
}
