package io.ledgerline.platforms.zoho;

import static io.ledgerline.platforms.connection.RulesAssertions.ZOHO;
import static io.ledgerline.platforms.connection.RulesAssertions.create;
import static io.ledgerline.platforms.connection.RulesAssertions.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.platforms.connection.SettingsRules.NewConnection;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZohoConnectionRulesTest {

  @Test
  void generatesZohoChannelIdAndToken() {
    NewConnection generated = create(ZOHO, Map.of(), null);
    assertThat(generated.settings().get("channelId")).matches("[1-9][0-9]{15}");
    assertThat(generated.secret()).matches("[0-9a-f]{32}");
    rejected(ZOHO, Map.of("channelId", "abc"), null, "settings.channelId");
    rejected(ZOHO, Map.of(), "x".repeat(51), "secret");
  }
}
