package io.ledgerline.platforms.account;

import java.util.List;

/**
 * What registering webhooks made on the platform.
 *
 * @param ids the platform's ids of the subscriptions, to remove them later
 * @param secret the secret the platform issued for them (Square's signature key); null where
 *     Ledgerline chose it
 */
public record RegisteredWebhooks(List<String> ids, String secret) {

  public RegisteredWebhooks {
    ids = List.copyOf(ids);
  }

  @Override
  public String toString() {
    return "RegisteredWebhooks[ids=" + ids + ", secret=***]";
  }
}
