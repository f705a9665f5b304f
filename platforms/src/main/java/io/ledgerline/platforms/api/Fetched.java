package io.ledgerline.platforms.api;

import java.util.List;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * What fetching one object made: the events to publish ({@code DealEvent} to {@code crm.deals.v1},
 * {@code SaleEvent} to {@code pos.sales.v1}); none when the object is nothing to invoice (an open
 * deal, an unpaid order, a deletion).
 *
 * @param summary one line for logs and the dead-letter reason, never a secret
 */
public record Fetched(List<SpecificRecord> events, String summary) {

  public Fetched {
    events = List.copyOf(events);
    Objects.requireNonNull(summary, "summary");
  }

  public static Fetched nothing(String summary) {
    return new Fetched(List.of(), summary);
  }
}
