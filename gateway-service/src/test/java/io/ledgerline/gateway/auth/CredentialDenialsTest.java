package io.ledgerline.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CredentialDenialsTest {

  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  private final CredentialDenials denials =
      new CredentialDenials(Duration.ofMinutes(10), Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aSuspendedTenantsTokensAreDeniedUntilItIsReactivated() {
    denials.suspendTenant("t1");

    assertThat(denials.isDenied("key-1", "t1")).isTrue();
    assertThat(denials.isDenied("key-2", "t2")).isFalse();

    denials.reactivateTenant("t1");
    assertThat(denials.isDenied("key-1", "t1")).isFalse();
  }

  @Test
  void aRevokedSubjectIsDeniedWhileItsTokensCanStillLive() {
    denials.revokeSubject("llc_a", NOW.minusSeconds(60));
    denials.revokeSubject("llc_old", NOW.minus(Duration.ofMinutes(11)));

    assertThat(denials.isDenied("llc_a", "t1")).isTrue();
    assertThat(denials.isDenied("llc_old", "t1")).isFalse();
    assertThat(denials.isDenied("llc_b", null)).isFalse();
  }
}
