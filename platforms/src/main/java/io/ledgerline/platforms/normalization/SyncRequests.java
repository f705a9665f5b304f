package io.ledgerline.platforms.normalization;

import io.ledgerline.events.SyncRequest;
import java.time.Instant;

/** Sync requests for thin webhooks: the object named, for connector-service to fetch. */
public final class SyncRequests {

  private SyncRequests() {}

  public static SyncRequest of(
      WebhookContext context,
      int index,
      String objectType,
      String externalId,
      String action,
      Instant occurredAt) {
    return SyncRequest.newBuilder()
        .setEventId(context.eventId(index))
        .setTenantId(context.tenantId())
        .setConnectionId(context.connectionId().toString())
        .setPlatform(context.platformEnum())
        .setObjectType(objectType)
        .setExternalId(externalId)
        .setAction(action)
        .setOccurredAt(occurredAt)
        .setWebhookId(context.webhookId().toString())
        .setReplay(context.replay())
        .build();
  }
}
