package io.ledgerline.platforms.hubspot;

import static io.ledgerline.platforms.connection.RulesAssertions.HUBSPOT;
import static io.ledgerline.platforms.connection.RulesAssertions.SQUARE;
import static io.ledgerline.platforms.connection.RulesAssertions.create;
import static io.ledgerline.platforms.connection.RulesAssertions.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HubSpotConnectionRulesTest {

  @Test
  void requiresTheSecretsHubSpotAndSquareIssue() {
    rejected(HUBSPOT, Map.of(), null, "secret");
    rejected(SQUARE, Map.of(), null, "secret");
    assertThat(create(SQUARE, Map.of(), "square-signature-key-1").secret())
        .isEqualTo("square-signature-key-1");
  }
}
