package io.ledgerline.apikey.events;

import io.ledgerline.events.CredentialChanged;
import io.ledgerline.events.CredentialKind;
import io.ledgerline.events.CredentialStatus;
import io.ledgerline.events.Topics;
import io.ledgerline.platform.outbox.Outbox;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Tells every gateway replica that a credential changed, in the transaction of the change (the
 * outbox): they evict what they cached for it and refuse a suspended tenant's or revoked client's
 * tokens at once, instead of waiting for a cache entry or token to expire.
 */
@Component
public class CredentialEvents {

  private final Outbox outbox;
  private final Clock clock;

  CredentialEvents(Outbox outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
  }

  public void tenant(String tenantId, CredentialStatus status) {
    append(CredentialKind.TENANT, tenantId, tenantId, status);
  }

  public void apiKey(String keyId, String tenantId, CredentialStatus status) {
    append(CredentialKind.API_KEY, keyId, tenantId, status);
  }

  public void oauthClient(String clientId, String tenantId, CredentialStatus status) {
    append(CredentialKind.OAUTH_CLIENT, clientId, tenantId, status);
  }

  private void append(CredentialKind kind, String id, String tenantId, CredentialStatus status) {
    var event =
        CredentialChanged.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setKind(kind)
            .setId(id)
            .setTenantId(tenantId)
            .setStatus(status)
            .setOccurredAt(clock.instant())
            .build();
    outbox.append(Topics.CREDENTIALS, kind.name() + ":" + id, event);
  }
}
