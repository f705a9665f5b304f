package io.ledgerline.connector.encryption;

import io.ledgerline.platform.service.crypto.EnvelopeEncryption;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EncryptionConfiguration {

  @Bean
  EnvelopeEncryption envelopeEncryption(EncryptionSettings settings) {
    return EnvelopeEncryption.fromBase64(settings.keys(), settings.activeKeyId());
  }
}
