package io.ledgerline.connector.connection;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The platforms a tenant can connect, by the id used in URLs ({@code /webhooks/<id>/...}) and in
 * the API. Each one knows which settings a connection to it needs; a platform without rules yet is
 * not accepted, so no half-configured connection is ever stored.
 */
enum ConnectionPlatform {
  HUBSPOT("hubspot", false),
  SALESFORCE("salesforce", false),
  PIPEDRIVE("pipedrive", false),
  ZOHO("zoho", false),
  SQUARE("square", false),
  SHOPIFY("shopify", true),
  LIGHTSPEED("lightspeed", false),
  CLOVER("clover", false),
  STANDARD_WEBHOOKS("standard-webhooks", false);

  private static final Pattern SHOP_DOMAIN =
      Pattern.compile("^[a-z0-9][a-z0-9-]*\\.myshopify\\.com$");

  private final String id;
  private final boolean supported;

  ConnectionPlatform(String id, boolean supported) {
    this.id = id;
    this.supported = supported;
  }

  String id() {
    return id;
  }

  boolean supported() {
    return supported;
  }

  static Optional<ConnectionPlatform> byId(String id) {
    return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
  }

  /** Returns what is wrong with the settings for this platform, or empty when they are usable. */
  Optional<String> problemWith(Map<String, String> settings) {
    if (this == SHOPIFY) {
      String shopDomain = settings.get("shopDomain");
      if (shopDomain == null || shopDomain.isBlank()) {
        return Optional.of("settings.shopDomain is required for shopify");
      }
      if (!SHOP_DOMAIN.matcher(shopDomain).matches()) {
        return Optional.of("settings.shopDomain must look like your-shop.myshopify.com");
      }
    }
    return Optional.empty();
  }
}
