package io.ledgerline.gateway.auth;

import io.ledgerline.events.CredentialChanged;
import io.ledgerline.events.CredentialKind;
import io.ledgerline.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every replica reads {@code identity.credentials.v1} from the beginning (a group of its own, the
 * topic compacted), so it knows every suspended tenant at start-up and acts on each change about a
 * second after apikey-service commits it: cached exchanges are evicted, denied tokens refused.
 */
@Component
class CredentialEventListener {

  private final CredentialDenials denials;
  private final ApiKeyExchange exchanges;

  CredentialEventListener(CredentialDenials denials, ApiKeyExchange exchanges) {
    this.denials = denials;
    this.exchanges = exchanges;
  }

  @KafkaListener(
      topics = Topics.CREDENTIALS,
      groupId = "gateway-${random.uuid}",
      properties = {
        "auto.offset.reset=earliest",
        // apikey-service creates the topic (compacted, several partitions). A gateway that starts
        // first must not auto-create it with one partition, and must notice the topic, and any
        // partition added later, within seconds rather than the client's default five minutes:
        // an unread partition is a revocation that never arrives.
        "allow.auto.create.topics=false",
        "metadata.max.age.ms=5000"
      })
  void on(CredentialChanged event) {
    var kind = event.getKind();
    switch (event.getStatus()) {
      case SUSPENDED -> {
        denials.suspendTenant(event.getId());
        exchanges.evictTenant(event.getId());
      }
      case ACTIVE -> {
        if (kind == CredentialKind.TENANT) {
          denials.reactivateTenant(event.getId());
        }
        evict(event);
      }
      case REVOKED -> {
        denials.revokeSubject(event.getId(), event.getOccurredAt());
        evict(event);
      }
      case CHANGED -> evict(event);
      default -> {
        // A status this replica does not know yet: evicting is always safe.
        evict(event);
      }
    }
  }

  private void evict(CredentialChanged event) {
    if (event.getKind() == CredentialKind.TENANT) {
      exchanges.evictTenant(event.getId());
    } else {
      exchanges.evictKey(event.getId());
    }
  }
}
