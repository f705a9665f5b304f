package io.ledgerline.platform.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The W3C {@code traceparent} of the current span, stored with an outbox row, and the context it
 * stands for when the relay publishes the row. Only the OpenTelemetry API: with the javaagent in
 * the JVM the current span is the agent's (a request, a Kafka record); without it there is none and
 * nothing is stored.
 */
final class TraceParent {

  static final String HEADER = "traceparent";

  private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

  private static final TextMapGetter<String> SINGLE_VALUE =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
          return List.of(HEADER);
        }

        @Override
        public @Nullable String get(@Nullable String carrier, String key) {
          return HEADER.equals(key) ? carrier : null;
        }
      };

  private TraceParent() {}

  /** The current span's traceparent, or null when no span is being recorded. */
  static @Nullable String current() {
    if (!Span.current().getSpanContext().isValid()) {
      return null;
    }
    Map<String, String> carrier = new HashMap<>();
    W3C.inject(Context.current(), carrier, Map::put);
    return carrier.get(HEADER);
  }

  /** The remote parent a stored traceparent names; the root context when it names none. */
  static Context context(@Nullable String traceparent) {
    if (traceparent == null || traceparent.isBlank()) {
      return Context.root();
    }
    return W3C.extract(Context.root(), traceparent, SINGLE_VALUE);
  }
}
