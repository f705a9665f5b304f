package io.ledgerline.apikey.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretHasherTest {

  private static final String PEPPER = "a-pepper-of-at-least-thirty-two-characters";

  private final SecretHasher hasher = new SecretHasher(PEPPER);

  @Test
  void matchesTheSecretItHashed() {
    var hash = hasher.hash("the-secret");

    assertThat(hasher.matches("the-secret", hash)).isTrue();
    assertThat(hasher.matches("the-secreT", hash)).isFalse();
  }

  @Test
  void storesA256BitHashThatIsNotTheSecret() {
    var hash = hasher.hash("the-secret");

    assertThat(hash).hasSize(32);
    assertThat(new String(hash, StandardCharsets.ISO_8859_1)).doesNotContain("the-secret");
  }

  @Test
  void aDifferentPepperGivesADifferentHash() {
    var other = new SecretHasher(PEPPER + "!");

    assertThat(other.matches("the-secret", hasher.hash("the-secret"))).isFalse();
  }

  @Test
  void refusesAShortPepper() {
    assertThatThrownBy(() -> new SecretHasher("short"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("short");
  }
}
