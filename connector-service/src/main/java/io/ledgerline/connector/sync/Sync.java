package io.ledgerline.connector.sync;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A historical sync a tenant asked for, or one incremental run, with its counts. */
record Sync(
    UUID id,
    String tenantId,
    UUID connectionId,
    Kind kind,
    @Nullable Instant since,
    List<String> objects,
    Status status,
    Counts counts,
    @Nullable String lastError,
    Instant createdAt,
    @Nullable Instant startedAt,
    @Nullable Instant finishedAt) {

  enum Kind {
    HISTORICAL,
    INCREMENTAL
  }

  enum Status {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED
  }

  record Counts(int fetched, int published, int skipped, int failed, int pages) {
    static final Counts NONE = new Counts(0, 0, 0, 0, 0);
  }
}
