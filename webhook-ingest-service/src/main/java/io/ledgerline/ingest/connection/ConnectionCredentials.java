package io.ledgerline.ingest.connection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What webhook-ingest needs to know about a connection to accept its webhooks. */
public record ConnectionCredentials(
    UUID connectionId,
    String tenantId,
    String platform,
    String status,
    Map<String, String> settings,
    List<Secret> secrets) {

  public ConnectionCredentials {
    settings = settings == null ? Map.of() : Map.copyOf(settings);
    secrets = secrets == null ? List.of() : List.copyOf(secrets);
  }

  public boolean active() {
    return "ACTIVE".equals(status);
  }

  /** A webhook secret; {@code validUntil} is set on the previous one during a rotation. */
  public record Secret(String value, Instant validUntil) {
    @Override
    public String toString() {
      return "Secret[value=***, validUntil=" + validUntil + "]";
    }
  }

  @Override
  public String toString() {
    return "ConnectionCredentials[" + connectionId + ", " + platform + ", " + status + "]";
  }
}
