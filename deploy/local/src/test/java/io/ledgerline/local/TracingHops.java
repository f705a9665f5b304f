package io.ledgerline.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What a webhook's trace must hold: each hop from the gateway to the invoice insert. */
final class TracingHops {

  private TracingHops() {}

  /** Whether the trace has reached the invoice insert and every span on the way to it. */
  static boolean complete(List<ReceivedSpan> trace) {
    Optional<ReceivedSpan> insert = invoiceInsert(trace);
    if (insert.isEmpty()) {
      return false;
    }
    List<ReceivedSpan> path = ancestors(insert.get(), trace);
    return path.get(path.size() - 1).service().equals("gateway-service");
  }

  /** The JDBC span of invoice-service that inserts the invoice row. */
  static Optional<ReceivedSpan> invoiceInsert(List<ReceivedSpan> trace) {
    return trace.stream()
        .filter(span -> span.service().equals("invoice-service"))
        .filter(span -> span.kind().equals("CLIENT"))
        .filter(span -> statement(span).toLowerCase().contains("insert into invoices"))
        .findFirst();
  }

  /** The span itself, its parent, its parent's parent ... as far as the trace has them. */
  static List<ReceivedSpan> ancestors(ReceivedSpan span, List<ReceivedSpan> trace) {
    Map<String, ReceivedSpan> byId =
        trace.stream()
            .collect(Collectors.toMap(ReceivedSpan::spanId, Function.identity(), (a, b) -> a));
    List<ReceivedSpan> path = new ArrayList<>();
    ReceivedSpan current = span;
    while (current != null && path.size() <= trace.size()) {
      path.add(current);
      current = byId.get(current.parentSpanId());
    }
    return path;
  }

  private static String statement(ReceivedSpan span) {
    // the attribute's name moved between semantic convention versions
    return span.attributes()
        .getOrDefault("db.query.text", span.attributes().getOrDefault("db.statement", ""));
  }
}
