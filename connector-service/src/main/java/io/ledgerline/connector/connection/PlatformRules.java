package io.ledgerline.connector.connection;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a connection's settings and its one secret mean on each platform, and which of them
 * Ledgerline generates. Settings are plain (they identify, they do not authenticate); the secret is
 * the one value the platform's webhook scheme authenticates with, and is stored encrypted.
 */
final class PlatformRules {

  static final String NOTIFICATION_URL = "notificationUrl";
  static final String ALLOWED_SOURCE_IPS = "allowedSourceIps";
  static final String SHOP_DOMAIN = "shopDomain";
  static final String ORGANIZATION_ID = "organizationId";
  static final String USERNAME = "username";
  static final String CHANNEL_ID = "channelId";

  /**
   * The store's currency (ISO 4217): Lightspeed's sale payloads name no currency, so the connection
   * must.
   */
  static final String CURRENCY = "currency";

  /** The settings a tenant may change after creation; the identifying ones stay as created. */
  private static final Set<String> CHANGEABLE = Set.of(NOTIFICATION_URL, ALLOWED_SOURCE_IPS);

  private static final Pattern SHOP_DOMAIN_FORMAT =
      Pattern.compile("^[a-z0-9][a-z0-9-]*\\.myshopify\\.com$");
  private static final Pattern ORGANIZATION_ID_FORMAT =
      Pattern.compile("^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$");
  private static final Pattern CHANNEL_ID_FORMAT = Pattern.compile("^[0-9]{1,19}$");
  private static final Pattern USERNAME_FORMAT =
      Pattern.compile("^[\\x21-\\x39\\x3b-\\x7e]{1,100}$");
  private static final Pattern IPV4 =
      Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(/(\\d{1,2}))?$");
  private static final Pattern IPV6 = Pattern.compile("^([0-9a-fA-F:.]+)(/(\\d{1,3}))?$");
  private static final String WHSEC = "whsec_";
  private static final int MAX_SECRET_LENGTH = 512;
  private static final int ZOHO_MAX_TOKEN_LENGTH = 50; // Zoho's own limit for the token

  private final SecureRandom random;

  PlatformRules(SecureRandom random) {
    this.random = random;
  }

  /** Validated settings and the secret to store (null where the platform has none yet). */
  record NewConnection(Map<String, String> settings, String secret) {
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
  NewConnection forNew(
      ConnectionPlatform platform,
      Map<String, String> given,
      String secret,
      String defaultNotificationUrl) {
    Map<String, String> settings = new LinkedHashMap<>(given == null ? Map.of() : given);
    Set<String> allowed = allowedSettings(platform);
    for (String key : settings.keySet()) {
      if (!allowed.contains(key)) {
        throw new InvalidConnectionInput(
            "settings." + key, "settings." + key + " is not a setting of " + platform.id());
      }
    }
    settings.replaceAll((k, v) -> v == null ? null : v.strip());
    settings.values().removeIf(v -> v == null || v.isEmpty());
    settings.putIfAbsent(NOTIFICATION_URL, defaultNotificationUrl);
    checkNotificationUrl(settings.get(NOTIFICATION_URL));
    if (settings.containsKey(ALLOWED_SOURCE_IPS)) {
      settings.put(ALLOWED_SOURCE_IPS, normalizedIps(settings.get(ALLOWED_SOURCE_IPS)));
    }
    switch (platform) {
      case SHOPIFY -> {
        String shopDomain = settings.get(SHOP_DOMAIN);
        if (shopDomain == null) {
          throw new InvalidConnectionInput(
              "settings.shopDomain", "settings.shopDomain is required for shopify");
        }
        if (!SHOP_DOMAIN_FORMAT.matcher(shopDomain).matches()) {
          throw new InvalidConnectionInput(
              "settings.shopDomain", "settings.shopDomain must look like your-shop.myshopify.com");
        }
      }
      case SALESFORCE -> {
        String organizationId = settings.get(ORGANIZATION_ID);
        if (organizationId == null) {
          throw new InvalidConnectionInput(
              "settings.organizationId", "settings.organizationId is required for salesforce");
        }
        if (!ORGANIZATION_ID_FORMAT.matcher(organizationId).matches()) {
          throw new InvalidConnectionInput(
              "settings.organizationId",
              "settings.organizationId must be the 15 or 18 character Salesforce organization id");
        }
      }
      case PIPEDRIVE -> {
        String username = settings.computeIfAbsent(USERNAME, k -> "ledgerline-" + hex(6));
        if (!USERNAME_FORMAT.matcher(username).matches()) {
          throw new InvalidConnectionInput(
              "settings.username",
              "settings.username must be 1 to 100 printable characters without ':' or spaces");
        }
      }
      case LIGHTSPEED -> {
        String currency = settings.get(CURRENCY);
        if (currency == null || !isCurrency(currency)) {
          throw new InvalidConnectionInput(
              "settings.currency",
              "settings.currency (the store's ISO 4217 currency, e.g. EUR) is required for"
                  + " lightspeed");
        }
        settings.put(CURRENCY, currency.toUpperCase(java.util.Locale.ROOT));
      }
      case ZOHO -> {
        String channelId = settings.computeIfAbsent(CHANNEL_ID, k -> generatedChannelId());
        if (!CHANNEL_ID_FORMAT.matcher(channelId).matches()) {
          throw new InvalidConnectionInput(
              "settings.channelId", "settings.channelId must be a number (Zoho's channel_id)");
        }
      }
      default -> {}
    }
    return new NewConnection(Map.copyOf(settings), secretForNew(platform, secret));
  }

