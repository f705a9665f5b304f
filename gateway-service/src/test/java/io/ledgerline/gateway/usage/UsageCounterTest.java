package io.ledgerline.gateway.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class UsageCounterTest {

  private static final Instant NOW = Instant.parse("2026-01-01T23:59:59Z");
  private final UsageCounter counter = new UsageCounter(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void countsRequestsPerKeyAndDayAndStartsAfreshAfterADrain() {
    counter.count("k1");
    counter.count("k1");
    counter.count("k2");

    var drained = counter.drain();

    assertThat(drained)
        .containsExactlyInAnyOrder(
            new UsageCounter.Count("k1", LocalDate.parse("2026-01-01"), 2, NOW),
            new UsageCounter.Count("k2", LocalDate.parse("2026-01-01"), 1, NOW));
    assertThat(counter.drain()).isEmpty();
  }

  @Test
  void aBatchThatCouldNotBeSentIsCountedAgain() {
    counter.count("k1");
    var failed = counter.drain();
    counter.count("k1");

    counter.putBack(failed);

    assertThat(counter.drain())
        .containsExactly(new UsageCounter.Count("k1", LocalDate.parse("2026-01-01"), 2, NOW));
  }
}
