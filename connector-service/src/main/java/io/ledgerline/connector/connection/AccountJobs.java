package io.ledgerline.connector.connection;

import io.ledgerline.platforms.http.PlatformCallFailed;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refreshes tokens before they expire, so a connection's calls rarely wait for a refresh. Every
 * replica may run it: the token row lock makes each refresh happen once. A refused refresh leaves
 * the connection {@code NEEDS_REAUTHORIZATION}, which the job never picks again. It also renews
 * webhook registrations that expire ({@link WebhookRenewals}).
 */
@Component
@ConditionalOnProperty(
    name = "ledgerline.connector.accounts.jobs-enabled",
    havingValue = "true",
    matchIfMissing = true)
class AccountJobs {

  private static final Logger log = LoggerFactory.getLogger(AccountJobs.class);

  private final AccountTokens tokens;
  private final TokenRefresher refresher;
  private final AccountSettings settings;
  private final Clock clock;
  private final WebhookRenewals renewals;

  AccountJobs(
      AccountTokens tokens, TokenRefresher refresher, AccountSettings settings, Clock clock) {
    this(tokens, refresher, settings, clock, null);
  }

  @org.springframework.beans.factory.annotation.Autowired
  AccountJobs(
      AccountTokens tokens,
      TokenRefresher refresher,
      AccountSettings settings,
      Clock clock,
      WebhookRenewals renewals) {
    this.tokens = tokens;
    this.refresher = refresher;
    this.settings = settings;
    this.clock = clock;
    this.renewals = renewals;
  }

  /** Renews expiring webhook registrations (Zoho's watch channels) before they stop. */
  @Scheduled(
      fixedDelayString = "${ledgerline.connector.accounts.refresh-interval:60s}",
      initialDelayString = "${ledgerline.connector.accounts.refresh-interval:60s}")
  void renewExpiringWebhooks() {
    if (renewals == null) {
      return;
    }
    int renewed = renewals.renewExpiring();
    if (renewed > 0) {
      log.info("Renewed the webhook registrations of {} connection(s)", renewed);
    }
  }

  @Scheduled(
      fixedDelayString = "${ledgerline.connector.accounts.refresh-interval:60s}",
      initialDelayString = "${ledgerline.connector.accounts.refresh-interval:60s}")
  void refreshExpiringTokens() {
    int refreshed = refreshExpiring();
    if (refreshed > 0) {
      log.info("Refreshed the tokens of {} connection(s) before they expire", refreshed);
    }
  }

  /**
   * @return how many connections it refreshed
   */
  int refreshExpiring() {
    int n = 0;
    for (UUID id : tokens.expiringBefore(clock.instant().plus(settings.refreshAhead()), 100)) {
      try {
        refresher.refresh(id, null);
        n++;
      } catch (PlatformCallFailed e) {
        // recorded on the connection and counted; the next run tries again unless it was refused
      }
    }
    return n;
  }
}
