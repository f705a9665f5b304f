package io.ledgerline.platform.deadletters;

import io.ledgerline.platform.service.metrics.Meters;
import io.ledgerline.platform.service.schedule.Periodic;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ledgerline_dead_letters{topic}}: how many dead letters of this service wait, parked, per
 * original topic. Counted on a schedule, not per scrape; a topic whose last one was reprocessed
 * shows 0 until the service restarts, so an alert resolves.
 */
final class DeadLetterMetrics extends Periodic {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterMetrics.class);

  private final DeadLetterEntries entries;
  private final MultiGauge gauge;
  private final Duration interval;
  private final Map<String, Long> seen = new java.util.concurrent.ConcurrentHashMap<>();

  DeadLetterMetrics(DeadLetterEntries entries, MeterRegistry meters, Duration interval) {
    super("dead-letter-metrics");
    this.entries = entries;
    this.interval = interval;
    this.gauge =
        MultiGauge.builder(Meters.DEAD_LETTERS)
            .description("Dead letters waiting to be reprocessed, per original topic")
            .register(meters);
  }

  void refresh() {
    Map<String, Long> parked = entries.countParkedByTopic();
    seen.replaceAll((topic, count) -> 0L);
    seen.putAll(parked);
    gauge.register(
        seen.entrySet().stream()
            .map(e -> MultiGauge.Row.of(Tags.of("topic", e.getKey()), e.getValue()))
            .toList(),
        true);
  }

  @Override
  protected Duration initialDelay() {
    return Duration.ZERO;
  }

  @Override
  protected Duration interval() {
    return interval;
  }

  @Override
  protected void runOnce() {
    try {
      refresh();
    } catch (RuntimeException e) {
      log.debug("Counting dead letters failed; keeping the last figures", e);
    }
  }
}
