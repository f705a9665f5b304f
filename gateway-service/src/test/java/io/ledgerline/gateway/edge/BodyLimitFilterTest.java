package io.ledgerline.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class BodyLimitFilterTest {

  @Test
  void theFirstMatchingRuleWinsElseTheDefault() {
    var filter =
        new BodyLimitFilter(
            new EdgeSettings(
                List.of(),
                DataSize.ofMegabytes(1),
                List.of(
                    new EdgeSettings.BodyLimit("/webhooks/**", DataSize.ofKilobytes(512)),
                    new EdgeSettings.BodyLimit("/**", DataSize.ofMegabytes(2)))));

    assertThat(filter.limitFor("/webhooks/shopify/c1")).isEqualTo(512 * 1024);
    assertThat(filter.limitFor("/api/v1/invoices")).isEqualTo(2 * 1024 * 1024);
  }
}
