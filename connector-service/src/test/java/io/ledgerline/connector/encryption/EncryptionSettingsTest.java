package io.ledgerline.connector.encryption;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EncryptionSettingsTest {

  @Test
  void keepsTheKeysOutOfTheSettingsToString() {
    EncryptionSettings settings =
        new EncryptionSettings(Map.of("k1", "c2VjcmV0LWtleS1tYXRlcmlhbA=="), "k1");

    assertThat(settings.toString()).doesNotContain("c2VjcmV0");
  }
}
