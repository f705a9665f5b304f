package io.ledgerline.ingest.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * The port to the platforms' payload rules: a verified body becomes events ({@code SaleEvent},
 * {@code DealEvent}, {@code SyncRequest}). Pure: the same input gives the same events, which is
 * what makes a replay from the webhook log possible.
 */
interface EventNormalization {

  /**
   * @throws NotNormalizable when the body is not what the platform documents (answered 400)
   */
  Result normalize(Input input);

  /**
   * @param webhookId the webhook-log entry the events come from
   * @param topic the platform's event-type header (Shopify's {@code X-Shopify-Topic}), or null
   * @param currency the connection's currency setting, for payloads that name none, or null
   * @param replay a replay from the webhook log: fresh event ids, marked {@code replay}
   * @param template the connection's mapping template, for payloads whose meaning it sets, or null
   * @param templateEvent what the template makes ({@code sale} or {@code deal}), or null
   * @param fetchable whether connector-service can read the connection's platform API, so a body
   *     that lacks what an invoice needs may become a request to fetch the object it names
   */
  record Input(
      String platform,
      UUID webhookId,
      String tenantId,
      UUID connectionId,
      String topic,
      String currency,
      byte[] body,
      Instant receivedAt,
      boolean replay,
      String template,
      String templateEvent,
      boolean fetchable) {}

  /**
   * @param events what to emit, possibly none (a topic that means nothing to invoicing)
   * @param platformEventId the platform's own event id found in the body, or null
   * @param summary one line for people reading the webhook log
   * @param contentKey what the signed body itself identifies (a Shopify order and its paid state),
   *     a second dedup key beside the delivery id where that id is not signed; or null
   */
  record Result(
      List<SpecificRecord> events, String platformEventId, String summary, String contentKey) {
    public Result {
      events = List.copyOf(events);
    }

    Result(List<SpecificRecord> events, String platformEventId, String summary) {
      this(events, platformEventId, summary, null);
    }
  }

  /** The body does not have the platform's documented shape. */
  final class NotNormalizable extends RuntimeException {
    NotNormalizable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
