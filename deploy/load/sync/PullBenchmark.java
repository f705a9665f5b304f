import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ledgerline.platforms.Platforms;
import io.ledgerline.platforms.api.ApiClient;
import io.ledgerline.platforms.api.ApiContext;
import io.ledgerline.platforms.api.ApiResponse;
import io.ledgerline.platforms.api.Page;
import io.ledgerline.platforms.api.PlatformApi;
import io.ledgerline.platforms.http.AccessTokens;
import io.ledgerline.platforms.http.AllowedHosts;
import io.ledgerline.platforms.http.PlatformHttp;
import io.ledgerline.platforms.http.PlatformRequest;
import io.ledgerline.platforms.http.PlatformResponse;
import io.ledgerline.platforms.http.TokenPlacement;
import io.ledgerline.platforms.mapping.ConnectionMapping;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pulls a large HubSpot account (DEALS won deals, 100 a page) from a fake on 127.0.0.1 through the
 * real platform code: HubSpot's PlatformApi (search, v4 association batch reads, batch reads of
 * line items, companies, contacts, normalization to DealEvent) over platforms.http (retries,
 * Retry-After, rate budget). Prints deals normalized per second, without and with a 429 on every
 * tenth call. Bounded: one pass of DEALS deals per run, loopback only. Run with run.sh.
 */
public final class PullBenchmark {

  static final Pattern AFTER = Pattern.compile("\"after\":\"(\\d+)\"");
  static final Pattern VALUE = Pattern.compile("\"value\":\"(\\d+)\"");
  static final Pattern ID = Pattern.compile("\"id\":\"(\\d+)\"");
  static final long BASE = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

  public static void main(String[] args) throws Exception {
    int deals = Integer.getInteger("deals", 20_000);
    run("no 429", deals, 0);
    run("429 + Retry-After: 0 on every 10th call", deals, 10);
  }

  static void run(String label, int deals, int every) throws Exception {
    AtomicLong calls = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    HttpServer fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    fake.createContext(
        "/",
        exchange -> {
          long n = calls.incrementAndGet();
          if (every > 0 && n % every == 0) {
            refused.incrementAndGet();
            exchange.getResponseHeaders().add("Retry-After", "0");
            answer(exchange, 429, "{\"status\":\"error\",\"category\":\"RATE_LIMITS\"}");
            return;
          }
          String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          answer(exchange, 200, respond(exchange.getRequestURI().getPath(), body, deals));
        });
    fake.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
    fake.start();
    String base = "http://127.0.0.1:" + fake.getAddress().getPort();
    PlatformHttp http =
        PlatformHttp.builder(AllowedHosts.of(List.of("127.0.0.1")))
            .backoff(Duration.ofMillis(5), Duration.ofMillis(50))
            .rateBudget(100_000, Duration.ofSeconds(1), Duration.ofSeconds(30))
            .build();
    ApiClient client =
        request -> {
          PlatformRequest.Builder b =
              PlatformRequest.builder(request.method(), URI.create(base + request.pathAndQuery()))
                  .auth(AccessTokens.fixed("bench-token"), TokenPlacement.bearer())
                  .budget("bench")
                  .retryable(true);
          if (request.jsonBody() != null) {
            b.body("application/json", request.jsonBody().getBytes(StandardCharsets.UTF_8));
          }
          PlatformResponse r = http.send(b.build());
          return new ApiResponse(r.status(), r.headers(), r.body());
        };
    PlatformApi api = Platforms.installed().get("hubspot").api();
    String cursor = api.start("deal", Instant.ofEpochMilli(BASE));
    long normalized = 0;
    int pages = 0;
    long start = System.nanoTime();
    while (cursor != null && pages < deals / 100 + 5) {
      ApiContext context =
          new ApiContext("bench", new UUID(0, 1), "hubspot", "62515", "USD", ConnectionMapping.DEFAULT);
      Page page = api.page(client, context, "deal", cursor);
      normalized += page.events().size();
      pages++;
      cursor = page.next();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    fake.stop(0);
    ((java.util.concurrent.ExecutorService) fake.getExecutor()).shutdownNow();
    System.out.printf(
        "%-42s %6d deals normalized over %3d pages in %6.2f s: %8.0f deals/s (%d calls, %d answered 429)%n",
        label, normalized, pages, seconds, normalized / seconds, calls.get(), refused.get());
  }

  static String respond(String path, String body, int deals) {
    if (path.equals("/crm/v3/objects/deals/search")) {
      Matcher v = VALUE.matcher(body);
      long since = v.find() ? Long.parseLong(v.group(1)) : BASE;
      Matcher a = AFTER.matcher(body);
      int after = a.find() ? Integer.parseInt(a.group(1)) : 0;
      int first = (int) Math.max(0, (since - BASE + 999) / 1000) + after;
      StringBuilder out = new StringBuilder("{\"total\":" + deals + ",\"results\":[");
      int last = Math.min(deals, first + 100);
      for (int i = first; i < last; i++) {
        String modified = Instant.ofEpochMilli(BASE + i * 1000L).toString();
        out.append(i > first ? "," : "")
            .append("{\"id\":\"")
            .append(100000 + i)
            .append("\",\"properties\":{\"amount\":\"250.50\",\"dealname\":\"Deal ")
            .append(i)
            .append("\",\"dealstage\":\"closedwon\",\"deal_currency_code\":\"USD\",\"closedate\":\"")
            .append(modified)
            .append("\",\"hs_lastmodifieddate\":\"")
            .append(modified)
            .append("\"}}");
      }
      out.append("]");
      if (last < deals) {
        out.append(",\"paging\":{\"next\":{\"after\":\"").append(after + 100).append("\"}}");
      }
      return out.append("}").toString();
    }
    List<String> ids = new ArrayList<>();
    Matcher m = ID.matcher(body);
    while (m.find()) {
      ids.add(m.group(1));
    }
    StringBuilder out = new StringBuilder("{\"status\":\"COMPLETE\",\"results\":[");
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      out.append(i > 0 ? "," : "");
      if (path.startsWith("/crm/v4/associations/deal/")) {
        out.append("{\"from\":{\"id\":\"").append(id).append("\"},\"to\":[{\"toObjectId\":")
            .append(id).append("9,\"associationTypes\":[]}]}");
      } else if (path.equals("/crm/v3/objects/line_items/batch/read")) {
        out.append("{\"id\":\"").append(id).append("\",\"properties\":{\"name\":\"Licence\",\"hs_sku\":\"LIC\",")
            .append("\"quantity\":\"2\",\"price\":\"125.25\",\"amount\":\"250.50\"}}");
      } else if (path.equals("/crm/v3/objects/companies/batch/read")) {
        out.append("{\"id\":\"").append(id).append("\",\"properties\":{\"name\":\"Company ").append(id)
            .append("\",\"city\":\"Lagos\",\"country\":\"NG\"}}");
      } else {
        out.append("{\"id\":\"").append(id).append("\",\"properties\":{\"firstname\":\"Ada\",\"email\":\"ada")
            .append(id).append("@example.com\"}}");
      }
    }
    return out.append("]}").toString();
  }

  static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
