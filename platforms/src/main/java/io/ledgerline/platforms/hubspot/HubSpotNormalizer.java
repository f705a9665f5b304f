package io.ledgerline.platforms.hubspot;

import static io.ledgerline.platforms.normalization.JsonBodies.text;

import io.ledgerline.platforms.normalization.JsonBodies;
import io.ledgerline.platforms.normalization.NormalizationFailed;
import io.ledgerline.platforms.normalization.Normalized;
import io.ledgerline.platforms.normalization.SyncRequests;
import io.ledgerline.platforms.normalization.WebhookContext;
import io.ledgerline.platforms.normalization.WebhookNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import tools.jackson.databind.JsonNode;

/**
 * HubSpot: a JSON array of up to 100 events {@code {eventId, subscriptionType, objectId,
 * occurredAt, ...}}. Thin: each event becomes one sync request, its object type the prefix of the
 * subscription type ({@code deal} of {@code deal.propertyChange}) and its action the suffix. The
 * platform event id is the event's {@code eventId} when the batch holds one event; a batch of
 * several has no single id (dedup falls back to the body digest).
 */
final class HubSpotNormalizer implements WebhookNormalizer {

  @Override
  public String platform() {
    return HubSpotPlatform.ID;
  }

  @Override
  public Normalized normalize(WebhookContext context, byte[] body) {
    JsonNode root = JsonBodies.parse(body);
    if (!root.isArray()) {
      throw new NormalizationFailed("body is not a JSON array of events");
    }
    if (root.isEmpty()) {
      throw new NormalizationFailed("body holds no events");
    }
    List<SpecificRecord> events = new ArrayList<>();
    for (JsonNode event : root) {
      if (!event.isObject()) {
        throw new NormalizationFailed("an event is not a JSON object");
      }
      String subscriptionType = JsonBodies.required(event, "subscriptionType", "event");
      int dot = subscriptionType.indexOf('.');
      if (dot <= 0 || dot == subscriptionType.length() - 1) {
        throw new NormalizationFailed("subscriptionType is not object.action");
      }
      events.add(
          SyncRequests.of(
              context,
              events.size(),
              subscriptionType.substring(0, dot),
              JsonBodies.required(event, "objectId", "event"),
              subscriptionType.substring(dot + 1),
              JsonBodies.instant(event, "occurredAt").orElse(context.receivedAt())));
    }
    Optional<String> eventId = root.size() == 1 ? text(root.get(0), "eventId") : Optional.empty();
    return new Normalized(events, eventId, "HubSpot: " + events.size() + " sync request(s)");
  }
}
