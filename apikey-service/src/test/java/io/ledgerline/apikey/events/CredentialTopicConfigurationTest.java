package io.ledgerline.apikey.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.events.Topics;
import io.ledgerline.platform.service.kafka.KafkaAvroSettings;
import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** identity.credentials.v1 is created as durable as the platform's other topics. */
class CredentialTopicConfigurationTest {

  @Test
  void theCredentialsTopicHasTheProductionReplicationAndMinInsyncReplicas() {
    var settings =
        new KafkaAvroSettings(
            true,
            "http://registry/apis/registry/v2",
            6,
            (short) 3,
            2,
            Duration.ofHours(24),
            new KafkaAvroSettings.Retry(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(15), 8));

    NewTopic topic = new CredentialTopicConfiguration().credentialsTopic(settings);

    assertThat(topic.name()).isEqualTo(Topics.CREDENTIALS);
    assertThat(topic.numPartitions()).isEqualTo(6);
    assertThat(topic.replicationFactor()).isEqualTo((short) 3);
    assertThat(topic.configs())
        .containsEntry("min.insync.replicas", "2")
        .containsEntry("cleanup.policy", "compact");
  }
}
