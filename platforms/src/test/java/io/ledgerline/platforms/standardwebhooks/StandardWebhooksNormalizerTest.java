package io.ledgerline.platforms.standardwebhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.events.DealEvent;
import io.ledgerline.events.DealKind;
import io.ledgerline.events.SaleEvent;
import io.ledgerline.platforms.normalization.NormalizationFailed;
import io.ledgerline.platforms.normalization.Normalized;
import io.ledgerline.platforms.normalization.WebhookContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StandardWebhooksNormalizerTest {

  private static final byte[] BODY =
      ("{\"id\":\"o-1\",\"currency\":\"NGN\",\"won\":true,"
              + "\"items\":[{\"title\":\"Rice\",\"price\":\"1500.25\",\"qty\":3}]}")
          .getBytes(StandardCharsets.UTF_8);

  private final StandardWebhooksNormalizer normalizer = new StandardWebhooksNormalizer();

  private static WebhookContext context(String template, String event) {
    return new WebhookContext(
        "t-1",
        UUID.randomUUID(),
        StandardWebhooksPlatform.ID,
        null,
        UUID.randomUUID(),
        Instant.parse("2026-11-02T10:00:00Z"),
        false,
        null,
        template,
        event);
  }

  @Test
  void withoutATemplateTheBodyIsStoredAndEmitsNothing() {
    Normalized normalized = normalizer.normalize(context(null, null), BODY);

    assertThat(normalized.events()).isEmpty();
    assertThat(normalized.summary()).contains("no mapping template");
  }

  @Test
  void aSaleTemplateMakesOneSaleWithExactAmounts() {
    Normalized normalized =
        normalizer.normalize(
            context(
                "{\"externalId\": id, \"currency\": currency, \"lines\": items.{\"name\": title,"
                    + " \"unitPrice\": price, \"quantity\": qty}}",
                "sale"),
            BODY);

    assertThat(normalized.events()).hasSize(1);
    SaleEvent sale = (SaleEvent) normalized.events().get(0);
    assertThat(sale.getExternalId()).isEqualTo("o-1");
    assertThat(sale.getTotals().getTotal().getAmount()).isEqualByComparingTo("4500.75");
    assertThat(normalized.summary()).contains("SaleEvent");
  }

  @Test
  void aDealTemplateMakesADeal() {
    Normalized normalized =
        normalizer.normalize(
            context("{\"externalId\": id, \"currency\": currency, \"won\": won}", "deal"), BODY);

    DealEvent deal = (DealEvent) normalized.events().get(0);
    assertThat(deal.getKind()).isEqualTo(DealKind.WON);
  }

  @Test
  void aTemplateThatDoesNotParseOrMakesNoEventFailsNormalization() {
    assertThatThrownBy(() -> normalizer.normalize(context("{\"a\": ", "sale"), BODY))
        .isInstanceOf(NormalizationFailed.class)
        .hasMessageContaining("JSONata");
    assertThatThrownBy(
            () ->
                normalizer.normalize(
                    context("{\"externalId\": id, \"currency\": currency}", "sale"), BODY))
        .isInstanceOf(NormalizationFailed.class)
        .hasMessageContaining("no lines");
  }
}
