package io.ledgerline.platform.deadletters;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Which parked dead letters to reprocess: exactly one of some ids, a time range of when they were
 * dead-lettered ({@code from} inclusive, {@code to} exclusive, either open), or all; optionally
 * only those of one original topic.
 */
record Selection(
    List<UUID> ids,
    @Nullable Instant from,
    @Nullable Instant to,
    boolean all,
    @Nullable String topic) {

  static final int MAX_IDS = 1000;

  Selection {
    ids = ids == null ? List.of() : List.copyOf(ids);
    int ways = (ids.isEmpty() ? 0 : 1) + (from == null && to == null ? 0 : 1) + (all ? 1 : 0);
    if (ways != 1) {
      throw new InvalidSelection(
          "Name exactly one of: ids, a time range (from and/or to), or all=true.");
    }
    if (ids.size() > MAX_IDS) {
      throw new InvalidSelection("At most " + MAX_IDS + " ids at a time.");
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new InvalidSelection("from must be before to.");
    }
  }

  static Selection of(UUID id) {
    return new Selection(List.of(id), null, null, false, null);
  }

  /** A selection that names none, or too much at once. */
  static final class InvalidSelection extends IllegalArgumentException {
    InvalidSelection(String message) {
      super(message);
    }
  }
}
