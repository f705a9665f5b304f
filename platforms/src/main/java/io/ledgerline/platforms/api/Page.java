package io.ledgerline.platforms.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.jspecify.annotations.Nullable;

/**
 * One page of a pull.
 *
 * @param events what the page's objects became, in the platform's order
 * @param fetched how many objects the page held
 * @param skipped how many of them were nothing to invoice
 * @param failed how many could not be made events (bad data on the platform); the pull goes on
 *     without them (the sync reports them), since one bad record must not stop an account's sync
 * @param next the cursor of the next page of this pull; null when this was the last
 * @param restart the cursor a later incremental pull starts from once this one is done: the
 *     platform's high-water mark of what has been read so far (objects changed at that mark may be
 *     read twice, which idempotent consumers absorb; none are missed)
 */
public record Page(
    List<SpecificRecord> events,
    int fetched,
    int skipped,
    int failed,
    @Nullable String next,
    String restart) {

  public Page {
    events = List.copyOf(events);
    Objects.requireNonNull(restart, "restart");
  }

  public Optional<String> nextCursor() {
    return Optional.ofNullable(next);
  }

  public boolean last() {
    return next == null;
  }
}
