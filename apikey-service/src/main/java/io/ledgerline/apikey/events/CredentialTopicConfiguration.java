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
        // as every other topic: with acks=all a write needs this many copies (production: 2 of 3)
        .config(
            TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(settings.minInsyncReplicas()))
        .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
        .build();
  }
}
