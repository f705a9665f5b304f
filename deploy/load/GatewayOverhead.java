/*
 * What the gateway costs: the same API read (GET /api/v1/invoices) through the gateway with an API
 * key, through the gateway with an OAuth2 token, and direct to invoice-service with the same JWT, in
 * one run; prints requests per second, p50 and p99 latency, and the ratios. Needs the local platform
 * running (deploy/local/platform up); see deploy/load/README.md.
 *
 *   java deploy/load/GatewayOverhead.java [--seconds 20] [--warmup 10] [--connections 16]
 *
 * A closed loop: each connection sends its next request when the answer came. Plain JDK, no
 * dependencies, so it runs with `java` on a source file.
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
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class GatewayOverhead {

  record Target(String name, String url, String header, String value) {}

  record Result(Target target, long requests, long errors, double seconds, long[] nanos) {
    double rps() {
      return requests / seconds;
    }

    double percentileMillis(double p) {
      if (nanos.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.min(nanos.length - 1, Math.ceil(p / 100.0 * nanos.length) - 1);
      return nanos[Math.max(0, index)] / 1e6;
    }
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public static void main(String[] args) throws Exception {
    int seconds = 20;
    int warmup = 10;
    int connections = 16;
    Path run = Path.of("deploy/local/run");
    for (int i = 0; i < args.length - 1; i++) {
      switch (args[i]) {
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--connections" -> connections = Integer.parseInt(args[++i]);
        case "--run-dir" -> run = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    String facts = Files.readString(run.resolve("platform.json"));
    String gateway = field(facts, "gatewayUrl");
    int offset = URI.create(gateway).getPort() - 8080;
    String invoiceService = "http://localhost:" + (8085 + offset);
    Properties secrets = new Properties();
    try (var in = Files.newBufferedReader(run.resolve("secrets.properties"))) {
      secrets.load(in);
    }

    // A tenant of its own on the unmetered plan: the limits are checked on every request, as for
    // any tenant, but never reached.
    String admin =
        field(
            post(gateway + "/oauth2/token", "grant_type=client_credentials&scope=admin",
                "application/x-www-form-urlencoded",
                "Basic " + basic("admin", secrets.getProperty("client.admin.secret"))),
            "access_token");
    String tenant =
        field(
            post(gateway + "/admin/tenants",
                "{\"name\":\"load test " + UUID.randomUUID() + "\",\"plan\":\"unmetered\"}",
                "application/json", "Bearer " + admin),
            "id");
    String apiKey =
        field(
            post(gateway + "/admin/tenants/" + tenant + "/api-keys",
                "{\"name\":\"load\",\"scopes\":[\"invoices:read\",\"oauthclients:write\"]}",
                "application/json", "Bearer " + admin),
            "key");
    String client =
        postWithKey(gateway + "/api/v1/oauth-clients",
            "{\"name\":\"load\",\"scopes\":[\"invoices:read\"]}", apiKey);

    System.out.printf(
        "GET /api/v1/invoices, %d connections, %d s warm-up + %d s measured per target%n",
        connections, warmup, seconds);
    List<Result> results = new ArrayList<>();
    for (String target : List.of("gateway, API key", "gateway, OAuth2 token", "direct, JWT")) {
      // A fresh token per target: it lives 5 minutes.
      String token =
          field(
              post(gateway + "/oauth2/token", "grant_type=client_credentials",
                  "application/x-www-form-urlencoded",
                  "Basic " + basic(field(client, "clientId"), field(client, "clientSecret"))),
              "access_token");
      Target t =
          switch (target) {
            case "gateway, API key" ->
                new Target(target, gateway + "/api/v1/invoices", "X-API-Key", apiKey);
            case "gateway, OAuth2 token" ->
                new Target(target, gateway + "/api/v1/invoices", "Authorization", "Bearer " + token);
            default ->
                new Target(
                    target, invoiceService + "/api/v1/invoices", "Authorization", "Bearer " + token);
          };
      load(t, connections, warmup);
      Result result = load(t, connections, seconds);
      results.add(result);
      System.out.printf(
          "  %-22s %8.0f rps   p50 %6.2f ms   p99 %6.2f ms   (%d requests, %d errors)%n",
          t.name(), result.rps(), result.percentileMillis(50), result.percentileMillis(99),
          result.requests(), result.errors());
    }
    Result key = results.get(0);
    Result oauth = results.get(1);
    Result direct = results.get(2);
    System.out.printf(
        "gateway with API key: %.0f %% of direct throughput, p99 cost %+.2f ms%n",
        100 * key.rps() / direct.rps(), key.percentileMillis(99) - direct.percentileMillis(99));
    System.out.printf(
        "gateway with OAuth2 token: %.0f %% of direct throughput, p99 cost %+.2f ms%n",
        100 * oauth.rps() / direct.rps(), oauth.percentileMillis(99) - direct.percentileMillis(99));
    System.out.println("(targets: under 2 ms p99 cost with a cached key, at least 70 % of direct)");
  }

  static Result load(Target target, int connections, int seconds) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    List<Future<long[]>> workers = new ArrayList<>();
    long begin = System.nanoTime();
    for (int c = 0; c < connections; c++) {
      workers.add(
          pool.submit(
              () -> {
                long[] samples = new long[1 << 16];
                int n = 0;
                long errors = 0;
                HttpRequest request =
                    HttpRequest.newBuilder(URI.create(target.url()))
                        .header(target.header(), target.value())
                        .timeout(Duration.ofSeconds(10))
                        .build();
                while (System.nanoTime() < end) {
                  long start = System.nanoTime();
                  int status;
                  try {
                    status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                  } catch (Exception e) {
                    status = -1;
                  }
                  long took = System.nanoTime() - start;
                  if (status != 200) {
                    errors++;
                    continue;
                  }
                  if (n == samples.length) {
                    samples = Arrays.copyOf(samples, n * 2);
                  }
                  samples[n++] = took;
                }
                long[] out = Arrays.copyOf(samples, n + 1);
                out[n] = -errors - 1; // the last slot carries the error count
                return out;
              }));
    }
    List<long[]> all = new ArrayList<>();
    long errors = 0;
    for (Future<long[]> worker : workers) {
      long[] samples = worker.get();
      errors += -(samples[samples.length - 1] + 1);
      all.add(Arrays.copyOf(samples, samples.length - 1));
    }
    double took = (System.nanoTime() - begin) / 1e9;
    pool.shutdown();
    long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    return new Result(target, merged.length, errors, took, merged);
  }

  static String post(String url, String body, String contentType, String authorization)
      throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", contentType)
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  static String postWithKey(String url, String body, String apiKey) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("X-API-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  static String basic(String id, String secret) {
    return Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  /** A string field of a flat JSON object; enough for these answers, and no dependency. */
  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return m.group(1);
  }
}
