package io.ledgerline.connector.connection;

import io.ledgerline.platforms.Platform;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param publicWebhookBaseUrl where platforms reach our webhooks (the gateway), without a trailing
 *     slash; a connection's webhook URL is {@code <base>/webhooks/<platform>/<id>}
 */
@Validated
@ConfigurationProperties("ledgerline.connector")
record ConnectorSettings(
    @DefaultValue("http://localhost:8080") @NotBlank String publicWebhookBaseUrl) {

  String webhookUrl(Connection connection) {
    return webhookUrl(connection.platform(), connection.id());
  }

  String webhookUrl(Platform platform, java.util.UUID id) {
    return publicBase() + "/webhooks/" + platform.id() + "/" + id;
  }

  /** The gateway as platforms and browsers see it, without a trailing slash. */
  String publicBase() {
    return publicWebhookBaseUrl.endsWith("/")
        ? publicWebhookBaseUrl.substring(0, publicWebhookBaseUrl.length() - 1)
        : publicWebhookBaseUrl;
  }
}
