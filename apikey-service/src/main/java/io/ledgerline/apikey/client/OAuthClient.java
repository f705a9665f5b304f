package io.ledgerline.apikey.client;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A tenant's OAuth2 client (client credentials) as stored: the secret only as its hash. */
record OAuthClient(
    String clientId,
    String tenantId,
    String name,
    String secretHash,
    Set<String> scopes,
    Instant createdAt,
    @Nullable Instant revokedAt) {

  OAuthClient {
    scopes = Set.copyOf(scopes);
  }

  @Override
  public String toString() {
    return "OAuthClient[clientId=" + clientId + ", tenantId=" + tenantId + "]";
  }
}
