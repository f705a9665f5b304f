package io.ledgerline.platforms.connection;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a connection's settings and its one webhook secret mean on one platform. Settings are plain
 * (they identify, they do not authenticate); the secret is stored encrypted. {@link SettingsRules}
 * applies the rules every platform shares ({@code notificationUrl}, unknown settings, lengths).
 */
public interface ConnectionRules {

  /** The settings this platform's connections take, besides {@code notificationUrl}. */
  default Set<String> settingNames() {
    return Set.of();
  }

  /** Those a tenant may change after creation, besides {@code notificationUrl}. */
  default Set<String> changeableSettingNames() {
    return Set.of();
  }

  /**
   * Checks a new connection's settings (blank ones already removed) and fills in what Ledgerline
   * generates.
   *
   * @throws InvalidSetting naming the offending field
   */
  default void complete(Map<String, String> settings, SecretGenerator generate) {}

  /**
   * Like {@link #complete}, for a connection made through the platform's API (OAuth or an account
   * token), where some settings are learned from the platform instead (Salesforce's organization
   * id).
   */
  default void completeForAccount(Map<String, String> settings, SecretGenerator generate) {
    complete(settings, generate);
  }

  /**
   * Checks and normalizes the settings after a change of the changeable ones.
   *
   * @throws InvalidSetting naming the offending field
   */
  default void changed(Map<String, String> settings) {}

  SecretRule secret();

  /**
   * The platform account a webhook connection's checked settings name (Shopify's shop domain,
   * Salesforce's organization id), in the form the platform's account API names it: one account has
   * one live connection, and invoices key on the account. Empty where the settings name none.
   */
  default Optional<String> accountId(Map<String, String> settings) {
    return Optional.empty();
  }

  /**
   * The webhook URL to show beside a freshly issued secret: Lightspeed's token rides in the URL, so
   * only the responses that show the secret show that URL.
   */
  default String webhookUrlWithSecret(String webhookUrl, String secret) {
    return webhookUrl;
  }
}
