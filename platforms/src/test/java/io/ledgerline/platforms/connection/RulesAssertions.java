package io.ledgerline.platforms.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.platforms.Platform;
import io.ledgerline.platforms.Platforms;
import java.security.SecureRandom;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;

/** Creating connections through the shared rules, for each platform's rules tests. */
public final class RulesAssertions {

  public static final String OUR_URL = "https://hooks.ledgerline.test/webhooks/x/1";

  public static final SettingsRules RULES =
      new SettingsRules(new SecretGenerator(new SecureRandom()));

  public static final Platform HUBSPOT = platform("hubspot");
  public static final Platform SALESFORCE = platform("salesforce");
  public static final Platform PIPEDRIVE = platform("pipedrive");
  public static final Platform ZOHO = platform("zoho");
  public static final Platform SQUARE = platform("square");
  public static final Platform SHOPIFY = platform("shopify");
  public static final Platform LIGHTSPEED = platform("lightspeed");
  public static final Platform CLOVER = platform("clover");
  public static final Platform STANDARD_WEBHOOKS = platform("standard-webhooks");

  private RulesAssertions() {}

  public static Platform platform(String id) {
    return Platforms.installed().get(id);
  }

  public static SettingsRules.NewConnection create(
      Platform platform, Map<String, String> settings, String secret) {
    return RULES.forNew(platform, settings, secret, OUR_URL);
  }

  public static AbstractThrowableAssert<?, ?> rejected(
      Platform platform, Map<String, String> settings, String secret, String field) {
    return assertThatThrownBy(() -> create(platform, settings, secret))
        .isInstanceOf(InvalidSetting.class)
        .satisfies(e -> assertThat(((InvalidSetting) e).field()).isEqualTo(field));
  }
}
