package io.ledgerline.local;

import java.util.Map;

/**
 * One span as an OTLP exporter sent it, flattened: ids in lower-case hex as in {@code traceparent},
 * the service from the resource's {@code service.name}, attributes as strings.
 *
 * @param kind {@code SERVER}, {@code CLIENT}, {@code PRODUCER}, {@code CONSUMER} or {@code
 *     INTERNAL}
 */
public record ReceivedSpan(
    String traceId,
    String spanId,
    String parentSpanId,
    String service,
    String name,
    String kind,
    long startEpochNanos,
    long endEpochNanos,
    Map<String, String> attributes) {

  public double durationMillis() {
    return (endEpochNanos - startEpochNanos) / 1e6;
  }

  public boolean isRoot() {
    return parentSpanId.isEmpty();
  }
}
