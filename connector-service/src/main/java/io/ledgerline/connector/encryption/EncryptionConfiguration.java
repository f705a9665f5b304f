package io.ledgerline.connector.encryption;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EncryptionConfiguration {

  @Bean
  EnvelopeEncryption envelopeEncryption(EncryptionSettings settings) {
    return EnvelopeEncryption.from(settings);
  }
}
