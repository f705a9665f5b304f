package io.ledgerline.apikey.key;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class PlainApiKeyTest {

  private final SecureRandom random = new SecureRandom();

  @Test
  void generatedKeysHaveTheDocumentedShape() {
    var key = PlainApiKey.generate(random);

    assertThat(key.value()).matches("llk_[A-Za-z0-9]{8}_[A-Za-z0-9]{43}");
    assertThat(key.value()).startsWith("llk_" + key.prefix() + "_");
  }

  @Test
  void aGeneratedKeyParsesBackToItself() {
    var key = PlainApiKey.generate(random);

    assertThat(PlainApiKey.parse(key.value())).contains(key);
  }

  @Test
  void generatedKeysDoNotRepeat() {
    var prefixes = new HashSet<String>();
    var secrets = new HashSet<String>();
    for (int i = 0; i < 1000; i++) {
      var key = PlainApiKey.generate(random);
      prefixes.add(key.prefix());
      secrets.add(key.secret());
    }

    assertThat(prefixes).hasSize(1000);
    assertThat(secrets).hasSize(1000);
  }

  @Test
  void rejectsAnythingNotShapedLikeAKey() {
    var valid = PlainApiKey.generate(random).value();

    assertThat(PlainApiKey.parse(null)).isEmpty();
    assertThat(PlainApiKey.parse("")).isEmpty();
    assertThat(PlainApiKey.parse("Bearer abc")).isEmpty();
    assertThat(PlainApiKey.parse("xxx_" + valid.substring(4))).isEmpty();
    assertThat(PlainApiKey.parse(valid + "A")).isEmpty();
    assertThat(PlainApiKey.parse(valid.substring(0, valid.length() - 1))).isEmpty();
    assertThat(PlainApiKey.parse(valid.substring(0, 12) + "-" + valid.substring(13))).isEmpty();
    assertThat(PlainApiKey.parse(valid.substring(0, 20) + "/" + valid.substring(21))).isEmpty();
  }

  @Test
  void neverPrintsTheSecret() {
    var key = PlainApiKey.generate(random);

    assertThat(key.toString()).doesNotContain(key.secret()).contains(key.prefix());
  }
}
