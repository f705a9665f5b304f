package io.ledgerline.connector.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionPlatformTest {

  @Test
  void knowsTheNinePlatformIdsOfTheArchitecture() {
    assertThat(ConnectionPlatform.values())
        .extracting(ConnectionPlatform::id)
        .containsExactly(
            "hubspot",
            "salesforce",
            "pipedrive",
            "zoho",
            "square",
            "shopify",
            "lightspeed",
            "clover",
            "standard-webhooks");
  }

  @Test
  void requiresAShopifyShopDomain() {
    assertThat(ConnectionPlatform.SHOPIFY.problemWith(Map.of())).isPresent();
    assertThat(ConnectionPlatform.SHOPIFY.problemWith(Map.of("shopDomain", "evil.example.com")))
        .isPresent();
    assertThat(ConnectionPlatform.SHOPIFY.problemWith(Map.of("shopDomain", "acme.myshopify.com")))
        .isEmpty();
  }
}
