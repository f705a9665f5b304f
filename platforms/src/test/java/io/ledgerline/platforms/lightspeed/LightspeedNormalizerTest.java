package io.ledgerline.platforms.lightspeed;

import static io.ledgerline.platforms.normalization.Fixtures.bytes;
import static io.ledgerline.platforms.normalization.Fixtures.money;
import static io.ledgerline.platforms.normalization.Fixtures.quantity;
import static io.ledgerline.platforms.normalization.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.events.LineItem;
import io.ledgerline.events.Party;
import io.ledgerline.events.Platform;
import io.ledgerline.events.SaleEvent;
import io.ledgerline.events.SaleKind;
import io.ledgerline.events.SaleTotals;
import io.ledgerline.platforms.normalization.Fixtures;
import io.ledgerline.platforms.normalization.NormalizationFailed;
import io.ledgerline.platforms.normalization.Normalized;
import io.ledgerline.platforms.normalization.WebhookContext;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LightspeedNormalizerTest {

  private static final WebhookContext NZD =
      new WebhookContext(
          Fixtures.TENANT,
          Fixtures.CONNECTION,
          "lightspeed",
          null,
          Fixtures.WEBHOOK,
          Fixtures.RECEIVED,
          false,
          "NZD");

  /** The form X-Series posts: type, domain_prefix and the API 1.0 object as JSON. */
  private static byte[] form(String type, String payload) {
    return bytes(
        "type="
            + URLEncoder.encode(type, StandardCharsets.UTF_8)
            + "&domain_prefix=kiwicafe&payload="
            + URLEncoder.encode(payload, StandardCharsets.UTF_8));
  }

  private static Normalized normalize(WebhookContext context, byte[] body) {
    return Fixtures.normalize(context, body);
  }

  private static SaleEvent sale(String payload) {
    Normalized normalized = normalize(NZD, form("sale.update", payload));
    assertThat(normalized.events()).hasSize(1);
    return (SaleEvent) normalized.events().get(0);
  }

  @Test
  void turnsAClosedSaleIntoACompletedSaleInTheConnectionsCurrency() {
    SaleEvent sale = sale(text("lightspeed-register-sale.json"));

    assertThat(sale.getKind()).isEqualTo(SaleKind.COMPLETED);
    assertThat(sale.getPlatform()).isEqualTo(Platform.LIGHTSPEED);
    assertThat(sale.getExternalId()).isEqualTo("0242ac12-0002-11e9-e8c4-1a2b3c4d5e6f");
    assertThat(sale.getOrderNumber()).isEqualTo("MAIN-1042");
    assertThat(sale.getCurrency()).isEqualTo("NZD");
    assertThat(sale.getTaxesIncluded()).isFalse();
    assertThat(sale.getOccurredAt()).isEqualTo(Instant.parse("2026-11-21T18:04:05Z"));
    assertThat(sale.getCustomer())
        .isEqualTo(
            Party.newBuilder()
                .setExternalId("0242ac12-0002-11e9-e8c4-000000000001")
                .setName("Kiri Te Ao")
                .setEmail("kiri@mail.example")
                .setPhone("+6421555010")
                .build());
  }

  @Test
  void readsEachLineExTaxWithItsUnitDiscountAndRate() {
    SaleEvent sale = sale(text("lightspeed-register-sale.json"));

    assertThat(sale.getLines())
        .containsExactly(
            // 4.34783 ex tax (4.00 + 15 %), rounded to the contract's 4 places.
            LineItem.newBuilder()
                .setSku("FW-REG")
                .setName("Flat white")
                .setExternalId("l1")
                .setQuantity(quantity("2.0000"))
                .setUnitPrice(money("4.3478", "NZD"))
                .setDiscount(null)
                .setTaxRate(new BigDecimal("0.150000"))
                .setTaxAmount(money("1.3043", "NZD"))
                .build(),
            // Sold at 3.00 after a 0.50 discount; no name, so the SKU; rate from tax / price.
            LineItem.newBuilder()
                .setSku("MUF-BB")
                .setName("MUF-BB")
                .setExternalId("l2")
                .setQuantity(quantity("1.0000"))
                .setUnitPrice(money("3.5000", "NZD"))
                .setDiscount(money("0.5000", "NZD"))
                .setTaxRate(new BigDecimal("0.150000"))
                .setTaxAmount(money("0.4500", "NZD"))
                .build());
    assertThat(sale.getTotals())
        .isEqualTo(
            new SaleTotals(
                money("11.6957", "NZD"),
                money("0.5000", "NZD"),
                money("1.7543", "NZD"),
                money("0.0000", "NZD"),
                money("13.4500", "NZD")));
  }

  @Test
  void aCurrencyInThePayloadWinsOverTheConnections() {
    String payload =
        text("lightspeed-register-sale.json")
            .replace("\"tax_name\"", "\"currency\": \"aud\", \"tax_name\"");

    assertThat(sale(payload).getCurrency()).isEqualTo("AUD");
  }

  @Test
  void accountAndLaybySalesCompleteWhenClosedAndAVoidedSaleIsVoided() {
    String sale = text("lightspeed-register-sale.json");

    assertThat(sale(sale.replace("\"CLOSED\"", "\"ONACCOUNT_CLOSED\"")).getKind())
        .isEqualTo(SaleKind.COMPLETED);
    assertThat(sale(sale.replace("\"CLOSED\"", "\"LAYBY_CLOSED\"")).getKind())
        .isEqualTo(SaleKind.COMPLETED);
    assertThat(sale(sale.replace("\"CLOSED\"", "\"VOIDED\"")).getKind()).isEqualTo(SaleKind.VOIDED);
  }

  @Test
  void eachLineCarriesItsIdAndTaxAndTheSaleItsAccount() {
    SaleEvent sale = sale(text("lightspeed-register-sale.json"));

    assertThat(sale.getLines().get(0).getExternalId()).isEqualTo("l1");
    assertThat(sale.getLines().get(0).getTaxAmount()).isEqualTo(money("1.3043", "NZD"));
    assertThat(sale.getLines().get(1).getTaxAmount()).isEqualTo(money("0.4500", "NZD"));
    assertThat(sale.getAccountId()).isEqualTo("kiwicafe");
  }

  @Test
  void aReturnIsARefundOfTheReturnedSaleWithPositiveAmounts() {
    String returned =
        """
        {"id": "return-1", "return_for": "0242ac12-0002-11e9-e8c4-1a2b3c4d5e6f",
         "status": "CLOSED", "sale_date": "2026-11-22 10:00:00",
         "register_sale_products": [
           {"id": "r1", "name": "Flat white", "sku": "FW-REG", "quantity": -2,
            "price": 4.34783, "discount": 0, "tax": 0.65217, "tax_rate": 0.15,
            "price_total": -8.69566, "tax_total": -1.30434}],
         "totals": {"total_price": -8.69566, "total_tax": -1.30434}}
        """;

    SaleEvent refund = sale(returned);

    assertThat(refund.getKind()).isEqualTo(SaleKind.REFUNDED);
    assertThat(refund.getExternalId()).isEqualTo("0242ac12-0002-11e9-e8c4-1a2b3c4d5e6f");
    assertThat(refund.getRefund().getRefundId()).isEqualTo("return-1");
    assertThat(refund.getLines())
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.getQuantity()).isEqualTo(quantity("2.0000"));
              assertThat(line.getLineTotal()).isEqualTo(money("8.6956", "NZD"));
              assertThat(line.getTaxAmount()).isEqualTo(money("1.3043", "NZD"));
            });
    assertThat(refund.getTotals().getTotal()).isEqualTo(money("10.0000", "NZD"));
  }

  @Test
  void unfinishedSalesAndOtherTypesEmitNothing() {
    String sale = text("lightspeed-register-sale.json");

    for (String status : new String[] {"SAVED", "ONACCOUNT", "LAYBY", "OPEN"}) {
      assertThat(
              normalize(NZD, form("sale.update", sale.replace("\"CLOSED\"", "\"" + status + "\"")))
                  .events())
          .isEmpty();
    }
    assertThat(normalize(NZD, form("product.update", "{\"id\":\"p-1\"}")).events()).isEmpty();
  }

  @Test
  void aSaleCannotBeNormalizedWithoutAnyCurrency() {
    WebhookContext noCurrency = Fixtures.context("lightspeed");

    assertThatThrownBy(
            () -> normalize(noCurrency, form("sale.update", text("lightspeed-register-sale.json"))))
        .isInstanceOf(NormalizationFailed.class)
        .hasMessageContaining("currency");
  }

  @Test
  void rejectsFormsWithoutPayloadOrWithBrokenPayloadOrEscapes() {
    assertThatThrownBy(() -> normalize(NZD, bytes("type=sale.update&domain_prefix=x")))
        .isInstanceOf(NormalizationFailed.class);
    assertThatThrownBy(() -> normalize(NZD, form("sale.update", "{\"id\":")))
        .isInstanceOf(NormalizationFailed.class)
        .matches(e -> ((NormalizationFailed) e).malformed());
    assertThatThrownBy(() -> normalize(NZD, bytes("type=sale.update&payload=%7")))
        .isInstanceOf(NormalizationFailed.class)
        .matches(e -> ((NormalizationFailed) e).malformed());
    assertThatThrownBy(
            () -> normalize(NZD, form("sale.update", "{\"id\":\"s\",\"status\":\"CLOSED\"}")))
        .isInstanceOf(NormalizationFailed.class)
        .hasMessageContaining("totals");
  }
}
