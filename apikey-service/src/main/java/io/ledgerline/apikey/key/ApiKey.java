package io.ledgerline.apikey.key;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A tenant's API key as stored: the secret only as its peppered hash. */
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
    long usageCount) {

  ApiKey {
    scopes = Set.copyOf(scopes);
  }

  boolean isUsableAt(Instant now) {
    return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
  }

  @Override
  public String toString() {
    return "ApiKey[id=" + id + ", tenantId=" + tenantId + ", prefix=" + prefix + "]";
  }
}
