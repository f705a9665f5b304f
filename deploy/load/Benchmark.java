/*
 * The platform benchmark of issue 14, run by deploy/load/benchmark (which starts the local platform
 * with production JVM settings first). In one run, against the running local platform:
 *
 *   1. the baseline: webhook-ingest's cheapest endpoint (/actuator/info), direct;
 *   2. signed unique Shopify orders direct to webhook-ingest, and 3. the same through the gateway
 *      (closed loop: rate, p50, p99, errors);
 *   4. the sustained invoice rate while those orders arrive, against the rate they were accepted;
 *   5. webhook-to-invoice latency at a fixed rate (half the sustained invoice rate), from the
 *      server's own timestamps: the webhook log's received_at and the invoice's created_at, both
 *      written by the same PostgreSQL server;
 *   6. exactly once: every order answered 2xx has exactly one invoice.
 *
 *   java deploy/load/Benchmark.java [--seconds 15] [--connections 16] [--latency-seconds 20]
 *
 * Plain JDK (runs with `java` on the source file); reads the database with psql. Loopback only.
 */
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class Benchmark {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static final AtomicLong ORDER_IDS = new AtomicLong(System.currentTimeMillis() * 1000);

  record Result(String name, long ok, long errors, double seconds, long[] nanos) {
    double rate() {
      return ok / seconds;
    }

    double p(double percent) {
      return percentile(nanos, percent) / 1e6;
    }
  }

  /** An order answered 2xx: its id and the webhook id the log gave it. */
  record Accepted(String orderId, String webhookId) {}

  static String gateway;
  static String ingest;
  static String webhookPath;
  static String secret;
  static String shop;
  static String tenant;
  static int postgresPort;
  static String template;
  static final Queue accepted = new Queue();

  public static void main(String[] args) throws Exception {
    int seconds = 15;
    int connections = 16;
    int latencySeconds = 20;
    Path run = Path.of("deploy/local/run");
    for (int i = 0; i < args.length - 1; i++) {
      switch (args[i]) {
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--connections" -> connections = Integer.parseInt(args[++i]);
        case "--latency-seconds" -> latencySeconds = Integer.parseInt(args[++i]);
        case "--run-dir" -> run = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    String facts = Files.readString(run.resolve("platform.json"));
    gateway = field(facts, "gatewayUrl");
    ingest = field(facts, "webhook-ingest-service");
    String webhookUrl = field(facts, "webhookUrl");
    webhookPath = URI.create(webhookUrl).getPath();
    secret = field(facts, "webhookSecret");
    shop = field(facts, "shopDomain");
    Matcher tenantId = Pattern.compile("\"tenants\"\\s*:\\s*\\[\\s*\\{\\s*\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(facts);
    if (!tenantId.find()) {
      throw new IllegalStateException("no demo tenant in platform.json");
    }
    tenant = tenantId.group(1);
    postgresPort = URI.create(field(facts, "postgresUrl").substring("jdbc:".length())).getPort();
    template = Files.readString(Path.of("deploy/local/samples/shopify-order-paid.json"));
    long started = System.currentTimeMillis();

    System.out.printf("Ledgerline benchmark: %d connections, %d s per closed-loop step, loopback%n", connections, seconds);
    // Warm-up: the JIT, the pools, the first schema lookups.
    closedLoop("warm-up", connections, Math.max(5, seconds / 2), () -> order(ingest + webhookPath), false);
    awaitInvoiced(accepted.drain(), Duration.ofMinutes(3));

    Result baseline =
        closedLoop(
            "baseline: GET /actuator/info, direct",
            connections,
            seconds,
            () -> HttpRequest.newBuilder(URI.create(ingest + "/actuator/info")).GET().build(),
            false);
    Result direct =
        closedLoop("signed webhooks, direct", connections, seconds, () -> order(ingest + webhookPath), true);
    List<Accepted> directOrders = accepted.drain();
    Map<String, Long[]> directTimes = awaitInvoiced(directOrders, Duration.ofMinutes(5));
    Result throughGateway =
        closedLoop(
            "signed webhooks, through the gateway",
            connections,
            seconds,
            () -> order(gateway + webhookPath),
            true);
    List<Accepted> gatewayOrders = accepted.drain();
    awaitInvoiced(gatewayOrders, Duration.ofMinutes(5));

    // The pipeline while webhooks arrived at full speed (step 2): accepted per second against
    // invoiced per second over the same orders, first receipt to last receipt and to last invoice.
    long firstReceived = Long.MAX_VALUE, lastReceived = 0, lastInvoiced = 0;
    for (Long[] t : directTimes.values()) {
      firstReceived = Math.min(firstReceived, t[0]);
      lastReceived = Math.max(lastReceived, t[0]);
      lastInvoiced = Math.max(lastInvoiced, t[1]);
    }
    double ingestRate = directTimes.size() * 1000.0 / Math.max(1, lastReceived - firstReceived);
    double invoiceRate = directTimes.size() * 1000.0 / Math.max(1, lastInvoiced - firstReceived);

    // Latency at half the sustained rate, open loop.
    double fixedRate = Math.max(1, Math.floor(Math.min(invoiceRate, ingestRate) / 2));
    long errors = openLoop(fixedRate, latencySeconds, () -> order(gateway + webhookPath));
    List<Accepted> latencyOrders = accepted.drain();
    Map<String, Long[]> latencyTimes = awaitInvoiced(latencyOrders, Duration.ofMinutes(5));
    long[] latencies =
        latencyTimes.values().stream().mapToLong(t -> (t[1] - t[0]) * 1_000_000L).sorted().toArray();

    // Exactly once, over every order of the run.
    Map<String, Integer> counts = invoiceCounts(started);
    List<Accepted> all = new ArrayList<>();
    all.addAll(directOrders);
    all.addAll(gatewayOrders);
    all.addAll(latencyOrders);
    long lost = all.stream().filter(a -> counts.getOrDefault(a.orderId(), 0) == 0).count();
    long duplicated = all.stream().filter(a -> counts.getOrDefault(a.orderId(), 0) > 1).count();

    System.out.println();
    System.out.printf("%-42s %10s %9s %9s %7s%n", "step", "rate/s", "p50 ms", "p99 ms", "errors");
    for (Result r : List.of(baseline, direct, throughGateway)) {
      System.out.printf("%-42s %10.0f %9.1f %9.1f %7d%n", r.name(), r.rate(), r.p(50), r.p(99), r.errors());
    }
    System.out.println();
    System.out.printf("webhooks direct / baseline                 %6.2f   (goal >= 0.5)%n", direct.rate() / baseline.rate());
    System.out.printf("webhooks through the gateway / direct      %6.2f   (goal >= 0.8)%n", throughGateway.rate() / direct.rate());
    System.out.printf(
        "pipeline: accepted %.0f/s, invoiced %.0f/s   %6.2f   (goal >= 0.9)%n",
        ingestRate, invoiceRate, invoiceRate / ingestRate);
    System.out.printf(
        "webhook to invoice at %.0f/s for %d s (%d orders, %d errors): p50 %.0f ms, p99 %.0f ms, max %.0f ms   (goal p50 < 250, p99 < 1000)%n",
        fixedRate,
        latencySeconds,
        latencies.length,
        errors,
        percentile(latencies, 50) / 1e6,
        percentile(latencies, 99) / 1e6,
        latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1] / 1e6);
    System.out.printf(
        "exactly once: %d orders accepted, %d invoiced once, %d lost, %d duplicated%n",
        all.size(), all.size() - lost - duplicated, lost, duplicated);
    if (lost > 0 || duplicated > 0) {
      System.exit(1);
    }
  }

  /** A new signed Shopify orders/paid webhook with a unique order. */
  static HttpRequest order(String url) {
    String id = Long.toString(ORDER_IDS.incrementAndGet());
    String body = template.replace("5630481604703", id).replace("\"#1001\"", "\"#" + id + "\"").replace("\"order_number\": 1001", "\"order_number\": " + id);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .header("X-Shopify-Topic", "orders/paid")
        .header("X-Shopify-Shop-Domain", shop)
        .header("X-Shopify-Webhook-Id", java.util.UUID.randomUUID().toString())
        .header("X-Shopify-Hmac-Sha256", sign(bytes))
        .header("X-Benchmark-Order", id)
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
        .build();
  }

  static Result closedLoop(String name, int connections, int seconds, Supplier<HttpRequest> requests, boolean orders)
      throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    AtomicLong ok = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    long begin = System.nanoTime();
    for (int c = 0; c < connections; c++) {
      pool.submit(
          () -> {
            List<Long> mine = new ArrayList<>();
            while (System.nanoTime() < end) {
              HttpRequest request = requests.get();
              long t0 = System.nanoTime();
              try {
                HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                mine.add(System.nanoTime() - t0);
                if (answer.statusCode() / 100 == 2) {
                  ok.incrementAndGet();
                  if (orders) {
                    accepted.add(request, answer.body());
                  }
                } else {
                  errors.incrementAndGet();
                }
              } catch (Exception e) {
                errors.incrementAndGet();
              }
            }
            samples.add(mine.stream().mapToLong(Long::longValue).toArray());
            return null;
          });
    }
    pool.shutdown();
    pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
    double elapsed = (System.nanoTime() - begin) / 1e9;
    long[] nanos = samples.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    Result result = new Result(name, ok.get(), errors.get(), elapsed, nanos);
    System.out.printf("  %-40s %8.0f/s%n", name, result.rate());
    return result;
  }

  /** Sends at a fixed rate whatever the answers take; returns the number of failed requests. */
  static long openLoop(double rate, int seconds, Supplier<HttpRequest> requests) throws Exception {
    long total = Math.round(rate * seconds);
    long interval = Math.round(1e9 / rate);
    AtomicLong errors = new AtomicLong();
    CountDownLatch done = new CountDownLatch((int) total);
    long begin = System.nanoTime();
    for (long i = 0; i < total; i++) {
      long due = begin + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      HttpRequest request = requests.get();
      HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString())
          .whenComplete(
              (answer, failure) -> {
                if (failure == null && answer.statusCode() / 100 == 2) {
                  accepted.add(request, answer.body());
                } else {
                  errors.incrementAndGet();
                }
                done.countDown();
              });
    }
    done.await(60, TimeUnit.SECONDS);
    System.out.printf("  %-40s %8.0f/s for %d s%n", "signed webhooks at a fixed rate", rate, seconds);
    return errors.get();
  }

  /**
   * Waits until every accepted order has an invoice; returns per order its webhook's received_at
   * and its invoice's created_at (epoch millis, both from the database server's clock).
   */
  static Map<String, Long[]> awaitInvoiced(List<Accepted> orders, Duration atMost) throws Exception {
    if (orders.isEmpty()) {
      return Map.of();
    }
    long deadline = System.nanoTime() + atMost.toNanos();
    long since = System.currentTimeMillis() - 3_600_000;
    Map<String, Long> invoiced;
    while (true) {
      Map<String, Long> now = firstInvoiceTimes(since);
      invoiced = now;
      long missing = orders.stream().filter(o -> !now.containsKey(o.orderId())).count();
      if (missing == 0) {
        break;
      }
      if (System.nanoTime() > deadline) {
        System.out.printf("  %d of %d accepted orders still without an invoice after %s%n", missing, orders.size(), atMost);
        break;
      }
      Thread.sleep(500);
    }
    Map<String, Long> received = receivedTimes(since);
    Map<String, Long[]> times = new HashMap<>();
    for (Accepted order : orders) {
      Long r = received.get(order.webhookId());
      Long i = invoiced.get(order.orderId());
      if (r != null && i != null) {
        times.put(order.orderId(), new Long[] {r, i});
      }
    }
    return times;
  }

  static Map<String, Long> firstInvoiceTimes(long sinceMillis) throws Exception {
    Map<String, Long> times = new HashMap<>();
    for (String[] row :
        psql(
            "invoice_service",
            "SELECT source_external_id, (extract(epoch FROM min(created_at)) * 1000)::bigint FROM invoices"
                + " WHERE tenant_id = '" + tenant + "' AND created_at >= to_timestamp(" + sinceMillis / 1000
                + ") GROUP BY source_external_id")) {
      times.put(row[0], Long.parseLong(row[1]));
    }
    return times;
  }

  static Map<String, Integer> invoiceCounts(long sinceMillis) throws Exception {
    Map<String, Integer> counts = new HashMap<>();
    for (String[] row :
        psql(
            "invoice_service",
            "SELECT source_external_id, count(*) FROM invoices WHERE tenant_id = '" + tenant
                + "' AND created_at >= to_timestamp(" + (sinceMillis / 1000 - 60) + ") GROUP BY source_external_id")) {
      counts.put(row[0], Integer.parseInt(row[1]));
    }
    return counts;
  }

  static Map<String, Long> receivedTimes(long sinceMillis) throws Exception {
    Map<String, Long> times = new HashMap<>();
    for (String[] row :
        psql(
            "webhook_ingest_service",
            "SELECT id, (extract(epoch FROM received_at) * 1000)::bigint FROM webhooks WHERE tenant_id = '"
                + tenant + "' AND received_at >= to_timestamp(" + sinceMillis / 1000 + ")")) {
      times.put(row[0], Long.parseLong(row[1]));
    }
    return times;
  }

  static List<String[]> psql(String database, String sql) throws Exception {
    Process p =
        new ProcessBuilder(
                "psql", "-h", "localhost", "-p", Integer.toString(postgresPort), "-U", "postgres", "-d", database,
                "-At", "-F", "\t", "-c", sql)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("psql failed: " + out);
    }
    List<String[]> rows = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (!line.isBlank()) {
        rows.add(line.split("\t"));
      }
    }
    return rows;
  }

  static String sign(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static double percentile(long[] sorted, double percent) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.min(sorted.length - 1, Math.ceil(percent / 100.0 * sorted.length) - 1);
    return sorted[Math.max(0, index)];
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + json.substring(0, Math.min(200, json.length())));
    }
    return m.group(1);
  }

  /** The orders answered 2xx since the last drain. */
  static final class Queue {
    private final ConcurrentLinkedQueue<Accepted> items = new ConcurrentLinkedQueue<>();

    void add(HttpRequest request, String answer) {
      String order = request.headers().firstValue("X-Benchmark-Order").orElseThrow();
      items.add(new Accepted(order, field(answer, "id")));
    }

    List<Accepted> drain() {
      List<Accepted> out = new ArrayList<>();
      Accepted a;
      while ((a = items.poll()) != null) {
        out.add(a);
      }
      return out;
    }
  }
}
