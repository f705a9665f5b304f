package io.ledgerline.webhooks.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VerifiersTest {

  @Test
  void knowsExactlyTheNinePlatformIds() {
    assertThat(Verifiers.platforms())
        .containsExactly(
            "hubspot",
            "salesforce",
            "pipedrive",
            "zoho",
            "square",
            "shopify",
            "lightspeed",
            "clover",
            "standard-webhooks");
    for (String id : Verifiers.platforms()) {
      assertThat(Verifiers.forPlatform(id).platform()).isEqualTo(id);
    }
  }

  @Test
  void anUnknownPlatformIsEmptyOrAnIllegalArgument() {
    assertThat(Verifiers.find("stripe", VerificationSettings.defaults())).isEmpty();
    assertThat(Verifiers.find(null, VerificationSettings.defaults())).isEmpty();
    assertThatThrownBy(() -> Verifiers.forPlatform("Shopify"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyPlatformRejectsAnEmptyRequestWithADefinedReason() {
    for (String id : Verifiers.platforms()) {
      Verdict verdict =
          Verifiers.forPlatform(id)
              .verify(Fixtures.request(id).build(), WebhookCredentials.of("secret"));
      assertThat(verdict).as(id).isInstanceOf(Verdict.Invalid.class);
    }
  }
}
