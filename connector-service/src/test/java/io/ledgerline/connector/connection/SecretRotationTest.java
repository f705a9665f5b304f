package io.ledgerline.connector.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SecretRotationTest {

  @Test
  void boundsTheRotationOverlap() {
    assertThat(SecretRotation.overlap(null)).isEqualTo(Duration.ofHours(24));
    assertThat(SecretRotation.overlap("PT1H")).isEqualTo(Duration.ofHours(1));
    assertThat(SecretRotation.overlap("P7D")).isEqualTo(Duration.ofDays(7));
    assertThatThrownBy(() -> SecretRotation.overlap("P8D"))
        .isInstanceOf(InvalidConnectionInput.class);
    assertThatThrownBy(() -> SecretRotation.overlap("-PT1H"))
        .isInstanceOf(InvalidConnectionInput.class);
    assertThatThrownBy(() -> SecretRotation.overlap("tomorrow"))
        .isInstanceOf(InvalidConnectionInput.class);
  }
}
