package io.ledgerline.platforms.shopify;

import static io.ledgerline.platforms.connection.RulesAssertions.SHOPIFY;
import static io.ledgerline.platforms.connection.RulesAssertions.create;
import static io.ledgerline.platforms.connection.RulesAssertions.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ShopifyConnectionRulesTest {

  @Test
  void requiresAShopifyShopDomainAndGeneratesTheSigningSecret() {
    rejected(SHOPIFY, Map.of(), null, "settings.shopDomain");
    rejected(SHOPIFY, Map.of("shopDomain", "evil.example.com"), null, "settings.shopDomain");
    assertThat(create(SHOPIFY, Map.of("shopDomain", "acme.myshopify.com"), null).secret())
        .matches("[0-9a-f]{64}");
    rejected(SHOPIFY, Map.of("shopDomain", "acme.myshopify.com"), "short", "secret");
  }
}
