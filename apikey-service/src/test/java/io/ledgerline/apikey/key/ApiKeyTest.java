package io.ledgerline.apikey.key;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApiKeyTest {

  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

  @Test
  void aKeyWithoutExpiryIsUsableUntilRevoked() {
    assertThat(key(null, null).isUsableAt(NOW)).isTrue();
    assertThat(key(null, NOW.minusSeconds(1)).isUsableAt(NOW)).isFalse();
  }

  @Test
  void aKeyStopsAtItsExpiry() {
    assertThat(key(NOW.plusSeconds(1), null).isUsableAt(NOW)).isTrue();
    assertThat(key(NOW, null).isUsableAt(NOW)).isFalse();
  }

  private static ApiKey key(Instant expiresAt, Instant revokedAt) {
    return new ApiKey(
        UUID.randomUUID(),
        "t1",
        "k",
        "ABCDEFGH",
        new byte[32],
        Set.of("invoices:read"),
        NOW.minusSeconds(60),
        expiresAt,
        revokedAt,
        null,
        0,
        null,
        null,
        null);
  }

  @Test
  void aRotatedKeysOldSecretWorksUntilTheOverlapEnds() {
    var rotated =
        new ApiKey(
            UUID.randomUUID(),
            "t1",
            "k",
            "ABCDEFGH",
            new byte[32],
            Set.of("invoices:read"),
            NOW.minusSeconds(60),
            NOW.plusSeconds(3600),
            null,
            null,
            0,
            new byte[32],
            NOW.plusSeconds(10),
            NOW.minusSeconds(5));

    assertThat(rotated.accepts(ApiKey.SecretMatch.CURRENT, NOW))
        .contains(new ApiKey.Acceptance(NOW.plusSeconds(3600)));
    assertThat(rotated.accepts(ApiKey.SecretMatch.PREVIOUS, NOW))
        .contains(new ApiKey.Acceptance(NOW.plusSeconds(10)));
    assertThat(rotated.accepts(ApiKey.SecretMatch.PREVIOUS, NOW.plusSeconds(10))).isEmpty();
    assertThat(rotated.accepts(ApiKey.SecretMatch.NONE, NOW)).isEmpty();
  }

  @Test
  void aRevokedKeyAcceptsNoSecret() {
    assertThat(key(null, NOW.minusSeconds(1)).accepts(ApiKey.SecretMatch.CURRENT, NOW)).isEmpty();
  }
}
