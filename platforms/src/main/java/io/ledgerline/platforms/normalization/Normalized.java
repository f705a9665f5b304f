package io.ledgerline.platforms.normalization;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * What a webhook body became.
 *
 * @param events the events to emit, in order: {@link io.ledgerline.events.SaleEvent} to {@code
 *     pos.sales.v1}, {@link io.ledgerline.events.DealEvent} to {@code crm.deals.v1}, {@link
 *     io.ledgerline.events.SyncRequest} to {@code integrations.sync-requests.v1}; empty when the
 *     webhook is stored but means nothing to invoicing (an unpaid order, a test notification)
 * @param platformEventId the platform's own id of this delivery when the body carries one (Square
 *     {@code event_id}, Pipedrive {@code meta.id}, a single HubSpot {@code eventId}...), for dedup;
 *     empty when only a header (Shopify, Standard Webhooks) or a digest of the body can identify it
 * @param summary one line for people reading the webhook log
 * @param contentKey what the signed body itself identifies (Shopify: the order and the state that
 *     matters, {@code order:<id>:paid}), for a second dedup beside the delivery id: a platform
 *     whose delivery id is outside the signature (a header) can be re-posted under a new id, and
 *     the body must not count twice; empty when the delivery id is itself signed or the body emits
 *     nothing
 */
public record Normalized(
    List<SpecificRecord> events,
    Optional<String> platformEventId,
    String summary,
    Optional<String> contentKey) {

  public Normalized {
    events = List.copyOf(events);
    Objects.requireNonNull(platformEventId, "platformEventId");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(contentKey, "contentKey");
  }

  public Normalized(List<SpecificRecord> events, Optional<String> platformEventId, String summary) {
    this(events, platformEventId, summary, Optional.empty());
  }

  /** The same, deduplicated also on what the body identifies. */
  public Normalized withContentKey(String key) {
    return new Normalized(events, platformEventId, summary, Optional.of(key));
  }

  public static Normalized nothing(Optional<String> platformEventId, String summary) {
    return new Normalized(List.of(), platformEventId, summary);
  }
}
