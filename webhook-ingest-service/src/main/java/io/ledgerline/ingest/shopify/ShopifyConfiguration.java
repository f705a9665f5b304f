package io.ledgerline.ingest.shopify;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ShopifyConfiguration {

  @Bean
  ShopifySignature shopifySignature() {
    return new VerifiedShopifySignature();
  }
}
