package io.ledgerline.platform.deadletters;

import io.ledgerline.platform.deadletters.DeadLetter.Status;
import io.ledgerline.platform.deadletters.DeadLetterEntries.Filter;
import io.ledgerline.platform.deadletters.Selection.InvalidSelection;
import io.ledgerline.platform.service.kafka.AvroCodec;
import io.ledgerline.platform.service.tenant.TenantId;
import io.ledgerline.platform.service.web.Paging;
import io.ledgerline.platform.service.web.Paging.Cursor;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dead letters of this service: operators see every tenant's at {@code /admin/dead-letters}
 * (scope {@code admin}, not routed by the gateway); a tenant sees its own at {@code
 * /api/v1/dead-letters} (through the gateway at {@code /api/v1/dead-letters/<service>}, scopes
 * {@code dead-letters:read} and {@code dead-letters:reprocess}). Another tenant's dead letter does
 * not exist for the caller (404).
 */
@RestController
class DeadLetterController {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  private final DeadLetterEntries entries;
  private final ReprocessDeadLetters reprocess;
  private final AvroCodec codec;

  DeadLetterController(DeadLetterEntries entries, ReprocessDeadLetters reprocess, AvroCodec codec) {
    this.entries = entries;
    this.reprocess = reprocess;
    this.codec = codec;
  }

  record DeadLetterSummary(
      UUID id,
      @Nullable String tenantId,
      String originalTopic,
      @Nullable Integer originalPartition,
      @Nullable Long originalOffset,
      @Nullable String consumerGroup,
      @Nullable String key,
      @Nullable String eventType,
      @Nullable String kind,
      String reason,
      Instant deadLetteredAt,
      String status,
      @Nullable Instant reprocessedAt,
      int reprocessCount) {

    static DeadLetterSummary of(DeadLetter d) {
      return new DeadLetterSummary(
          d.id(),
          d.tenantId(),
          d.originalTopic(),
          d.originalPartition(),
          d.originalOffset(),
          d.consumerGroup(),
          d.key(),
          d.eventType(),
          d.kind(),
          d.reason(),
          d.deadLetteredAt(),
          d.status().name(),
          d.reprocessedAt(),
          d.reprocessCount());
    }
  }

  record DeadLetterPage(List<DeadLetterSummary> items, @Nullable String nextCursor) {}

  /** One dead letter, with its value decoded (Avro as JSON) when it can be, and as it travelled. */
  record DeadLetterDetail(
      DeadLetterSummary deadLetter,
      @Nullable String exception,
      @Nullable String event,
      @Nullable String payloadBase64) {}

  /** Exactly one of: {@code ids}, a range ({@code from} and/or {@code to}), {@code all}. */
  record ReprocessRequest(
      @Nullable List<UUID> ids,
      @Nullable Instant from,
      @Nullable Instant to,
      @Nullable Boolean all,
      @Nullable String topic) {}

  record ReprocessReceipt(int reprocessed, List<UUID> ids) {}

  // ---- operators: every tenant's

  @GetMapping("/admin/dead-letters")
  DeadLetterPage listAll(
      @RequestParam(required = false) String tenantId,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String topic,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor) {
    return page(tenantId, status, topic, from, to, limit, cursor);
  }

  @GetMapping("/admin/dead-letters/{id}")
  DeadLetterDetail getAny(@PathVariable String id) {
    return detail(null, id);
  }

  @PostMapping("/admin/dead-letters/reprocessing")
  ReprocessReceipt reprocessAny(@RequestBody ReprocessRequest request) {
    return reprocessFor(null, request);
  }

  // ---- a tenant: its own

  @GetMapping("/api/v1/dead-letters")
  DeadLetterPage list(
      TenantId tenant,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String topic,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor) {
    return page(tenant.value(), status, topic, from, to, limit, cursor);
  }

  @GetMapping("/api/v1/dead-letters/{id}")
  DeadLetterDetail get(TenantId tenant, @PathVariable String id) {
    return detail(tenant.value(), id);
  }

  @PostMapping("/api/v1/dead-letters/reprocessing")
  ReprocessReceipt reprocess(TenantId tenant, @RequestBody ReprocessRequest request) {
    return reprocessFor(tenant.value(), request);
  }

  private DeadLetterPage page(
      @Nullable String tenantId,
      @Nullable String status,
      @Nullable String topic,
      @Nullable String from,
      @Nullable String to,
      @Nullable Integer limit,
      @Nullable String cursor) {
    int size = Paging.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
    Cursor before = Cursor.decode(cursor);
    List<DeadLetter> found =
        entries.list(
            new Filter(
                tenantId,
                status == null ? null : status(status),
                topic,
                Paging.instant(from, "from"),
                Paging.instant(to, "to"),
                before == null ? null : before.at(),
                before == null ? null : before.id(),
                size + 1));
    List<DeadLetter> page = found.size() > size ? found.subList(0, size) : found;
    String next = null;
    if (found.size() > size) {
      DeadLetter last = page.get(page.size() - 1);
      next = new Cursor(last.deadLetteredAt(), last.id()).encode();
    }
    return new DeadLetterPage(page.stream().map(DeadLetterSummary::of).toList(), next);
  }

  private DeadLetterDetail detail(@Nullable String tenantId, String id) {
    DeadLetter d = entries.find(tenantId, uuid(id)).orElseThrow(DeadLetterProblems::notFound);
    byte[] payload = d.payload();
    return new DeadLetterDetail(
        DeadLetterSummary.of(d),
        d.exception(),
        payload == null ? null : decoded(d.originalTopic(), payload),
        payload == null ? null : Base64.getEncoder().encodeToString(payload));
  }

  private ReprocessReceipt reprocessFor(@Nullable String tenantId, ReprocessRequest request) {
    Selection selection;
    try {
      selection =
          new Selection(
              request.ids(),
              request.from(),
              request.to(),
              Boolean.TRUE.equals(request.all()),
              request.topic());
    } catch (InvalidSelection e) {
      throw DeadLetterProblems.invalidSelection(e.getMessage());
    }
    ReprocessDeadLetters.Result result = reprocess.reprocess(tenantId, selection);
    return new ReprocessReceipt(result.reprocessed(), result.ids());
  }

  /** Avro's JSON rendering of the value; null when it cannot be decoded (that may be why). */
  private @Nullable String decoded(String topic, byte[] payload) {
    try {
      Object event = codec.deserialize(topic, payload);
      return event == null ? null : event.toString();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static Status status(String value) {
    try {
      return Status.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Paging.invalidQuery("status must be PARKED or REPROCESSED.");
    }
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw DeadLetterProblems.notFound();
    }
  }
}
