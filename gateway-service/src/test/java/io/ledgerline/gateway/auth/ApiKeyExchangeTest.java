package io.ledgerline.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ApiKeyExchangeTest {

  private static final Duration TTL = Duration.ofSeconds(30);

  @Test
  void aTokenIsCachedForTheCacheTtlWhenItLivesLonger() {
    assertThat(ApiKeyExchange.cacheLifetime(Duration.ofMinutes(5), TTL)).isEqualTo(TTL);
  }

  @Test
  void aShortLivedTokenLeavesTheCacheWellBeforeItExpires() {
    assertThat(ApiKeyExchange.cacheLifetime(Duration.ofSeconds(25), TTL))
        .isEqualTo(Duration.ofSeconds(15));
    assertThat(ApiKeyExchange.cacheLifetime(Duration.ofSeconds(5), TTL)).isZero();
  }

  @Test
  void theCacheKeyIsAHashNotTheKey() {
    var key = "llk_ABCDEFGH_" + "s".repeat(43);

    var fingerprint = ApiKeyExchange.fingerprint(key);

    assertThat(fingerprint).hasSize(64).doesNotContain("ABCDEFGH").doesNotContain("sss");
    assertThat(ApiKeyExchange.fingerprint(key)).isEqualTo(fingerprint);
  }
}
