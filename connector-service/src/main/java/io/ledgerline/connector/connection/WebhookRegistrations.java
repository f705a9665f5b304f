package io.ledgerline.connector.connection;

import io.ledgerline.platforms.account.AccountCall;
import io.ledgerline.platforms.account.RegisteredWebhooks;
import io.ledgerline.platforms.account.WebhookTarget;
import io.ledgerline.platforms.http.PlatformCallFailed;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Registers a connection's webhooks on the platform where its API allows (Shopify, Pipedrive, Zoho,
 * Lightspeed, Square personal tokens) and removes them on delete. A failure does not stop the
 * connection: it is shown in its health.
 */
@Component
class WebhookRegistrations {

  private static final Logger log = LoggerFactory.getLogger(WebhookRegistrations.class);

  private final ConnectorSettings connector;

  WebhookRegistrations(ConnectorSettings connector) {
    this.connector = connector;
  }

  /**
   * @param secret the one the platform should authenticate with; null where it issues one
   */
  record Result(List<String> ids, String secret, java.time.Instant expiresAt, String error) {
    static final Result NONE = new Result(List.of(), null, null, null);

    @Override
    public String toString() {
      return "Result[ids="
          + ids
          + ", secret=***, expiresAt="
          + expiresAt
          + ", error="
          + error
          + "]";
    }
  }

  Result register(Connection connection, AccountCall call, String secret) {
    try {
      Optional<RegisteredWebhooks> registered =
          connection.platform().accountApi().registerWebhooks(call, target(connection, secret));
      return registered
          .map(r -> new Result(r.ids(), r.secret(), r.expiresAt(), null))
          .orElse(Result.NONE);
    } catch (PlatformCallFailed | IllegalArgumentException e) {
      log.warn(
          "Registering webhooks for connection {} failed: {}", connection.id(), e.getMessage());
      return new Result(List.of(), null, null, "webhook registration failed: " + e.getMessage());
    }
  }

  /**
   * Extends registrations that expire, or registers them again where the platform forgot them.
   *
   * @throws PlatformCallFailed when the platform could not renew them (tried again later)
   */
  RegisteredWebhooks renew(Connection connection, AccountCall call, String secret) {
    return connection
        .platform()
        .accountApi()
        .renewWebhooks(call, target(connection, secret), connection.registeredWebhooks());
  }

  private WebhookTarget target(Connection connection, String secret) {
    String url =
        secret == null
            ? connector.webhookUrl(connection)
            : connection
                .platform()
                .connectionRules()
                .webhookUrlWithSecret(connector.webhookUrl(connection), secret);
    return new WebhookTarget(url, secret, connection.settings());
  }

  /** Best effort: the platform stops sending to a deleted connection's URL in any case (410). */
  void remove(Connection connection, AccountCall call) {
    if (connection.registeredWebhooks().isEmpty()) {
      return;
    }
    try {
      connection.platform().accountApi().removeWebhooks(call, connection.registeredWebhooks());
    } catch (PlatformCallFailed | IllegalArgumentException e) {
      log.warn("Removing webhooks of connection {} failed: {}", connection.id(), e.getMessage());
    }
  }
}
