package io.ledgerline.platforms.lightspeed;

import io.ledgerline.platforms.connection.ConnectionRules;
import io.ledgerline.platforms.connection.InvalidSetting;
import io.ledgerline.platforms.connection.SecretGenerator;
import io.ledgerline.platforms.connection.SecretRule;
import io.ledgerline.platforms.connection.Settings;
import io.ledgerline.platforms.connection.SettingsRules;
import io.ledgerline.platforms.webhook.UrlToken;
import java.util.Map;
import java.util.Set;

/**
 * The store's currency (its sale payloads name none) and an unguessable URL token, always
 * generated.
 */
final class LightspeedConnectionRules implements ConnectionRules {

  static final String CURRENCY = SettingsRules.CURRENCY;

  @Override
  public Set<String> settingNames() {
    return Set.of(CURRENCY);
  }

  @Override
  public void complete(Map<String, String> settings, SecretGenerator generate) {
    String currency = Settings.currency(settings.get(CURRENCY));
    if (currency == null) {
      throw new InvalidSetting(
          "settings.currency",
          "settings.currency (the store's ISO 4217 currency, e.g. EUR) is required for"
              + " lightspeed");
    }
    settings.put(CURRENCY, currency);
  }

  @Override
  public SecretRule secret() {
    return SecretRule.alwaysGenerated("URL token", g -> g.base64Url(32));
  }

  @Override
  public String webhookUrlWithSecret(String webhookUrl, String secret) {
    return UrlToken.appendedTo(webhookUrl, secret);
  }
}
