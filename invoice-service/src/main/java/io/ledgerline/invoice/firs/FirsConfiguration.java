package io.ledgerline.invoice.firs;

import io.ledgerline.platform.service.crypto.EnvelopeEncryption;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FirsConfiguration {

  @Bean
  EnvelopeEncryption firsCredentialEncryption(EncryptionSettings settings) {
    return EnvelopeEncryption.fromBase64(settings.keys(), settings.activeKeyId());
  }
}
