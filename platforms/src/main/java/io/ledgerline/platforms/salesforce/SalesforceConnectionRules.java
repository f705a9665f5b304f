package io.ledgerline.platforms.salesforce;

import io.ledgerline.platforms.connection.ConnectionRules;
import io.ledgerline.platforms.connection.SecretGenerator;
import io.ledgerline.platforms.connection.SecretRule;
import io.ledgerline.platforms.connection.Settings;
import io.ledgerline.platforms.webhook.UrlToken;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Identified by the organization id (public: the account, not a credential); the secret is an
 * unguessable URL token, always generated; the source IP allow-list may change.
 */
final class SalesforceConnectionRules implements ConnectionRules {

  static final String ORGANIZATION_ID = "organizationId";
  static final String ALLOWED_SOURCE_IPS = "allowedSourceIps";

  private static final Pattern ORGANIZATION_ID_FORMAT =
      Pattern.compile("^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$");

  @Override
  public Set<String> settingNames() {
    return Set.of(ORGANIZATION_ID, ALLOWED_SOURCE_IPS);
  }

  @Override
  public Set<String> changeableSettingNames() {
    return Set.of(ALLOWED_SOURCE_IPS);
  }

  @Override
  public void complete(Map<String, String> settings, SecretGenerator generate) {
    Settings.required(
        settings,
        ORGANIZATION_ID,
        ORGANIZATION_ID_FORMAT,
        "settings.organizationId is required for salesforce",
        "settings.organizationId must be the 15 or 18 character Salesforce organization id");
    changed(settings);
  }

  /** OAuth learns the organization id from the token's identity URL. */
  @Override
  public void completeForAccount(Map<String, String> settings, SecretGenerator generate) {
    if (settings.containsKey(ORGANIZATION_ID)) {
      complete(settings, generate);
    } else {
      changed(settings);
    }
  }

  @Override
  public void changed(Map<String, String> settings) {
    if (settings.containsKey(ALLOWED_SOURCE_IPS)) {
      settings.put(
          ALLOWED_SOURCE_IPS,
          Settings.ipList("settings." + ALLOWED_SOURCE_IPS, settings.get(ALLOWED_SOURCE_IPS)));
    }
  }

  @Override
  public SecretRule secret() {
    return SecretRule.alwaysGenerated("URL token", g -> g.base64Url(32));
  }

  @Override
  public String webhookUrlWithSecret(String webhookUrl, String secret) {
    return UrlToken.appendedTo(webhookUrl, secret);
  }

  @Override
  public Optional<String> accountId(Map<String, String> settings) {
    return Optional.ofNullable(settings.get(ORGANIZATION_ID));
  }
}
