package io.ledgerline.platforms.oauth;

import java.util.Map;

/**
 * A platform's own check of the authorization callback, beyond the state Ledgerline checks (Shopify
 * signs the callback's query with the app's secret).
 */
@FunctionalInterface
public interface CallbackCheck {

  /**
   * @param query the callback's query parameters (each once)
   * @param settings the connection's settings
   * @throws InvalidCallback when the callback is not the platform's
   */
  void check(Map<String, String> query, OAuth2App app, Map<String, String> settings);
}
