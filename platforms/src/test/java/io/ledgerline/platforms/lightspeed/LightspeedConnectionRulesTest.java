package io.ledgerline.platforms.lightspeed;

import static io.ledgerline.platforms.connection.RulesAssertions.LIGHTSPEED;
import static io.ledgerline.platforms.connection.RulesAssertions.create;
import static io.ledgerline.platforms.connection.RulesAssertions.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LightspeedConnectionRulesTest {

  @Test
  void alwaysGeneratesTheLightspeedUrlToken() {
    assertThat(create(LIGHTSPEED, Map.of("currency", "EUR"), null).secret())
        .matches("[A-Za-z0-9_-]{43}");
    rejected(LIGHTSPEED, Map.of("currency", "EUR"), "my-own-guessable-token", "secret");
  }

  @Test
  void needsTheLightspeedStoresCurrencyBecauseItsSalesNameNone() {
    assertThat(create(LIGHTSPEED, Map.of("currency", "nzd"), null).settings())
        .containsEntry("currency", "NZD");
    rejected(LIGHTSPEED, Map.of(), null, "settings.currency");
    rejected(LIGHTSPEED, Map.of("currency", "EURO"), null, "settings.currency");
    rejected(LIGHTSPEED, Map.of("currency", "XYZ"), null, "settings.currency");
  }
}
