package io.ledgerline.apikey.tenant;

import java.time.Instant;

/**
 * A tenant of the platform.
 *
 * @param plan the name of its plan in {@code ledgerline.plans}: the gateway's rate limits
 */
public record Tenant(
    String id,
    String name,
    TenantStatus status,
    String plan,
    Instant createdAt,
    Instant updatedAt) {

  public boolean isActive() {
    return status == TenantStatus.ACTIVE;
  }
}
