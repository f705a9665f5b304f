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

    assertThat(key.value()).matches("llk_[A-Za-z0-9]{8}_[A-Za-z0-9]{49}");
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
  void theChecksumIsTheCrc32OfTheKeyInBase62() {
    var key = PlainApiKey.generate(random);
    var body = key.value().substring(0, key.value().length() - 6);
    var crc = new java.util.zip.CRC32();
    crc.update(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    assertThat(decodeBase62(key.value().substring(body.length()))).isEqualTo(crc.getValue());
  }

  @Test
  void aMistypedKeyFailsItsChecksumOffline() {
    var value = PlainApiKey.generate(random).value();
    char last = value.charAt(20);
    var mistyped = value.substring(0, 20) + (last == 'a' ? 'b' : 'a') + value.substring(21);

    assertThat(PlainApiKey.parse(mistyped)).isEmpty();
  }

  @Test
  void keysOfTheFormatWithoutChecksumKeepWorking() {
    var legacy = "llk_ABCDEFGH_" + "x".repeat(43);

    var parsed = PlainApiKey.parse(legacy);

    assertThat(parsed).isPresent();
    assertThat(parsed.get().checksummed()).isFalse();
    assertThat(parsed.get().value()).isEqualTo(legacy);
  }

  @Test
  void aRotatedSecretKeepsThePrefix() {
    var key = PlainApiKey.generate(random);

    var rotated = PlainApiKey.generateFor(key.prefix(), random);

    assertThat(rotated.prefix()).isEqualTo(key.prefix());
    assertThat(rotated.secret()).isNotEqualTo(key.secret());
    assertThat(PlainApiKey.parse(rotated.value())).contains(rotated);
  }

  private static long decodeBase62(String digits) {
    var alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    long value = 0;
    for (char c : digits.toCharArray()) {
      value = value * 62 + alphabet.indexOf(c);
    }
    return value;
  }

  @Test
  void neverPrintsTheSecret() {
    var key = PlainApiKey.generate(random);

    assertThat(key.toString()).doesNotContain(key.secret()).contains(key.prefix());
  }
}
