package io.ledgerline.ingest.connection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What webhook-ingest needs to know about a connection to accept its webhooks.
 *
 * @param accountId the platform account the connection is for (shop domain, org, merchant, portal),
 *     when connector-service knows it; its events carry it, and invoices key on it
 * @param template the connection's mapping template (a JSONata expression), for payloads whose
 *     meaning the connection sets (Standard Webhooks); null when it has none
 * @param templateEvent what the template makes, {@code sale} or {@code deal}; null without one
 * @param apiAccess whether connector-service can read the connection's platform API (OAuth2 or an
 *     account token): a webhook may then name an object for it to fetch (Pipedrive deals); false
 *     for a webhook-only connection, and when connector-service does not say
 */
public record ConnectionCredentials(
    UUID connectionId,
    String tenantId,
    String platform,
    String status,
    Map<String, String> settings,
    List<Secret> secrets,
    String accountId,
    String template,
    String templateEvent,
    Boolean apiAccess) {

  public ConnectionCredentials(
      UUID connectionId,
      String tenantId,
      String platform,
      String status,
      Map<String, String> settings,
      List<Secret> secrets,
      String accountId) {
    this(connectionId, tenantId, platform, status, settings, secrets, accountId, null, null, false);
  }

  public ConnectionCredentials(
      UUID connectionId,
      String tenantId,
      String platform,
      String status,
      Map<String, String> settings,
      List<Secret> secrets) {
    this(connectionId, tenantId, platform, status, settings, secrets, null, null, null, false);
  }

  public ConnectionCredentials {
    // Optional settings may arrive as JSON nulls; absent and null mean the same here.
    Map<String, String> present = new java.util.HashMap<>();
    if (settings != null) {
      settings.forEach(
          (name, value) -> {
            if (name != null && value != null) {
              present.put(name, value);
            }
          });
    }
    settings = Map.copyOf(present);
    secrets = secrets == null ? List.of() : List.copyOf(secrets);
    // Absent (an older connector-service) means no API access: the webhook's own events.
    apiAccess = Boolean.TRUE.equals(apiAccess);
  }

  /**
   * Whether its webhooks are accepted: an active connection, and one waiting for re-authorization
   * (its API access lapsed; its webhook secret did not).
   */
  public boolean active() {
    return "ACTIVE".equals(status) || "NEEDS_REAUTHORIZATION".equals(status);
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
