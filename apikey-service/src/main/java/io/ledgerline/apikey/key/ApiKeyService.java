package io.ledgerline.apikey.key;

import io.ledgerline.apikey.events.CredentialEvents;
import io.ledgerline.apikey.key.ApiKey.SecretMatch;
import io.ledgerline.apikey.key.ApiKeys.DailyUsage;
import io.ledgerline.apikey.tenant.Tenant;
import io.ledgerline.apikey.tenant.TenantAdministration;
import io.ledgerline.apikey.token.IssuedToken;
import io.ledgerline.apikey.token.TokenIssuer;
import io.ledgerline.events.CredentialStatus;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, listing, rotating, revoking and exchanging tenants' API keys, and their usage. */
@Service
class ApiKeyService {

  private static final int MAX_NAME_LENGTH = 200;
  static final Duration DEFAULT_OVERLAP = Duration.ofHours(24);
  static final Duration MAX_OVERLAP = Duration.ofDays(30);
  static final int MAX_USAGE_DAYS = 366;

  record NewKey(
      @Nullable String name, @Nullable List<String> scopes, @Nullable Instant expiresAt) {}

  /** The stored key plus the one and only time its plain value is known. */
  record CreatedKey(ApiKey key, PlainApiKey plain) {}

  /** A token for a presented key, and until when the key accepts that secret (null: no end). */
  record Exchanged(IssuedToken token, UUID keyId, String tenantId, @Nullable Instant validUntil) {}

  record Usage(ApiKey key, LocalDate from, LocalDate to, List<DailyUsage> days) {}

  /** One line of a usage batch from the gateway. */
  record UsageReport(UUID keyId, LocalDate day, long requests, Instant lastUsedAt) {}

  private final ApiKeys keys;
  private final SecretHasher hasher;
  private final TokenIssuer tokens;
  private final TenantAdministration tenants;
  private final CredentialEvents events;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  ApiKeyService(
      ApiKeys keys,
      SecretHasher hasher,
      TokenIssuer tokens,
      TenantAdministration tenants,
      CredentialEvents events,
      Clock clock) {
    this.keys = keys;
    this.hasher = hasher;
    this.tokens = tokens;
    this.tenants = tenants;
    this.events = events;
    this.clock = clock;
  }

  /** A tenant's own key: the tenant must exist and be active. */
  @Transactional
  CreatedKey create(String tenantId, @Nullable NewKey request, Collection<String> granterScopes) {
    var tenant =
        tenants.active(tenantId).orElseThrow(() -> KeyProblems.invalidRequest("no active tenant"));
    return add(tenant, request, granterScopes);
  }

  /** An operator's key for a tenant, made a record first if it is new. */
  @Transactional
  CreatedKey createAsOperator(String tenantId, @Nullable NewKey request) {
    var tenant = tenants.ensure(tenantId);
    if (!tenant.isActive()) {
      throw KeyProblems.invalidRequest("the tenant is suspended");
    }
    // An operator may grant any tenant scope.
    return add(tenant, request, Scopes.TENANT_SCOPES);
  }

