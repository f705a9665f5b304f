package io.ledgerline.apikey.key;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class KeyConfiguration {

  @Bean
  SecretHasher secretHasher(ApiKeySettings settings) {
    return new SecretHasher(settings.pepper());
  }
}
