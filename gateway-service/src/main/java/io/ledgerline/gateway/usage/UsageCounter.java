package io.ledgerline.gateway.usage;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Requests per API key and UTC day, counted in memory on the request path (a map lookup and an
 * increment) and drained in batches by {@link UsageReporter}.
 */
@Component
public class UsageCounter {

  record Slot(String keyId, LocalDate day) {}

  /** What one drain hands over. */
  record Count(String keyId, LocalDate day, long requests, Instant lastUsedAt) {}

  private static final class Tally {
    final LongAdder requests = new LongAdder();
    final AtomicReference<Instant> lastUsedAt = new AtomicReference<>(Instant.EPOCH);
  }

  private final Clock clock;
  private volatile Map<Slot, Tally> current = new ConcurrentHashMap<>();

  @Autowired
  UsageCounter() {
    this(Clock.systemUTC());
  }

  UsageCounter(Clock clock) {
    this.clock = clock;
  }

  public void count(String keyId) {
    if (keyId.isEmpty()) {
      return;
    }
    var now = clock.instant();
    var tally =
        current.computeIfAbsent(
            new Slot(keyId, LocalDate.ofInstant(now, ZoneOffset.UTC)), slot -> new Tally());
    tally.requests.increment();
    tally.lastUsedAt.accumulateAndGet(now, (a, b) -> a.isAfter(b) ? a : b);
  }

  /** Everything counted since the last drain; counting goes on into a fresh map. */
  List<Count> drain() {
    var drained = current;
    current = new ConcurrentHashMap<>();
    List<Count> counts = new ArrayList<>();
    drained.forEach(
        (slot, tally) ->
            counts.add(
                new Count(slot.keyId(), slot.day(), tally.requests.sum(), tally.lastUsedAt.get())));
    return counts;
  }

  /** A batch that could not be sent is counted again, so nothing is lost while apikey is down. */
  void putBack(List<Count> counts) {
    for (var count : counts) {
      var tally = current.computeIfAbsent(new Slot(count.keyId(), count.day()), s -> new Tally());
      tally.requests.add(count.requests());
      tally.lastUsedAt.accumulateAndGet(count.lastUsedAt(), (a, b) -> a.isAfter(b) ? a : b);
    }
  }
}
