package io.ledgerline.ingest.connection;

import io.ledgerline.webhooks.verification.WebhookCredentials;
import java.util.Arrays;

/**
 * The one place where connector-service's credentials contract becomes the verifier's {@link
 * WebhookCredentials}: secrets in order (current first, a previous one with its {@code validUntil}
 * during a rotation), the scheme's settings by name.
 */
public final class WebhookCredentialsMapping {

  private WebhookCredentialsMapping() {}

  /**
   * @param notificationUrl the URL the platform signs (Square): the connection's stored {@code
   *     notificationUrl}, else the public webhook URL; never the URL as seen behind the proxy
   */
  public static WebhookCredentials toWebhookCredentials(
      ConnectionCredentials connection, String notificationUrl) {
    WebhookCredentials.Builder builder = WebhookCredentials.builder();
    connection.secrets().stream()
        .filter(s -> s.value() != null && !s.value().isEmpty())
        .forEach(s -> builder.secret(s.value(), s.validUntil()));
    if (connection.secrets().isEmpty() && setting(connection, "organizationId") != null) {
      // Salesforce authenticates by the organization id, which connector-service may keep as a
      // setting rather than a secret.
      builder.secret(setting(connection, "organizationId"));
    }
    String allowed = setting(connection, "allowedSourceIps");
    if (allowed != null) {
      Arrays.stream(allowed.split(","))
          .map(String::trim)
          .filter(ip -> !ip.isEmpty())
          .forEach(builder::allowedSourceIp);
    }
    return builder
        .username(setting(connection, "username"))
        .channelId(setting(connection, "channelId"))
        .notificationUrl(notificationUrl)
        .build();
  }

  /** The connection's stored notification URL, if it has one. */
  public static String notificationUrl(ConnectionCredentials connection) {
    return setting(connection, "notificationUrl");
  }

  private static String setting(ConnectionCredentials connection, String name) {
    String value = connection.settings().get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }
}
