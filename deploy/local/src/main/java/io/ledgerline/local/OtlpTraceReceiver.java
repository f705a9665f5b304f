package io.ledgerline.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small OTLP/HTTP trace receiver ({@code POST /v1/traces}, protobuf) for the local platform's
 * {@code --tracing} and the end-to-end test: the services' javaagents export to it, it keeps the
 * spans in memory and writes them where a person can read them:
 *
 * <ul>
 *   <li>{@code spans.jsonl}: every span, one JSON object per line (for {@code jq});
 *   <li>{@code <trace id>.txt}: each trace that crosses services (a webhook's way to its invoice)
 *       as an indented tree of spans with service, kind, name and duration, rewritten as more spans
 *       arrive.
 * </ul>
 *
 * Listens on the loopback address only. Keeps the newest {@value #MAX_SPANS} spans.
 */
public final class OtlpTraceReceiver implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OtlpTraceReceiver.class);
  private static final int MAX_SPANS = 50_000;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HexFormat HEX = HexFormat.of();

  private final HttpServer server;
  private final Path directory;
  private final List<ReceivedSpan> spans = new ArrayList<>();

  private OtlpTraceReceiver(HttpServer server, Path directory) {
    this.server = server;
    this.directory = directory;
  }

  /** Starts on {@code port} (0: any free one), writing into {@code directory}. */
  public static OtlpTraceReceiver start(int port, Path directory) throws IOException {
    Files.createDirectories(directory);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    OtlpTraceReceiver receiver = new OtlpTraceReceiver(server, directory);
    server.createContext("/v1/traces", receiver::handle);
    server.setExecutor(Executors.newFixedThreadPool(2, r -> new Thread(r, "otlp-receiver")));
    server.start();
    return receiver;
  }

  /** The base URL for {@code OTEL_EXPORTER_OTLP_ENDPOINT}. */
  public String endpoint() {
    return "http://localhost:" + server.getAddress().getPort();
  }

  public Path directory() {
    return directory;
  }

  /** Every span of {@code traceId} received so far. */
  public List<ReceivedSpan> trace(String traceId) {
    synchronized (spans) {
      return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }
  }

  /** Every span received so far. */
  public List<ReceivedSpan> spans() {
    synchronized (spans) {
      return List.copyOf(spans);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      ExportTraceServiceRequest request;
      try (InputStream body = body(exchange)) {
        request = ExportTraceServiceRequest.parseFrom(body);
      } catch (IOException e) {
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      accept(request);
      byte[] response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
      exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, response.length);
      exchange.getResponseBody().write(response);
    } catch (RuntimeException e) {
      log.warn("Could not take an OTLP export", e);
    }
  }

  private static InputStream body(HttpExchange exchange) throws IOException {
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    InputStream body = exchange.getRequestBody();
    return "gzip".equalsIgnoreCase(encoding) ? new GZIPInputStream(body) : body;
  }

  private void accept(ExportTraceServiceRequest request) {
    List<ReceivedSpan> received = new ArrayList<>();
    for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
      String service =
          stringAttributes(resourceSpans.getResource().getAttributesList())
              .getOrDefault("service.name", "unknown");
      for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
        for (Span span : scopeSpans.getSpansList()) {
          received.add(flatten(service, span));
        }
      }
    }
    Set<String> traces = new LinkedHashSet<>();
    synchronized (spans) {
      spans.addAll(received);
      if (spans.size() > MAX_SPANS) {
        spans.subList(0, spans.size() - MAX_SPANS).clear();
      }
      received.forEach(span -> traces.add(span.traceId()));
      write(received, traces);
    }
  }

  private static ReceivedSpan flatten(String service, Span span) {
    return new ReceivedSpan(
        HEX.formatHex(span.getTraceId().toByteArray()),
        HEX.formatHex(span.getSpanId().toByteArray()),
        HEX.formatHex(span.getParentSpanId().toByteArray()),
        service,
        span.getName(),
        span.getKind().name().replace("SPAN_KIND_", ""),
        span.getStartTimeUnixNano(),
        span.getEndTimeUnixNano(),
        stringAttributes(span.getAttributesList()));
  }

  private static Map<String, String> stringAttributes(List<KeyValue> attributes) {
    Map<String, String> values = new LinkedHashMap<>();
    for (KeyValue attribute : attributes) {
      values.put(attribute.getKey(), text(attribute.getValue()));
    }
    return values;
  }

  private static String text(AnyValue value) {
    return switch (value.getValueCase()) {
      case STRING_VALUE -> value.getStringValue();
      case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
      case INT_VALUE -> Long.toString(value.getIntValue());
      case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
      case ARRAY_VALUE ->
          value.getArrayValue().getValuesList().stream()
              .map(OtlpTraceReceiver::text)
              .toList()
              .toString();
      default -> value.toString().trim();
    };
  }

  /** Called holding the lock on {@link #spans}. */
  private void write(List<ReceivedSpan> received, Set<String> traces) {
    try {
      StringBuilder lines = new StringBuilder();
      for (ReceivedSpan span : received) {
        lines.append(JSON.writeValueAsString(span)).append('\n');
      }
      Files.writeString(
          directory.resolve("spans.jsonl"),
          lines,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      for (String traceId : traces) {
        List<ReceivedSpan> trace = spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
        if (trace.stream().map(ReceivedSpan::service).distinct().count() > 1) {
          Files.writeString(directory.resolve(traceId + ".txt"), TraceTree.render(trace));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  /** A trace as an indented tree, children in start order. */
  static final class TraceTree {

    private TraceTree() {}

    static String render(List<ReceivedSpan> trace) {
      Map<String, List<ReceivedSpan>> children = new LinkedHashMap<>();
      Set<String> ids = new LinkedHashSet<>();
      trace.forEach(span -> ids.add(span.spanId()));
      List<ReceivedSpan> roots = new ArrayList<>();
      for (ReceivedSpan span : sorted(trace)) {
        if (span.isRoot() || !ids.contains(span.parentSpanId())) {
          roots.add(span);
        } else {
          children.computeIfAbsent(span.parentSpanId(), id -> new ArrayList<>()).add(span);
        }
      }
      long start = trace.stream().mapToLong(ReceivedSpan::startEpochNanos).min().orElse(0);
      long end = trace.stream().mapToLong(ReceivedSpan::endEpochNanos).max().orElse(0);
      StringBuilder out =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "trace %s: %d spans, %d services, %.1f ms%n%n",
                  trace.get(0).traceId(),
                  trace.size(),
                  trace.stream().map(ReceivedSpan::service).distinct().count(),
                  (end - start) / 1e6));
      for (ReceivedSpan root : roots) {
        line(out, root, start, children, 0);
      }
      return out.toString();
    }

    private static void line(
        StringBuilder out,
        ReceivedSpan span,
        long traceStart,
        Map<String, List<ReceivedSpan>> children,
        int depth) {
      out.append(
          String.format(
              Locale.ROOT,
              "%+9.1f ms %8.1f ms  %s%-24s %-8s %s%n",
              (span.startEpochNanos() - traceStart) / 1e6,
              span.durationMillis(),
              "  ".repeat(depth),
              span.service(),
              span.kind(),
              span.name()));
      for (ReceivedSpan child : children.getOrDefault(span.spanId(), List.of())) {
        line(out, child, traceStart, children, depth + 1);
      }
    }

    private static List<ReceivedSpan> sorted(List<ReceivedSpan> spans) {
      return spans.stream()
          .sorted(Comparator.comparingLong(ReceivedSpan::startEpochNanos))
          .toList();
    }
  }
}
