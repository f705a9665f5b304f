package io.ledgerline.connector.connection;

import java.util.Arrays;
import java.util.Optional;

/**
 * The platforms a tenant can connect, by the id used in URLs ({@code /webhooks/<id>/...}) and in
 * the API. What each one's settings and secret mean is in {@link PlatformRules}.
 */
enum ConnectionPlatform {
  HUBSPOT("hubspot"),
  SALESFORCE("salesforce"),
  PIPEDRIVE("pipedrive"),
  ZOHO("zoho"),
  SQUARE("square"),
  SHOPIFY("shopify"),
  LIGHTSPEED("lightspeed"),
  CLOVER("clover"),
  STANDARD_WEBHOOKS("standard-webhooks");

  private final String id;

  ConnectionPlatform(String id) {
    this.id = id;
  }

  String id() {
    return id;
  }

  static Optional<ConnectionPlatform> byId(String id) {
    return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
  }
}