  /**
   * The secret that replaces the current one: the tenant's where the platform issues it (HubSpot,
   * Square, Clover), generated where Ledgerline chooses it and none was given.
   */
  String secretForRotation(ConnectionPlatform platform, String given) {
    String secret = blankToNull(given);
    return switch (platform) {
      case SALESFORCE ->
          throw new InvalidConnectionInput(
              "secret", "salesforce connections have no secret (they match the organization id)");
      case CLOVER -> {
        if (secret == null) {
          throw new InvalidConnectionInput(
              "secret", "secret (the app's auth code from Clover) is required for clover");
        }
        yield checked(platform, secret);
      }
      default -> secretForNew(platform, secret);
    };
  }

  /** Clover's auth code, given once the tenant has it (the connection was created without). */
  String cloverAuthCode(ConnectionPlatform platform, String given) {
    if (platform != ConnectionPlatform.CLOVER) {
      throw new InvalidConnectionInput(
          "secret",
          "the secret of a " + platform.id() + " connection changes through secret-rotations");
    }
    return secretForRotation(platform, given);
  }

  /** The settings after a change of the changeable ones (a blank value removes a setting). */
  Map<String, String> changed(
      ConnectionPlatform platform,
      Map<String, String> current,
      Map<String, String> changes,
      String defaultNotificationUrl) {
    Map<String, String> settings = new LinkedHashMap<>(current);
    for (Map.Entry<String, String> change : changes.entrySet()) {
      String key = change.getKey();
      if (!CHANGEABLE.contains(key) || !allowedSettings(platform).contains(key)) {
        throw new InvalidConnectionInput(
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
    if (settings.containsKey(ALLOWED_SOURCE_IPS)) {
      settings.put(ALLOWED_SOURCE_IPS, normalizedIps(settings.get(ALLOWED_SOURCE_IPS)));
    }
    return Map.copyOf(settings);
  }

  private static Set<String> allowedSettings(ConnectionPlatform platform) {
    return switch (platform) {
      case SHOPIFY -> Set.of(NOTIFICATION_URL, SHOP_DOMAIN);
      case SALESFORCE -> Set.of(NOTIFICATION_URL, ORGANIZATION_ID, ALLOWED_SOURCE_IPS);
      case PIPEDRIVE -> Set.of(NOTIFICATION_URL, USERNAME);
      case ZOHO -> Set.of(NOTIFICATION_URL, CHANNEL_ID);
      case LIGHTSPEED -> Set.of(NOTIFICATION_URL, CURRENCY);
      default -> Set.of(NOTIFICATION_URL);
    };
  }

  private static boolean isCurrency(String code) {
    try {
      java.util.Currency.getInstance(code.toUpperCase(java.util.Locale.ROOT));
      return code.length() == 3;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private String secretForNew(ConnectionPlatform platform, String given) {
    String secret = blankToNull(given);
    return switch (platform) {
      case HUBSPOT, SQUARE -> {
        if (secret == null) {
          throw new InvalidConnectionInput(
              "secret",
              platform == ConnectionPlatform.HUBSPOT
                  ? "secret (the HubSpot app's client secret) is required for hubspot"
                  : "secret (the Square subscription's signature key) is required for square");
        }
        yield checked(platform, secret);
      }
      case SALESFORCE -> {
        if (secret != null) {
          throw new InvalidConnectionInput(
              "secret", "salesforce connections have no secret (they match the organization id)");
        }
        yield null;
      }
      case LIGHTSPEED -> {
        if (secret != null) {
          throw new InvalidConnectionInput(
              "secret", "the lightspeed URL token is always generated by Ledgerline");
        }
        yield base64Url(32);
      }
      case CLOVER -> secret == null ? null : checked(platform, secret);
      case PIPEDRIVE -> secret == null ? base64Url(24) : checked(platform, secret);
      case ZOHO -> secret == null ? hex(16) : checked(platform, secret);
      case SHOPIFY -> secret == null ? hex(32) : checked(platform, secret);
      case STANDARD_WEBHOOKS ->
          secret == null
              ? WHSEC + Base64.getEncoder().encodeToString(bytes(32))
              : checked(platform, secret);
    };
  }

  private static String checked(ConnectionPlatform platform, String secret) {
    if (secret.length() > MAX_SECRET_LENGTH || secret.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidConnectionInput(
          "secret", "secret must be at most 512 characters, without control characters");
    }
    int minimum =
        switch (platform) {
          case SHOPIFY, HUBSPOT, SQUARE -> 16;
          case PIPEDRIVE -> 12;
          default -> 8;
        };
    if (secret.length() < minimum) {
      throw new InvalidConnectionInput(
          "secret", "secret must be at least " + minimum + " characters for " + platform.id());
    }
    if (platform == ConnectionPlatform.ZOHO && secret.length() > ZOHO_MAX_TOKEN_LENGTH) {
      throw new InvalidConnectionInput("secret", "Zoho tokens are at most 50 characters");
    }
    if (platform == ConnectionPlatform.STANDARD_WEBHOOKS) {
      checkStandardWebhooksSecret(secret);
    }
    return secret;
  }

  private static void checkStandardWebhooksSecret(String secret) {
    String problem = "secret must be whsec_ followed by base64 of 24 to 64 random bytes";
    if (!secret.startsWith(WHSEC)) {
      throw new InvalidConnectionInput("secret", problem);
    }
    try {
      int length = Base64.getDecoder().decode(secret.substring(WHSEC.length())).length;
      if (length < 24 || length > 64) {
        throw new InvalidConnectionInput("secret", problem);
      }
    } catch (IllegalArgumentException notBase64) {
      throw new InvalidConnectionInput("secret", problem);
    }
  }

  private static void checkNotificationUrl(String url) {
    String problem = "settings.notificationUrl must be an absolute http or https URL";
    try {
      URI uri = new URI(url);
      if (url.length() > 2048
          || uri.getHost() == null
          || !("https".equalsIgnoreCase(uri.getScheme())
              || "http".equalsIgnoreCase(uri.getScheme()))) {
        throw new InvalidConnectionInput("settings.notificationUrl", problem);
      }
    } catch (URISyntaxException e) {
      throw new InvalidConnectionInput("settings.notificationUrl", problem);
    }
  }

  /** Comma separated IPv4/IPv6 addresses or CIDR ranges, trimmed and re-joined. */
  private static String normalizedIps(String value) {
    String problem =
        "settings.allowedSourceIps must be comma separated IP addresses or CIDR ranges";
    String normalized =
        Arrays.stream(value.split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .peek(
                entry -> {
                  if (!isIpOrRange(entry)) {
                    throw new InvalidConnectionInput("settings.allowedSourceIps", problem);
                  }
                })
            .collect(Collectors.joining(","));
    if (normalized.isEmpty()) {
      throw new InvalidConnectionInput("settings.allowedSourceIps", problem);
    }
    return normalized;
  }

  private static boolean isIpOrRange(String entry) {
    var v4 = IPV4.matcher(entry);
    if (v4.matches()) {
      for (int group = 1; group <= 4; group++) {
        if (Integer.parseInt(v4.group(group)) > 255) {
          return false;
        }
      }
      return v4.group(6) == null || Integer.parseInt(v4.group(6)) <= 32;
    }
    var v6 = IPV6.matcher(entry);
    if (v6.matches() && v6.group(1).contains(":")) {
      try {
        // a literal with ':' is parsed, never looked up in DNS
        InetAddress.getByName(v6.group(1));
      } catch (UnknownHostException | IllegalArgumentException e) {
        return false;
      }
      return v6.group(3) == null || Integer.parseInt(v6.group(3)) <= 128;
    }
    return false;
  }

  private String generatedChannelId() {
    // Zoho's channel_id is a long; 16 digits, never starting with 0
    return Long.toString(
        1_000_000_000_000_000L + Math.floorMod(random.nextLong(), 9_000_000_000_000_000L));
  }

  private byte[] bytes(int count) {
    byte[] bytes = new byte[count];
    random.nextBytes(bytes);
    return bytes;
  }

  private String hex(int byteCount) {
    return HexFormat.of().formatHex(bytes(byteCount));
  }

  private String base64Url(int byteCount) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(byteCount));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
