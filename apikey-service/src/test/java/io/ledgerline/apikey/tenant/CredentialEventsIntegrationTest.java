package io.ledgerline.apikey.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.apikey.ApikeyIntegrationTestBase;
import io.ledgerline.events.CredentialChanged;
import io.ledgerline.events.CredentialKind;
import io.ledgerline.events.CredentialStatus;
import io.ledgerline.events.Topics;
import io.ledgerline.platform.service.kafka.AvroCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** A suspension reaches Kafka through the outbox, as the gateways read it. */
class CredentialEventsIntegrationTest extends ApikeyIntegrationTestBase {

  @Autowired TenantAdministration tenants;
  @Autowired AvroCodec codec;
  @Autowired Environment environment;

  @Test
  void aSuspensionIsPublishedKeyedByTheTenant() {
    var tenantId = "tenant-" + UUID.randomUUID();
    tenants.ensure(tenantId);
    tenants.change(
        tenantId, new TenantAdministration.TenantChange(null, TenantStatus.SUSPENDED, null));

    try (var consumer = consumer()) {
      consumer.subscribe(List.of(Topics.CREDENTIALS));
      List<CredentialChanged> seen = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                  CredentialChanged event = codec.deserialize(Topics.CREDENTIALS, record.value());
                  if (event.getId().equals(tenantId)) {
                    assertThat(record.key()).isEqualTo("TENANT:" + tenantId);
                    seen.add(event);
                  }
                }
                return !seen.isEmpty();
              });
      assertThat(seen.get(0).getKind()).isEqualTo(CredentialKind.TENANT);
      assertThat(seen.get(0).getStatus()).isEqualTo(CredentialStatus.SUSPENDED);
      assertThat(seen.get(0).getTenantId()).isEqualTo(tenantId);
    }
  }

  private KafkaConsumer<String, byte[]> consumer() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
            ConsumerConfig.GROUP_ID_CONFIG,
            "test-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest"),
        new StringDeserializer(),
        new ByteArrayDeserializer());
  }
}
