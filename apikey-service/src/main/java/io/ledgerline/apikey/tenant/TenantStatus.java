package io.ledgerline.apikey.tenant;

/** Whether a tenant's credentials work. */
public enum TenantStatus {
  ACTIVE,
  /** Every key, OAuth client and token of the tenant is refused, at once. */
  SUSPENDED
}
