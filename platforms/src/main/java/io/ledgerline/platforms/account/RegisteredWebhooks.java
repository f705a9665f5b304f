package io.ledgerline.platforms.account;

import java.time.Instant;
import java.util.List;

/**
 * What registering webhooks made on the platform.
 *
 * @param ids the platform's ids of the subscriptions, to remove them later
 * @param secret the secret the platform issued for them (Square's signature key); null where
 *     Ledgerline chose it
 * @param expiresAt when the platform stops sending unless they are renewed ({@link
 *     AccountApi#renewWebhooks}: Zoho's watch channels live a week at most); null: never
 */
public record RegisteredWebhooks(List<String> ids, String secret, Instant expiresAt) {

  public RegisteredWebhooks {
    ids = List.copyOf(ids);
  }

  /** Registrations that do not expire. */
  public RegisteredWebhooks(List<String> ids, String secret) {
    this(ids, secret, null);
  }

  @Override
  public String toString() {
    return "RegisteredWebhooks[ids=" + ids + ", secret=***, expiresAt=" + expiresAt + "]";
  }
}