  private CreatedKey add(Tenant tenant, @Nullable NewKey request, Collection<String> granter) {
    if (request == null || request.name() == null || request.name().isBlank()) {
      throw KeyProblems.invalidRequest("name is required");
    }
    if (request.name().length() > MAX_NAME_LENGTH) {
      throw KeyProblems.invalidRequest("name is longer than " + MAX_NAME_LENGTH + " characters");
    }
    var now = clock.instant();
    if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
      throw KeyProblems.invalidRequest("expiresAt must be in the future");
    }
    Set<String> scopes;
    try {
      scopes = Scopes.forNewKey(request.scopes(), granter);
    } catch (Scopes.ScopeNotGrantable e) {
      throw KeyProblems.scopeNotGrantable(e.getMessage());
    }
    var plain = PlainApiKey.generate(random);
    var key =
        new ApiKey(
            UUID.randomUUID(),
            tenant.id(),
            request.name().strip(),
            plain.prefix(),
            hasher.hash(plain.secret()),
            scopes,
            now,
            request.expiresAt(),
            null,
            null,
            0,
            null,
            null,
            null);
    keys.add(key);
    return new CreatedKey(key, plain);
  }

  List<ApiKey> list(String tenantId) {
    return keys.ofTenant(tenantId);
  }

  ApiKey get(String tenantId, UUID id) {
    return keys.ofTenant(tenantId, id).orElseThrow(() -> KeyProblems.notFound("no API key " + id));
  }

  @Transactional
  void revoke(String tenantId, UUID id) {
    var key = get(tenantId, id);
    keys.revoke(tenantId, id, clock.instant());
    if (key.revokedAt() == null) {
      events.apiKey(id.toString(), tenantId, CredentialStatus.REVOKED);
    }
  }

  /**
   * A new secret for the key; the old one keeps working for {@code overlap} (default 24 h, at most
   * 30 days, zero ends it at once). A secret from an earlier rotation stops now.
   */
  @Transactional
  CreatedKey rotate(String tenantId, UUID id, @Nullable Duration overlap) {
    var effectiveOverlap = overlap == null ? DEFAULT_OVERLAP : overlap;
    if (effectiveOverlap.isNegative() || effectiveOverlap.compareTo(MAX_OVERLAP) > 0) {
      throw KeyProblems.invalidRequest("overlap is between PT0S and P30D");
    }
    var key =
        keys.ofTenantForUpdate(tenantId, id)
            .orElseThrow(() -> KeyProblems.notFound("no API key " + id));
    var now = clock.instant();
    if (!key.isUsableAt(now)) {
      throw KeyProblems.invalidRequest("a revoked or expired key cannot be rotated");
    }
    var plain = PlainApiKey.generateFor(key.prefix(), random);
    keys.rotate(id, hasher.hash(plain.secret()), key.secretHash(), now.plus(effectiveOverlap), now);
    // Gateways redo cached exchanges: a secret of an earlier rotation must stop now.
    events.apiKey(id.toString(), tenantId, CredentialStatus.CHANGED);
    return new CreatedKey(get(tenantId, id), plain);
  }

  Exchanged exchange(@Nullable String presented) {
    var plain = PlainApiKey.parse(presented).orElseThrow(KeyProblems::invalidKey);
    var key = keys.withPrefix(plain.prefix()).orElseThrow(KeyProblems::invalidKey);
    var now = clock.instant();
    var acceptance =
        key.accepts(match(key, plain.secret()), now).orElseThrow(KeyProblems::invalidKey);
    var tenant = tenants.active(key.tenantId()).orElseThrow(KeyProblems::invalidKey);
    var token = tokens.issue(key.id().toString(), tenant.id(), tenant.plan(), key.scopes());
    return new Exchanged(token, key.id(), tenant.id(), acceptance.until());
  }

  private SecretMatch match(ApiKey key, String secret) {
    // Both comparisons always run, so timing does not tell which secret matched.
    boolean current = hasher.matches(secret, key.secretHash());
    boolean previous =
        key.previousSecretHash() != null && hasher.matches(secret, key.previousSecretHash());
    if (current) {
      return SecretMatch.CURRENT;
    }
    return previous ? SecretMatch.PREVIOUS : SecretMatch.NONE;
  }

  @Transactional
  void recordUsage(List<UsageReport> batch) {
    for (var line : batch) {
      if (line.requests() > 0) {
        keys.addUsage(line.keyId(), line.day(), line.requests(), line.lastUsedAt());
      }
    }
  }

  /** Requests per UTC day, {@code from} and {@code to} inclusive (default: the last 30 days). */
  Usage usage(String tenantId, UUID id, @Nullable LocalDate from, @Nullable LocalDate to) {
    var key = get(tenantId, id);
    var end = to == null ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) : to;
    var start = from == null ? end.minusDays(29) : from;
    if (start.isAfter(end) || start.plusDays(MAX_USAGE_DAYS).isBefore(end)) {
      throw KeyProblems.invalidRequest("from must not be after to, and at most 366 days before it");
    }
    return new Usage(key, start, end, keys.usage(tenantId, id, start, end));
  }
}
