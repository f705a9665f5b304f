package io.ledgerline.platforms.standardwebhooks;

import static io.ledgerline.platforms.connection.RulesAssertions.STANDARD_WEBHOOKS;
import static io.ledgerline.platforms.connection.RulesAssertions.create;
import static io.ledgerline.platforms.connection.RulesAssertions.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StandardWebhooksConnectionRulesTest {

  @Test
  void generatesAndChecksStandardWebhooksSecrets() {
    String generated = create(STANDARD_WEBHOOKS, Map.of(), null).secret();
    assertThat(generated).startsWith("whsec_");
    assertThat(Base64.getDecoder().decode(generated.substring(6))).hasSizeGreaterThanOrEqualTo(24);

    String given = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    assertThat(create(STANDARD_WEBHOOKS, Map.of(), given).secret()).isEqualTo(given);
    rejected(STANDARD_WEBHOOKS, Map.of(), "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "secret");
    rejected(STANDARD_WEBHOOKS, Map.of(), "whsec_not*base64*at*all!!", "secret");
    rejected(STANDARD_WEBHOOKS, Map.of(), "whsec_c2hvcnQ=", "secret");
  }
}
