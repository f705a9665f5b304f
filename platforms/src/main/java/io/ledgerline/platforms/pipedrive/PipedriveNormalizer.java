package io.ledgerline.platforms.pipedrive;

import static io.ledgerline.platforms.normalization.JsonBodies.text;

import io.ledgerline.events.DealEvent;
import io.ledgerline.events.DealKind;
import io.ledgerline.events.Party;
import io.ledgerline.events.Platform;
import io.ledgerline.platforms.normalization.JsonBodies;
import io.ledgerline.platforms.normalization.NormalizationFailed;
import io.ledgerline.platforms.normalization.Normalized;
import io.ledgerline.platforms.normalization.SyncRequests;
import io.ledgerline.platforms.normalization.WebhookContext;
import io.ledgerline.platforms.normalization.WebhookNormalizer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Pipedrive webhooks v2: {@code {meta: {action, entity, entity_id, id, timestamp, ...}, data,
 * previous}}, where {@code previous} holds only the fields that changed. Only deals matter; other
 * entities emit nothing.
 *
 * <ul>
 *   <li>delete: DELETED;
 *   <li>a deal whose status is now won and was not before ({@code previous.status} present and not
 *       won), or a deal created already won: WON; the same for lost: LOST;
 *   <li>create: CREATED; any other change: UPDATED.
 * </ul>
 *
 * v2 bodies carry the deal only: its person and organization as ids, no products. So for a
 * connection connected by OAuth2 (its API can be read: {@link WebhookContext#fetchable()}) a deal
 * webhook is thin: a new deal, a change of status or stage, or a change of a won deal becomes a
 * {@code SyncRequest} for connector-service to fetch the deal with its products, person and
 * organization ({@link PipedriveApi#fetch}, the same normalizer as a pull), other changes emit
 * nothing, and a delete stays a DELETED deal event. A webhook-only connection (no API access) gets
 * the deal event as above, its customer only an external id: {@code org:<id>} when the deal has an
 * organization (the buyer of a B2B deal), else {@code person:<id>}, prefixed because Pipedrive
 * numbers persons and organizations separately. The v1 actions ({@code added}, {@code updated},
 * {@code deleted}) and v1 objects ({@code {value, name}}) are read too.
 */
final class PipedriveNormalizer implements WebhookNormalizer {

  @Override
  public String platform() {
    return PipedrivePlatform.ID;
  }

  @Override
  public Normalized normalize(WebhookContext context, byte[] body) {
    JsonNode root = JsonBodies.parseObject(body);
    JsonNode meta = root.path("meta");
    if (!meta.isObject()) {
      throw new NormalizationFailed("body has no meta");
    }
    Optional<String> eventId = text(meta, "id");
    String entity = JsonBodies.required(meta, "entity", "meta");
    String action = JsonBodies.required(meta, "action", "meta").toLowerCase(Locale.ROOT);
    if (!"deal".equals(entity)) {
      return Normalized.nothing(
          eventId, "Pipedrive " + action + " " + entity + ": nothing to invoice");
    }
    JsonNode data = root.path("data");
    JsonNode previous = root.path("previous");
    DealKind kind = kind(action, data, previous);
    JsonNode deal = data.isObject() ? data : previous;
    String dealId =
        text(deal, "id")
            .or(() -> text(meta, "entity_id"))
            .orElseThrow(() -> new NormalizationFailed("deal has no id"));
    Instant occurredAt =
        JsonBodies.instant(meta, "timestamp")
            .or(() -> JsonBodies.instant(deal, "update_time"))
            .orElse(context.receivedAt());
    if (context.fetchable() && kind != DealKind.DELETED) {
      return fetch(context, eventId, action, kind, data, previous, dealId, occurredAt);
    }
    Optional<String> currency = text(deal, "currency").map(JsonBodies::currency);
    DealEvent event =
        DealEvent.newBuilder()
            .setEventId(context.eventId(0))
            .setTenantId(context.tenantId())
            .setConnectionId(context.connectionId().toString())
            .setPlatform(Platform.PIPEDRIVE)
            .setExternalId(dealId)
            .setKind(kind)
            .setOccurredAt(occurredAt)
            .setReplay(context.replay())
            .setTitle(text(deal, "title").orElse(null))
            .setStage(text(deal, "stage_id").orElse(null))
            .setAmount(
                currency
                    .flatMap(
                        c -> JsonBodies.decimal(deal, "value").map(v -> JsonBodies.money(v, c)))
                    .orElse(null))
            .setCustomer(customer(deal).orElse(null))
            .setLines(List.of())
            .setClosedAt(closedAt(kind, deal).orElse(null))
            .build();
    return new Normalized(
        List.of(event),
        eventId,
        summary(action, dealId, kind)
            + (event.getAmount() == null
                ? ""
                : ", "
                    + event.getAmount().getAmount().toPlainString()
                    + " "
                    + event.getAmount().getCurrency()));
  }

  /**
   * A connection whose API can be read: the deal is fetched with its products, person and
   * organization (the v2 body carries only their ids), when the change can have made it won: a new
   * deal, a change of its status or stage (won stages can be mapped per connection), or a change of
   * a deal that is won. Any other change (a title, a note) asks for nothing.
   */
  private static Normalized fetch(
      WebhookContext context,
      Optional<String> eventId,
      String action,
      DealKind kind,
      JsonNode data,
      JsonNode previous,
      String dealId,
      Instant occurredAt) {
    boolean created = action.equals("create") || action.equals("added");
    boolean statusOrStage = previous.has("status") || previous.has("stage_id");
    boolean won = "won".equals(text(data, "status").orElse(""));
    if (!created && !statusOrStage && !won) {
      return Normalized.nothing(
          eventId,
          summary(action, dealId, kind)
              + ", neither its status nor its stage changed: nothing to fetch");
    }
    return new Normalized(
        List.of(SyncRequests.of(context, 0, PipedriveApi.DEAL, dealId, action, occurredAt)),
        eventId,
        "Pipedrive " + action + " deal " + dealId + ": fetch the deal, its products and buyer");
  }

  private static String summary(String action, String dealId, DealKind kind) {
    return "Pipedrive " + action + " deal " + dealId + ": " + kind.name().toLowerCase(Locale.ROOT);
  }

  private static DealKind kind(String action, JsonNode data, JsonNode previous) {
    switch (action) {
      case "delete", "deleted" -> {
        return DealKind.DELETED;
      }
      case "create", "added" -> {
        requireDeal(data);
        String status = text(data, "status").orElse("");
        return switch (status) {
          case "won" -> DealKind.WON;
          case "lost" -> DealKind.LOST;
          default -> DealKind.CREATED;
        };
      }
      case "change", "updated" -> {
        requireDeal(data);
        String status = text(data, "status").orElse("");
        Optional<String> before = text(previous, "status");
        boolean changed = before.isPresent() && !before.get().equals(status);
        if (changed && "won".equals(status)) {
          return DealKind.WON;
        }
        if (changed && "lost".equals(status)) {
          return DealKind.LOST;
        }
        return DealKind.UPDATED;
      }
      default -> throw new NormalizationFailed("unknown action");
    }
  }

  private static void requireDeal(JsonNode data) {
    if (!data.isObject()) {
      throw new NormalizationFailed("deal event has no data");
    }
  }

  private static Optional<Party> customer(JsonNode deal) {
    Optional<String> id =
        reference(deal, "org_id")
            .map(org -> "org:" + org)
            .or(() -> reference(deal, "person_id").map(person -> "person:" + person));
    return id.map(
        externalId ->
            Party.newBuilder()
                .setExternalId(externalId)
                .setName(null)
                .setEmail(null)
                .setPhone(null)
                .setTaxId(null)
                .setAddress(null)
                .build());
  }

  /** An id: a number in v2, {@code {value, name}} in v1. */
  private static Optional<String> reference(JsonNode deal, String field) {
    JsonNode value = deal.path(field);
    return value.isObject() ? text(value, "value") : text(deal, field);
  }

  private static Optional<Instant> closedAt(DealKind kind, JsonNode deal) {
    Optional<Instant> specific =
        switch (kind) {
          case WON -> JsonBodies.instant(deal, "won_time");
          case LOST -> JsonBodies.instant(deal, "lost_time");
          default -> Optional.empty();
        };
    return specific.or(() -> JsonBodies.instant(deal, "close_time"));
  }
}
