package io.ledgerline.platforms.clover;

import static io.ledgerline.platforms.connection.RulesAssertions.CLOVER;
import static io.ledgerline.platforms.connection.RulesAssertions.RULES;
import static io.ledgerline.platforms.connection.RulesAssertions.SHOPIFY;
import static io.ledgerline.platforms.connection.RulesAssertions.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.platforms.connection.InvalidSetting;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloverConnectionRulesTest {

  @Test
  void letsCloverWaitForItsAuthCode() {
    assertThat(create(CLOVER, Map.of(), null).secret()).isNull();
    assertThat(RULES.secretGivenLater(CLOVER, "clover-auth-code-1"))
        .isEqualTo("clover-auth-code-1");
    assertThatThrownBy(() -> RULES.secretGivenLater(SHOPIFY, "some-secret-value-123"))
        .isInstanceOf(InvalidSetting.class);
    assertThatThrownBy(() -> RULES.secretForRotation(CLOVER, null))
        .isInstanceOf(InvalidSetting.class);
  }
}
