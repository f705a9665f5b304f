package io.ledgerline.platforms.normalization;

import io.ledgerline.events.Platform;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the body cannot say about itself: whose webhook it is and where it was stored.
 *
 * @param tenantId the connection's tenant
 * @param connectionId the connection the webhook was posted to
 * @param platform the platform id as in URLs ({@code shopify}, {@code standard-webhooks}, ...)
 * @param topic the platform's event-type header when it has one (Shopify's {@code
 *     X-Shopify-Topic}); null otherwise
 * @param webhookId the id of the stored webhook-log entry the body came from
 * @param receivedAt when the webhook arrived (the original arrival on a replay); the event time
 *     when the body names none
 * @param replay whether this is a replay from the webhook log (fresh event ids, {@code replay} set)
 * @param currency the connection's currency, for platforms whose payloads name none (Lightspeed
 *     X-Series sales); null when unknown
 * @param mappingTemplate the connection's mapping template (a JSONata expression, for payloads
 *     whose meaning the connection sets: Standard Webhooks); null when it has none
 * @param mappingEvent what the template makes: {@code sale} or {@code deal}; null with no template
 * @param fetchable whether connector-service can read the connection's platform API (connected by
 *     OAuth2 or an account token): a platform whose payload lacks what an invoice needs asks for a
 *     fetch of the object it names ({@code SyncRequest}) rather than emit it incomplete (Pipedrive
 *     deals); false for a webhook-only connection
 */
public record WebhookContext(
    String tenantId,
    UUID connectionId,
    String platform,
    @Nullable String topic,
    UUID webhookId,
    Instant receivedAt,
    boolean replay,
    @Nullable String currency,
    @Nullable String mappingTemplate,
    @Nullable String mappingEvent,
    boolean fetchable) {

  public WebhookContext {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(connectionId, "connectionId");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(webhookId, "webhookId");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }

  /** A context of a connection whose platform API cannot be read (webhook-only). */
  public WebhookContext(
      String tenantId,
      UUID connectionId,
      String platform,
      @Nullable String topic,
      UUID webhookId,
      Instant receivedAt,
      boolean replay,
      @Nullable String currency,
      @Nullable String mappingTemplate,
      @Nullable String mappingEvent) {
    this(
        tenantId,
        connectionId,
        platform,
        topic,
        webhookId,
        receivedAt,
        replay,
        currency,
        mappingTemplate,
        mappingEvent,
        false);
  }

  /** A context without a mapping template. */
  public WebhookContext(
      String tenantId,
      UUID connectionId,
      String platform,
      @Nullable String topic,
      UUID webhookId,
      Instant receivedAt,
      boolean replay,
      @Nullable String currency) {
    this(
        tenantId,
        connectionId,
        platform,
        topic,
        webhookId,
        receivedAt,
        replay,
        currency,
        null,
        null);
  }

  /** A context without a connection currency. */
  public WebhookContext(
      String tenantId,
      UUID connectionId,
      String platform,
      @Nullable String topic,
      UUID webhookId,
      Instant receivedAt,
      boolean replay) {
    this(tenantId, connectionId, platform, topic, webhookId, receivedAt, replay, null, null, null);
  }

  /**
   * The same stored webhook, replayed. {@code receivedAt} stays the original arrival: it is the
   * event time of bodies that name none, and a replay does not change when things happened.
   */
  public WebhookContext asReplay() {
    return new WebhookContext(
        tenantId,
        connectionId,
        platform,
        topic,
        webhookId,
        receivedAt,
        true,
        currency,
        mappingTemplate,
        mappingEvent,
        fetchable);
  }

  /**
   * The id of the {@code index}th event normalized from this webhook. Normalizing the same stored
   * webhook again gives the same ids, so a retry after a crash is recognised downstream as the same
   * event. A replay is a deliberate second emission: its ids are random, so consumers that skip
   * event ids they have seen do not swallow it, while invoicing stays idempotent on the source
   * object (tenant, platform, external id), which makes no second invoice.
   */
  public String eventId(int index) {
    if (replay) {
      return UUID.randomUUID().toString();
    }
    return UUID.nameUUIDFromBytes((webhookId + ":" + index).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  public Platform platformEnum() {
    return Platform.valueOf(platform.replace('-', '_').toUpperCase(Locale.ROOT));
  }
}
