package io.ledgerline.platforms.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.jspecify.annotations.Nullable;

/**
 * What fetching one object made: the events to publish ({@code DealEvent} to {@code crm.deals.v1},
 * {@code SaleEvent} to {@code pos.sales.v1}); none when the object is nothing to invoice (an open
 * deal, an unpaid order, a deletion).
 *
 * @param summary one line for logs and the dead-letter reason, never a secret
 * @param version the platform's modification time of the object as read, when it has one: a change
 *     the platform stamped at or before it is in what was read (so a sync request for it needs no
 *     second fetch)
 */
public record Fetched(List<SpecificRecord> events, String summary, @Nullable Instant version) {

  public Fetched {
    events = List.copyOf(events);
    Objects.requireNonNull(summary, "summary");
  }

  public static Fetched nothing(String summary) {
    return new Fetched(List.of(), summary, null);
  }

  public static Fetched nothing(String summary, @Nullable Instant version) {
    return new Fetched(List.of(), summary, version);
  }
}
