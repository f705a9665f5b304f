package io.ledgerline.connector.connection;

import io.ledgerline.platforms.account.RegisteredWebhooks;
import io.ledgerline.platforms.http.PlatformCallFailed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Renews the webhook registrations that expire (Zoho's watch channels) before they do: each
 * connection whose registrations expire within {@code webhook-renew-ahead}, by one replica at a
 * time (it claims the renewal for a few minutes; the platform is asked outside any transaction, so
 * a token refreshed on the way is never rolled back). A renewal that fails is shown in the
 * connection's health and tried again on the next run; the registrations keep working until they
 * expire.
 */
@Component
class WebhookRenewals {

  private static final Logger log = LoggerFactory.getLogger(WebhookRenewals.class);
  private static final Duration CLAIM = Duration.ofMinutes(5);

  private final Connections connections;
  private final AccountCalls calls;
  private final WebhookRegistrations registrations;
  private final AccountSettings settings;
  private final Clock clock;

  WebhookRenewals(
      Connections connections,
      AccountCalls calls,
      WebhookRegistrations registrations,
      AccountSettings settings,
      Clock clock) {
    this.connections = connections;
    this.calls = calls;
    this.registrations = registrations;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * @return how many connections' registrations it renewed
   */
  int renewExpiring() {
    int renewed = 0;
    for (UUID id :
        connections.webhooksExpiringBefore(
            clock.instant().plus(settings.webhookRenewAhead()), 100)) {
      if (renew(id)) {
        renewed++;
      }
    }
    return renewed;
  }

  /** Renews one connection's registrations if they still need it and nobody else is. */
  boolean renew(UUID id) {
    Instant now = clock.instant();
    if (!connections.claimWebhookRenewal(
        id, now.plus(settings.webhookRenewAhead()), now, now.plus(CLAIM))) {
      return false; // renewed meanwhile, no longer active, or another replica is at it
    }
    try {
      Connection connection = connections.findById(id).orElseThrow();
      String secret =
          connections.secretsOf(connection).stream()
              .findFirst()
              .map(WebhookSecret::value)
              .orElse(null);
      RegisteredWebhooks renewed = registrations.renew(connection, calls.of(connection), secret);
      connections.recordWebhookRegistration(id, renewed.ids(), renewed.expiresAt());
      connections.recordSuccess(id, clock.instant());
      log.info("Renewed the webhooks of connection {} until {}", id, renewed.expiresAt());
      return true;
    } catch (PlatformCallFailed | IllegalArgumentException e) {
      connections.recordError(id, "webhook renewal failed: " + e.getMessage(), clock.instant());
      log.warn("Renewing the webhooks of connection {} failed: {}", id, e.getMessage());
      return false;
    } finally {
      connections.releaseWebhookRenewal(id);
    }
  }
}
