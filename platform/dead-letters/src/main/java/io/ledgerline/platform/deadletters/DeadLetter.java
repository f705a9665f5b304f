package io.ledgerline.platform.deadletters;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A record one of this service's consumers gave up on, as its dead-letter topic holds it, with what
 * has been done about it since.
 *
 * @param tenantId the tenant the record's key names ({@code tenantId:...}); null when none
 * @param payload the value bytes exactly as the consumer received them
 * @param kind {@code PERMANENT} or {@code UNEXPECTED} ({@code FailureKind})
 */
record DeadLetter(
    UUID id,
    String dltTopic,
    int dltPartition,
    long dltOffset,
    String originalTopic,
    @Nullable Integer originalPartition,
    @Nullable Long originalOffset,
    @Nullable String consumerGroup,
    @Nullable String tenantId,
    @Nullable String key,
    @Nullable String eventType,
    byte @Nullable [] payload,
    @Nullable String kind,
    String reason,
    @Nullable String exception,
    Instant deadLetteredAt,
    Status status,
    @Nullable Instant reprocessedAt,
    int reprocessCount) {

  enum Status {
    /** Waiting for a fix and a reprocessing. */
    PARKED,
    /** Sent again to its original topic (through the outbox). */
    REPROCESSED
  }
}
