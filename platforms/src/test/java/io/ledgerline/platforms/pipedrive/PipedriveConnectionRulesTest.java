package io.ledgerline.platforms.pipedrive;

import static io.ledgerline.platforms.connection.RulesAssertions.PIPEDRIVE;
import static io.ledgerline.platforms.connection.RulesAssertions.create;
import static io.ledgerline.platforms.connection.RulesAssertions.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.platforms.connection.SettingsRules.NewConnection;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipedriveConnectionRulesTest {

  @Test
  void generatesPipedriveCredentialsOrTakesTheChosenOnes() {
    NewConnection generated = create(PIPEDRIVE, Map.of(), null);
    assertThat(generated.settings().get("username")).startsWith("ledgerline-");
    assertThat(generated.secret()).hasSizeGreaterThanOrEqualTo(32);

    NewConnection chosen = create(PIPEDRIVE, Map.of("username", "acme"), "a-long-password-1");
    assertThat(chosen.settings()).containsEntry("username", "acme");
    assertThat(chosen.secret()).isEqualTo("a-long-password-1");

    rejected(PIPEDRIVE, Map.of("username", "has:colon"), null, "settings.username");
  }
}
