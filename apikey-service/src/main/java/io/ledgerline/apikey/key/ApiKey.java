package io.ledgerline.apikey.key;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's API key as stored: the secret only as its peppered hash. After a rotation the previous
 * secret's hash is kept until {@code previousSecretExpiresAt} (the overlap), so callers can move to
 * the new secret without an outage.
 */
record ApiKey(
    UUID id,
    String tenantId,
    String name,
    String prefix,
    byte[] secretHash,
    Set<String> scopes,
    Instant createdAt,
    @Nullable Instant expiresAt,
    @Nullable Instant revokedAt,
    @Nullable Instant lastUsedAt,
    long usageCount,
    byte @Nullable [] previousSecretHash,
    @Nullable Instant previousSecretExpiresAt,
    @Nullable Instant rotatedAt) {

  /** Which stored secret a presented one matched. */
  enum SecretMatch {
    CURRENT,
    PREVIOUS,
    NONE
  }

  /** The key accepts the presented secret until {@code until} (null: until revoked). */
  record Acceptance(@Nullable Instant until) {}

  ApiKey {
    scopes = Set.copyOf(scopes);
  }

  boolean isUsableAt(Instant now) {
    return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
  }

  boolean previousSecretWorksAt(Instant now) {
    return previousSecretHash != null
        && previousSecretExpiresAt != null
        && now.isBefore(previousSecretExpiresAt);
  }

  /** Whether a secret that matched {@code match} is accepted now, and until when. */
  Optional<Acceptance> accepts(SecretMatch match, Instant now) {
    if (!isUsableAt(now)) {
      return Optional.empty();
    }
    return switch (match) {
      case CURRENT -> Optional.of(new Acceptance(expiresAt));
      case PREVIOUS ->
          previousSecretWorksAt(now)
              ? Optional.of(new Acceptance(earliest(expiresAt, previousSecretExpiresAt)))
              : Optional.empty();
      case NONE -> Optional.empty();
    };
  }

  private static @Nullable Instant earliest(@Nullable Instant a, @Nullable Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }

  @Override
  public String toString() {
    return "ApiKey[id=" + id + ", tenantId=" + tenantId + ", prefix=" + prefix + "]";
  }
}
