package io.ledgerline.ingest.webhook;

import io.ledgerline.ingest.shopify.ShopifySignature;
import io.ledgerline.ingest.shopify.VerifiedShopifySignature;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Which implementation answers the {@link ShopifySignature} port. */
@Configuration(proxyBeanMethods = false)
class ShopifyConfiguration {

  @Bean
  ShopifySignature shopifySignature() {
    return new VerifiedShopifySignature();
  }
}
