package io.ledgerline.platforms.account;

import java.util.Map;
import java.util.Objects;

/**
 * Who a connected account is on its platform.
 *
 * @param id the platform's id of the account (HubSpot portal, Salesforce org, Square merchant,
 *     Shopify shop, Zoho org, Pipedrive company domain, Lightspeed domain prefix, Clover merchant)
 * @param name for people, where known; else null
 * @param settings settings the connection learns (Salesforce's {@code organizationId})
 * @param facts non-secret facts to keep for later calls (Zoho's data centre)
 */
public record Account(
    String id, String name, Map<String, String> settings, Map<String, String> facts) {

  public Account {
    Objects.requireNonNull(id, "id");
    settings = Map.copyOf(settings);
    facts = Map.copyOf(facts);
  }

  public static Account of(String id, String name) {
    return new Account(id, name, Map.of(), Map.of());
  }
}
