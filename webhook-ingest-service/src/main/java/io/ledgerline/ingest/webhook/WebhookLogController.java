package io.ledgerline.ingest.webhook;

import io.ledgerline.ingest.webhook.Rejections.Rejection;
import io.ledgerline.ingest.webhook.WebhookLog.Entry;
import io.ledgerline.ingest.webhook.WebhookLog.Filter;
import io.ledgerline.ingest.webhook.WebhookLog.Status;
import io.ledgerline.platform.service.tenant.TenantId;
import io.ledgerline.platform.service.web.Paging;
import io.ledgerline.platform.service.web.Paging.Cursor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's webhook log (scopes in {@link WebhookLogScopes}). Another tenant's webhook does not
 * exist for the caller (404, never 403).
 */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookLogController {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  private final WebhookLog webhooks;
  private final Rejections rejections;
  private final ReplayWebhook replay;

  WebhookLogController(WebhookLog webhooks, Rejections rejections, ReplayWebhook replay) {
    this.webhooks = webhooks;
    this.rejections = rejections;
    this.replay = replay;
  }

  /** A list row: no body, no headers. */
  record WebhookSummary(
      UUID id,
      UUID connectionId,
      String platform,
      String topic,
      String status,
      String outcome,
      List<String> eventIds,
      Instant receivedAt) {
    static WebhookSummary of(Entry e) {
      return new WebhookSummary(
          e.id(),
          e.connectionId(),
          e.platform(),
          e.topic(),
          e.status().name(),
          e.outcome(),
          e.eventIds(),
          e.receivedAt());
    }
  }

  record WebhookPage(List<WebhookSummary> items, String nextCursor) {}

  /** One webhook: headers redacted, body as text. */
  record WebhookDetail(
      UUID id,
      UUID connectionId,
      String platform,
      String topic,
      String deliveryId,
      String status,
      String outcome,
      Map<String, String> headers,
      String query,
      String body,
      List<String> eventIds,
      Instant receivedAt) {}

  record RejectionView(
      UUID id,
      UUID connectionId,
      String platform,
      String reason,
      String detail,
      Instant receivedAt) {
    static RejectionView of(Rejection r) {
      return new RejectionView(
          r.id(), r.connectionId(), r.platform(), r.reason(), r.detail(), r.receivedAt());
    }
  }

  record RejectionPage(List<RejectionView> items, String nextCursor) {}

  record ReplayReceipt(UUID webhookId, List<String> eventIds) {}

  @GetMapping
  WebhookPage list(
      TenantId tenant,
      @RequestParam(required = false) String connectionId,
      @RequestParam(required = false) String platform,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor) {
    int size = Paging.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
    Cursor after = Cursor.decode(cursor);
    List<Entry> found =
        webhooks.list(
            new Filter(
                tenant.value(),
                connectionId == null ? null : uuid(connectionId, "connectionId"),
                platform,
                status == null ? null : status(status),
                Paging.instant(from, "from"),
                Paging.instant(to, "to"),
                after == null ? null : after.at(),
                after == null ? null : after.id(),
                size + 1));
    // One more than asked: whether it exists says if there is a next page.
    List<Entry> page = found.size() > size ? found.subList(0, size) : found;
    String next = null;
    if (found.size() > size) {
      Entry last = page.get(page.size() - 1);
      next = new Cursor(last.receivedAt(), last.id()).encode();
    }
    return new WebhookPage(page.stream().map(WebhookSummary::of).toList(), next);
  }

  @GetMapping("/rejections")
  RejectionPage rejections(
      TenantId tenant,
      @RequestParam(required = false) String connectionId,
      @RequestParam(required = false) String platform,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor) {
    int size = Paging.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
    Cursor after = Cursor.decode(cursor);
    List<Rejection> found =
        rejections.list(
            tenant.value(),
            connectionId == null ? null : uuid(connectionId, "connectionId"),
            platform,
            after == null ? null : after.at(),
            after == null ? null : after.id(),
            size + 1);
    // One more than asked, as for the webhook log: whether it exists says if there is a next page.
    List<Rejection> page = found.size() > size ? found.subList(0, size) : found;
    String next = null;
    if (found.size() > size) {
      Rejection last = page.get(page.size() - 1);
      next = new Cursor(last.receivedAt(), last.id()).encode();
    }
    return new RejectionPage(page.stream().map(RejectionView::of).toList(), next);
  }

  @GetMapping("/{id}")
  WebhookDetail get(TenantId tenant, @PathVariable String id) {
    Entry e = webhooks.find(tenant.value(), idOf(id)).orElseThrow(WebhookProblems::webhookNotFound);
    return new WebhookDetail(
        e.id(),
        e.connectionId(),
        e.platform(),
        e.topic(),
        e.deliveryId(),
        e.status().name(),
        e.outcome(),
        e.headers(),
        e.query(),
        new String(e.body(), StandardCharsets.UTF_8),
        e.eventIds(),
        e.receivedAt());
  }

  @PostMapping("/{id}/replay")
  ResponseEntity<ReplayReceipt> replay(TenantId tenant, @PathVariable String id) {
    UUID webhookId = idOf(id);
    List<String> eventIds = replay.replay(tenant.value(), webhookId);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(new ReplayReceipt(webhookId, eventIds));
  }

  private static UUID idOf(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw WebhookProblems.webhookNotFound();
    }
  }

  private static UUID uuid(String value, String name) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw WebhookProblems.invalidQuery(name + " is not a UUID.");
    }
  }

  private static Status status(String value) {
    try {
      return Status.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw WebhookProblems.invalidQuery(
          "status must be one of " + List.of(Status.values()) + "; rejections are at /rejections.");
    }
  }
}
