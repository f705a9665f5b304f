package io.ledgerline.ingest.connection;

import io.ledgerline.platforms.Platform;
import io.ledgerline.platforms.connection.SettingsRules;
import io.ledgerline.platforms.webhook.WebhookCredentials;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place where connector-service's credentials contract becomes the verifier's {@link
 * WebhookCredentials}: secrets in order (current first, a previous one with its {@code validUntil}
 * during a rotation); which settings are credentials is the platform's to say ({@link
 * io.ledgerline.platforms.webhook.WebhookScheme#credentials}).
 */
public final class WebhookCredentialsMapping {

  private WebhookCredentialsMapping() {}

  /**
   * @param notificationUrl the URL the platform signs: the connection's stored {@code
   *     notificationUrl}, else the public webhook URL; never the URL as seen behind the proxy
   */
  public static WebhookCredentials toWebhookCredentials(
      Platform platform, ConnectionCredentials connection, String notificationUrl) {
    List<WebhookCredentials.Secret> secrets =
        connection.secrets().stream()
            .filter(s -> s.value() != null && !s.value().isEmpty())
            .map(s -> new WebhookCredentials.Secret(s.value(), s.validUntil()))
            .toList();
    return platform.webhooks().credentials(settings(connection), secrets, notificationUrl);
  }

  /** The connection's stored notification URL, if it has one. */
  public static String notificationUrl(ConnectionCredentials connection) {
    return settings(connection).get(SettingsRules.NOTIFICATION_URL);
  }

  /** Blank settings are absent; the others trimmed. */
  private static Map<String, String> settings(ConnectionCredentials connection) {
    Map<String, String> present = new HashMap<>();
    connection
        .settings()
        .forEach(
            (name, value) -> {
              if (!value.isBlank()) {
                present.put(name, value.strip());
              }
            });
    return present;
  }
}
