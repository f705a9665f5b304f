package io.ledgerline.sync.invoicing;

import io.ledgerline.events.Address;
import io.ledgerline.events.Amounts;
import io.ledgerline.events.DealEvent;
import io.ledgerline.events.DealKind;
import io.ledgerline.events.LineItem;
import io.ledgerline.events.Money;
import io.ledgerline.events.Party;
import io.ledgerline.events.Platform;
import io.ledgerline.events.SaleEvent;
import io.ledgerline.events.SaleKind;
import io.ledgerline.events.SaleTotals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Sales for tests: a plausible completed Shopify sale, to be varied with the builder. */
public final class Sales {

  private Sales() {}

  public static Money usd(String amount) {
    return Amounts.money(new BigDecimal(amount), "USD");
  }

  public static Party ada() {
    return Party.newBuilder()
        .setExternalId("cust-1")
        .setName("  Ada   Lovelace ")
        .setEmail(" Ada@Example.com")
        .setPhone("+14155550100")
        .setTaxId("US-99")
        .setAddress(
            Address.newBuilder()
                .setLine1("1 Main St")
                .setCity("Springfield")
                .setPostalCode("12345")
                .setCountry("us")
                .build())
        .build();
  }

  public static LineItem widget() {
    return LineItem.newBuilder()
        .setSku("W-1")
        .setName("Widget")
        .setQuantity(Amounts.quantity(new BigDecimal("2")))
        .setUnitPrice(usd("50.00"))
        .setDiscount(usd("5.00"))
        .setTaxRate(Amounts.rate(new BigDecimal("0.075")))
        .build();
  }

  public static SaleEvent.Builder completedSale() {
    String externalId = "order-" + UUID.randomUUID();
    return SaleEvent.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setTenantId("tenant-1")
        .setConnectionId("conn-1")
        .setPlatform(Platform.SHOPIFY)
        .setExternalId(externalId)
        .setKind(SaleKind.COMPLETED)
        .setOccurredAt(Instant.parse("2026-11-20T10:15:30Z"))
        .setOrderNumber("#1001")
        .setCurrency("USD")
        .setTaxesIncluded(false)
        .setCustomer(ada())
        .setLines(List.of(widget()))
        .setTotals(
            SaleTotals.newBuilder()
                .setSubtotal(usd("95.00"))
                .setDiscountTotal(usd("5.00"))
                .setTaxTotal(usd("7.50"))
                .setShippingTotal(usd("10.00"))
                .setTotal(usd("112.50"))
                .build());
  }

  /** A HubSpot deal of a tenant whose buyer has Ada's e-mail. */
  public static DealEvent.Builder deal(String tenantId, DealKind kind) {
    return DealEvent.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setTenantId(tenantId)
        .setConnectionId("conn-2")
        .setPlatform(Platform.HUBSPOT)
        .setExternalId("deal-" + UUID.randomUUID())
        .setKind(kind)
        .setOccurredAt(Instant.parse("2026-11-20T10:00:00Z"))
        .setClosedAt(Instant.parse("2026-11-19T09:00:00Z"))
        .setTitle("Annual plan")
        .setAmount(usd("1200.00"))
        .setCustomer(Party.newBuilder().setName("Ada").setEmail("ada@example.com").build());
  }
}
