package io.ledgerline.apikey.key;

import io.ledgerline.apikey.token.IssuedToken;
import io.ledgerline.apikey.token.TokenIssuer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, listing, revoking and exchanging tenants' API keys. */
@Service
class ApiKeyService {

  private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
  private static final int MAX_NAME_LENGTH = 200;

  record NewKey(
      @Nullable String name, @Nullable List<String> scopes, @Nullable Instant expiresAt) {}

  /** The stored key plus the one and only time its plain value is known. */
  record CreatedKey(ApiKey key, PlainApiKey plain) {}

  private final ApiKeys keys;
  private final SecretHasher hasher;
  private final TokenIssuer tokens;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  ApiKeyService(ApiKeys keys, SecretHasher hasher, TokenIssuer tokens, Clock clock) {
    this.keys = keys;
    this.hasher = hasher;
    this.tokens = tokens;
    this.clock = clock;
  }

  @Transactional
  CreatedKey create(
      @Nullable String tenantId, @Nullable NewKey request, Collection<String> granterScopes) {
    if (tenantId == null || !TENANT_ID.matcher(tenantId).matches()) {
      throw KeyProblem.invalidRequest(
          "a tenant id is 1 to 64 letters, digits, '-' or '_', starting with a letter or digit");
    }
    if (request == null || request.name() == null || request.name().isBlank()) {
      throw KeyProblem.invalidRequest("name is required");
    }
    if (request.name().length() > MAX_NAME_LENGTH) {
      throw KeyProblem.invalidRequest("name is longer than " + MAX_NAME_LENGTH + " characters");
    }
    var now = clock.instant();
    if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
      throw KeyProblem.invalidRequest("expiresAt must be in the future");
    }
    Set<String> scopes;
    try {
      scopes = Scopes.forNewKey(request.scopes(), granterScopes);
    } catch (Scopes.ScopeNotGrantable e) {
      throw KeyProblem.scopeNotGrantable(e.getMessage());
    }
    var plain = PlainApiKey.generate(random);
    var key =
        new ApiKey(
            UUID.randomUUID(),
            tenantId,
            request.name().strip(),
            plain.prefix(),
            hasher.hash(plain.secret()),
            scopes,
            now,
            request.expiresAt(),
            null,
            null,
            0);
    keys.add(key);
    return new CreatedKey(key, plain);
  }

  List<ApiKey> list(String tenantId) {
    return keys.ofTenant(tenantId);
  }

  @Transactional
  void revoke(String tenantId, UUID id) {
    if (keys.ofTenant(tenantId, id).isEmpty()) {
      // Another tenant's key looks exactly like a missing one.
      throw KeyProblem.notFound("no API key " + id);
    }
    keys.revoke(tenantId, id, clock.instant());
  }

  /** The gateway's exchange: a valid key becomes a short-lived JWT for its tenant and scopes. */
  @Transactional
  IssuedToken exchange(@Nullable String presented) {
    var plain = PlainApiKey.parse(presented).orElseThrow(KeyProblem::invalidKey);
    var key = keys.withPrefix(plain.prefix()).orElseThrow(KeyProblem::invalidKey);
    var now = clock.instant();
    if (!hasher.matches(plain.secret(), key.secretHash()) || !key.isUsableAt(now)) {
      throw KeyProblem.invalidKey();
    }
    keys.recordUse(key.id(), now);
    return tokens.issue(key.id().toString(), key.tenantId(), key.scopes());
  }
}
