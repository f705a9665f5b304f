package io.ledgerline.platform.service.tenant;

import java.util.regex.Pattern;

/**
 * The tenant a request acts for. Taken only from the {@code tenant_id} claim of the verified JWT,
 * never from a header a client could forge. Declare it as a controller parameter: {@code TenantId
 * tenant}.
 */
public record TenantId(String value) {

  // Letters, digits, '_' and '-' only: the value becomes part of Kafka keys joined by ':'.
  private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

  public TenantId {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("Not a tenant id: " + value);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
