package io.ledgerline.platforms.connection;

import io.ledgerline.platforms.Platform;
import io.ledgerline.platforms.account.AccountApi;
import io.ledgerline.platforms.oauth.OAuth2Spec;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The rules every platform's connections share, around each platform's {@link ConnectionRules}:
 * unknown settings are refused, {@code notificationUrl} (the URL the platform was told, which
 * signatures cover) defaults to our public webhook URL, and the secret is checked, generated or
 * refused as the platform's {@link SecretRule} says.
 */
public final class SettingsRules {

  /** The URL the platform was told: every connection has it. */
  public static final String NOTIFICATION_URL = "notificationUrl";

  /**
   * The connection's currency (ISO 4217), for platforms whose payloads name none (Lightspeed's
   * sales): a setting such a platform requires, handed to its normalizer.
   */
  public static final String CURRENCY = "currency";

  private final SecretGenerator generate;

  public SettingsRules(SecretGenerator generate) {
    this.generate = generate;
  }

  /** Validated settings and the secret to store (null where the platform has none yet). */
  public record NewConnection(Map<String, String> settings, String secret) {
    @Override
    public String toString() {
      return "NewConnection[settings=" + settings + ", secret=***]";
    }
  }

  /**
   * Checks a new connection's settings and secret, fills in what Ledgerline generates, and sets
   * {@code notificationUrl} to our public webhook URL unless the tenant gave the one the platform
   * was told.
   */
  public NewConnection forNew(
      Platform platform, Map<String, String> given, String secret, String defaultNotificationUrl) {
    ConnectionRules rules = platform.connectionRules();
    Map<String, String> settings = new LinkedHashMap<>(given == null ? Map.of() : given);
    for (String key : settings.keySet()) {
      if (!allowed(rules).contains(key)) {
        throw new InvalidSetting(
            "settings." + key, "settings." + key + " is not a setting of " + platform.id());
      }
    }
    settings.replaceAll((k, v) -> v == null ? null : v.strip());
    settings.values().removeIf(v -> v == null || v.isEmpty());
    settings.putIfAbsent(NOTIFICATION_URL, defaultNotificationUrl);
    checkNotificationUrl(settings.get(NOTIFICATION_URL));
    rules.complete(settings, generate);
    return new NewConnection(Map.copyOf(settings), secretForNew(platform, secret));
  }

  /**
   * Checks a new account connection's settings (made by OAuth, {@code oauth}, or with an account
   * token) and decides its webhook secret as the platform's {@link AccountApi#webhookSecret} says:
   * none stored where the app's secret verifies or the platform issues one at registration,
   * generated where Ledgerline registers it, the tenant's (optional) where the tenant has it.
   */
  public NewConnection forAccount(
      Platform platform,
      Map<String, String> given,
      String secret,
      boolean oauth,
      String defaultNotificationUrl) {
    ConnectionRules rules = platform.connectionRules();
    AccountApi api = platform.accountApi();
    Set<String> allowed = allowed(rules);
    boolean sandbox = platform.provides(Platform.Part.OAUTH2) && platform.oauth2().hasSandbox();
    if (sandbox) {
      allowed.add(OAuth2Spec.ENVIRONMENT);
    }
    if (!oauth) {
      allowed.addAll(api.accountTokenSettingNames());
    }
    Map<String, String> settings = new LinkedHashMap<>(given == null ? Map.of() : given);
    for (String key : settings.keySet()) {
      if (!allowed.contains(key)) {
        throw new InvalidSetting(
            "settings." + key,
            "settings." + key + " is not a setting of " + platform.id() + " account connections");
      }
    }
    settings.replaceAll((k, v) -> v == null ? null : v.strip());
    settings.values().removeIf(v -> v == null || v.isEmpty());
    String environment = settings.get(OAuth2Spec.ENVIRONMENT);
    if (environment != null
        && !environment.equals("production")
        && !environment.equals(OAuth2Spec.SANDBOX)) {
      throw new InvalidSetting(
          "settings.environment", "settings.environment must be production or sandbox");
    }
    settings.putIfAbsent(NOTIFICATION_URL, defaultNotificationUrl);
    checkNotificationUrl(settings.get(NOTIFICATION_URL));
    rules.completeForAccount(settings, generate);
    SecretRule rule = rules.secret();
    String givenSecret = blankToNull(secret);
    String stored =
        switch (api.webhookSecret(oauth)) {
          case APP, NONE, FROM_REGISTRATION -> {
            if (givenSecret != null) {
              throw new InvalidSetting(
                  "secret",
                  "a "
                      + platform.id()
                      + (oauth ? " OAuth" : " token")
                      + " connection takes no webhook secret: the platform's own is used");
            }
            yield null;
          }
          case GENERATED -> {
            if (givenSecret != null) {
              throw new InvalidSetting(
                  "secret",
                  "the webhook secret of a "
                      + platform.id()
                      + " account connection is generated and registered by Ledgerline");
            }
            if (rule.generator() == null) {
              throw new IllegalStateException(
                  platform.id() + " declares a generated secret without a generator");
            }
            yield rule.generator().apply(generate);
          }
          case GIVEN -> givenSecret == null ? null : checked(platform, rule, givenSecret);
        };
    return new NewConnection(Map.copyOf(settings), stored);
  }

