package io.ledgerline.platforms.shopify;

import io.ledgerline.platforms.connection.ConnectionRules;
import io.ledgerline.platforms.connection.SecretGenerator;
import io.ledgerline.platforms.connection.SecretRule;
import io.ledgerline.platforms.connection.Settings;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The shop's {@code *.myshopify.com} domain and the webhook signing secret. */
final class ShopifyConnectionRules implements ConnectionRules {

  static final String SHOP_DOMAIN = "shopDomain";

  static final Pattern SHOP_DOMAIN_FORMAT =
      Pattern.compile("^[a-z0-9][a-z0-9-]*\\.myshopify\\.com$");

  @Override
  public Set<String> settingNames() {
    return Set.of(SHOP_DOMAIN);
  }

  @Override
  public void complete(Map<String, String> settings, SecretGenerator generate) {
    Settings.required(
        settings,
        SHOP_DOMAIN,
        SHOP_DOMAIN_FORMAT,
        "settings.shopDomain is required for shopify",
        "settings.shopDomain must look like your-shop.myshopify.com");
  }

  @Override
  public SecretRule secret() {
    return SecretRule.generatedIfAbsent("the webhook signing secret", 16, g -> g.hex(32));
  }

  @Override
  public Optional<String> accountId(Map<String, String> settings) {
    return Optional.ofNullable(settings.get(SHOP_DOMAIN));
  }
}
