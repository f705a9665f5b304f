package io.ledgerline.platforms.account;

import java.util.Map;

/**
 * Where the platform should send the account's webhooks.
 *
 * @param url the connection's webhook URL (for Lightspeed with its token)
 * @param secret the secret the platform should authenticate with (null where it issues one)
 * @param settings the connection's settings (Pipedrive's username, Zoho's channel id)
 */
public record WebhookTarget(String url, String secret, Map<String, String> settings) {

  @Override
  public String toString() {
    return "WebhookTarget[url=" + url.replaceAll("\\?.*", "?***") + ", secret=***]";
  }
}