  /**
   * The webhook secret an account connection's tenant gives after creation, where the platform's
   * {@link AccountApi#webhookSecret} is {@link AccountApi.WebhookSecret#GIVEN} (a private app's
   * client secret, a custom app's API secret key, a Clover auth code).
   */
  public String secretForAccountLater(Platform platform, boolean oauth, String given) {
    if (platform.accountApi().webhookSecret(oauth) != AccountApi.WebhookSecret.GIVEN) {
      throw new InvalidSetting(
          "secret",
          "a "
              + platform.id()
              + (oauth ? " OAuth" : " token")
              + " connection's webhook secret is not given by the tenant");
    }
    return checked(
        platform,
        platform.connectionRules().secret(),
        required(platform, platform.connectionRules().secret(), blankToNull(given)));
  }

  /**
   * The secret that replaces the current one: the tenant's where the platform issues it, generated
   * where Ledgerline chooses it and none was given.
   */
  public String secretForRotation(Platform platform, String given) {
    SecretRule rule = platform.connectionRules().secret();
    String secret = blankToNull(given);
    return switch (rule.mode()) {
      case NONE -> throw noSecret(platform, rule);
      case GIVEN_LATER -> checked(platform, rule, required(platform, rule, secret));
      default -> secretForNew(platform, secret);
    };
  }

  /**
   * Whether a connection's secret is given after creation ({@link SecretRule.Mode#GIVEN_LATER}).
   */
  public static boolean secretGivenLater(Platform platform) {
    return platform.connectionRules().secret().mode() == SecretRule.Mode.GIVEN_LATER;
  }

  /** The secret the platform issued after the connection was created (Clover's auth code). */
  public String secretGivenLater(Platform platform, String given) {
    if (!secretGivenLater(platform)) {
      throw new InvalidSetting(
          "secret",
          "the secret of a " + platform.id() + " connection changes through secret-rotations");
    }
    return secretForRotation(platform, given);
  }

  /** The settings after a change of the changeable ones (a blank value removes a setting). */
  public Map<String, String> changed(
      Platform platform,
      Map<String, String> current,
      Map<String, String> changes,
      String defaultNotificationUrl) {
    ConnectionRules rules = platform.connectionRules();
    Map<String, String> settings = new LinkedHashMap<>(current);
    for (Map.Entry<String, String> change : changes.entrySet()) {
      String key = change.getKey();
      if (!NOTIFICATION_URL.equals(key) && !rules.changeableSettingNames().contains(key)) {
        throw new InvalidSetting(
            "settings." + key, "settings." + key + " cannot be changed on " + platform.id());
      }
      String value = blankToNull(change.getValue());
      if (value == null) {
        settings.remove(key);
      } else {
        settings.put(key, value.strip());
      }
    }
    settings.putIfAbsent(NOTIFICATION_URL, defaultNotificationUrl);
    checkNotificationUrl(settings.get(NOTIFICATION_URL));
    rules.changed(settings);
    return Map.copyOf(settings);
  }

  private static Set<String> allowed(ConnectionRules rules) {
    Set<String> names = new java.util.HashSet<>(rules.settingNames());
    names.add(NOTIFICATION_URL);
    return names;
  }

  private String secretForNew(Platform platform, String given) {
    SecretRule rule = platform.connectionRules().secret();
    String secret = blankToNull(given);
    return switch (rule.mode()) {
      case REQUIRED -> checked(platform, rule, required(platform, rule, secret));
      case NONE -> {
        if (secret != null) {
          throw noSecret(platform, rule);
        }
        yield null;
      }
      case ALWAYS_GENERATED -> {
        if (secret != null) {
          throw new InvalidSetting(
              "secret",
              "the "
                  + platform.id()
                  + " "
                  + rule.description()
                  + " is always generated by Ledgerline");
        }
        yield rule.generator().apply(generate);
      }
      case GIVEN_LATER -> secret == null ? null : checked(platform, rule, secret);
      case GENERATED_IF_ABSENT ->
          secret == null ? rule.generator().apply(generate) : checked(platform, rule, secret);
    };
  }

  private static String required(Platform platform, SecretRule rule, String secret) {
    if (secret == null) {
      throw new InvalidSetting(
          "secret", "secret (" + rule.description() + ") is required for " + platform.id());
    }
    return secret;
  }

  private static InvalidSetting noSecret(Platform platform, SecretRule rule) {
    return new InvalidSetting(
        "secret", platform.id() + " connections have no secret (" + rule.description() + ")");
  }

  private static String checked(Platform platform, SecretRule rule, String secret) {
    if (secret.length() > SecretRule.MAX_LENGTH
        || secret.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidSetting(
          "secret", "secret must be at most 512 characters, without control characters");
    }
    if (secret.length() < rule.minLength()) {
      throw new InvalidSetting(
          "secret",
          "secret must be at least " + rule.minLength() + " characters for " + platform.id());
    }
    if (secret.length() > rule.maxLength()) {
      throw new InvalidSetting(
          "secret",
          "secret must be at most " + rule.maxLength() + " characters for " + platform.id());
    }
    if (rule.format() != null) {
      rule.format().accept(secret);
    }
    return secret;
  }

  private static void checkNotificationUrl(String url) {
    String problem = "settings.notificationUrl must be an absolute http or https URL";
    try {
      URI uri = new URI(url);
      if (url.length() > 2048
          || uri.getHost() == null
          || !("https".equalsIgnoreCase(uri.getScheme())
              || "http".equalsIgnoreCase(uri.getScheme()))) {
        throw new InvalidSetting("settings.notificationUrl", problem);
      }
    } catch (URISyntaxException e) {
      throw new InvalidSetting("settings.notificationUrl", problem);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
