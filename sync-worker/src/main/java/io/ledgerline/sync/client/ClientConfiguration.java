package io.ledgerline.sync.client;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClientConfiguration {

  @Bean
  ClientRegistry clientRegistry(Clients clients) {
    return new ClientRegistry(clients);
  }
}
