package io.ledgerline.platform.service.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvelopeEncryptionTest {

  private static final byte[] KEK_1 = filled(1);
  private static final byte[] KEK_2 = filled(2);

  private final EnvelopeEncryption encryption =
      new EnvelopeEncryption(Map.of("k1", KEK_1, "k2", KEK_2), "k1");

  @Test
  void roundTripsASecretUnderTheActiveKey() {
    EncryptedSecret sealed = encryption.encrypt("shpss_topsecret", "connection-secret:a");

    assertThat(sealed.keyId()).isEqualTo("k1");
    assertThat(encryption.decrypt(sealed, "connection-secret:a")).isEqualTo("shpss_topsecret");
  }

  @Test
  void neverLeavesThePlaintextInTheStoredBytes() {
    EncryptedSecret sealed = encryption.encrypt("shpss_topsecret", "connection-secret:a");

    assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1))
        .doesNotContain("shpss_topsecret");
    assertThat(new String(sealed.wrappedDataKey(), StandardCharsets.ISO_8859_1))
        .doesNotContain("shpss_topsecret");
  }

  @Test
  void usesAFreshDataKeyAndNonceForEverySecret() {
    EncryptedSecret first = encryption.encrypt("same", "connection-secret:a");
    EncryptedSecret second = encryption.encrypt("same", "connection-secret:a");

    assertThat(first.wrappedDataKey()).isNotEqualTo(second.wrappedDataKey());
    assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
  }

  @Test
  void failsToDecryptWithTheWrongKey() {
    EncryptedSecret sealed = encryption.encrypt("shpss_topsecret", "connection-secret:a");
    EnvelopeEncryption otherKeys =
        new EnvelopeEncryption(Map.of("k1", filled(9)), "k1"); // same id, different key material

    assertThatThrownBy(() -> otherKeys.decrypt(sealed, "connection-secret:a"))
        .isInstanceOf(SecretDecryptionFailed.class)
        .hasMessageNotContaining("shpss_topsecret");
  }

  @Test
  void failsToDecryptASecretMovedToAnotherConnection() {
    EncryptedSecret sealed = encryption.encrypt("shpss_topsecret", "connection-secret:a");

    assertThatThrownBy(() -> encryption.decrypt(sealed, "connection-secret:b"))
        .isInstanceOf(SecretDecryptionFailed.class);
  }

  @Test
  void stillDecryptsSecretsWrappedByAnOlderKeyAfterRotation() {
    EncryptedSecret sealedUnderK1 = encryption.encrypt("old", "connection-secret:a");
    EnvelopeEncryption rotated = new EnvelopeEncryption(Map.of("k1", KEK_1, "k2", KEK_2), "k2");

    assertThat(rotated.encrypt("new", "x").keyId()).isEqualTo("k2");
    assertThat(rotated.decrypt(sealedUnderK1, "connection-secret:a")).isEqualTo("old");
  }

  @Test
  void refusesAKeyThatIsNot256Bits() {
    assertThatThrownBy(() -> new EnvelopeEncryption(Map.of("short", new byte[16]), "short"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] filled(int value) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) value);
    return key;
  }
}
