package io.ledgerline.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * What this replica refuses even with a valid signature: every token of a suspended tenant, and
 * tokens of a revoked OAuth client or API key. A revoked subject is kept only as long as a token
 * issued before the revocation can live ({@code remember}), since no new token is issued for it.
 */
@Component
class CredentialDenials {

  private final Set<String> suspendedTenants = ConcurrentHashMap.newKeySet();
  private final Map<String, Instant> revokedSubjects = new ConcurrentHashMap<>();
  private final Duration remember;
  private final Clock clock;

  @Autowired
  CredentialDenials(GatewaySettings settings) {
    this(settings.revokedTokenMemory(), Clock.systemUTC());
  }

  CredentialDenials(Duration remember, Clock clock) {
    this.remember = remember;
    this.clock = clock;
  }

  void suspendTenant(String tenantId) {
    suspendedTenants.add(tenantId);
  }

  void reactivateTenant(String tenantId) {
    suspendedTenants.remove(tenantId);
  }

  void revokeSubject(String subject, Instant revokedAt) {
    var until = revokedAt.plus(remember);
    if (until.isAfter(clock.instant())) {
      revokedSubjects.put(subject, until);
    }
  }

  boolean isDenied(String subject, String tenantId) {
    if (tenantId != null && suspendedTenants.contains(tenantId)) {
      return true;
    }
    var until = subject == null ? null : revokedSubjects.get(subject);
    if (until == null) {
      return false;
    }
    if (until.isAfter(clock.instant())) {
      return true;
    }
    revokedSubjects.remove(subject, until);
    return false;
  }
}
