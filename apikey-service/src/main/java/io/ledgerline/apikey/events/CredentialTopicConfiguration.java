package io.ledgerline.apikey.events;

import io.ledgerline.events.Topics;
import io.ledgerline.platform.service.kafka.KafkaAvroSettings;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class CredentialTopicConfiguration {

  /**
   * Compacted: the latest event per credential is its state, so a gateway that starts reads every
   * suspended tenant and revoked client from the beginning, and the topic stays small.
   */
  @Bean
  NewTopic credentialsTopic(KafkaAvroSettings settings) {
    return TopicBuilder.name(Topics.CREDENTIALS)
        .partitions(settings.partitions())
        .replicas(settings.replicationFactor())
        .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
        .build();
  }
}
