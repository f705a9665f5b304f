package io.ledgerline.platforms.api;

import io.ledgerline.platforms.mapping.ConnectionMapping;
import java.util.UUID;

/** API contexts for platform tests. */
public final class Contexts {

  public static final UUID CONNECTION = UUID.fromString("00000000-0000-0000-0000-0000000000c1");

  private Contexts() {}

  public static ApiContext of(String platform, String accountId, String currency) {
    return new ApiContext(
        "tenant-1", CONNECTION, platform, accountId, currency, ConnectionMapping.DEFAULT);
  }

  public static ApiContext of(
      String platform, String accountId, String currency, ConnectionMapping mapping) {
    return new ApiContext("tenant-1", CONNECTION, platform, accountId, currency, mapping);
  }
}
