package io.ledgerline.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Unique signed Shopify orders sent to one tenant's shop connection through the gateway, what each
 * was answered, and what became of it: the fault suite's books. An order is the sample {@code
 * shopify-order-paid.json} under a new order id; it counts as accepted when the gateway answered
 * 2xx, and then it must have exactly one invoice (looked up by the order id as the invoice's source
 * external id).
 */
final class OrderLedger {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String SAMPLE_ORDER_ID = "5630481604703";
  private static final Pattern SEQUENCE = Pattern.compile("(\\d+)$");

  /** One delivery: the order, its webhook id, the status answered (-1: no answer). */
  record Sent(String orderId, String webhookId, int status) {
    boolean accepted() {
      return status >= 200 && status < 300;
    }
  }

  /**
   * The books once counted.
   *
   * @param sent deliveries sent (every attempt, duplicates included)
   * @param orders distinct orders sent
   * @param accepted distinct orders of which a delivery was answered 2xx
   * @param invoiced distinct orders with at least one invoice
   * @param lost accepted orders without an invoice
   * @param duplicated orders with more than one invoice
   * @param invoicedUnacknowledged orders never answered 2xx that have an invoice all the same (a
   *     delivery stored whose answer the client did not see: allowed, the platform would retry it)
   * @param invoices every invoice of the tenant
   * @param gaps invoice sequence numbers missing between 1 and the highest
   */
  record Counts(
      int sent,
      int orders,
      int accepted,
      int invoiced,
      List<String> lost,
      List<String> duplicated,
      int invoicedUnacknowledged,
      int invoices,
      List<Long> gaps) {

    String summary() {
      return String.format(
          "deliveries sent %d, orders %d, accepted %d, invoiced %d, lost %d, duplicated %d,"
              + " invoiced without a 2xx %d, tenant invoices %d, number gaps %d",
          sent,
          orders,
          accepted,
          invoiced,
          lost.size(),
          duplicated.size(),
          invoicedUnacknowledged,
          invoices,
          gaps.size());
    }
  }

  private final PlatformFacts facts;
  private final PlatformFacts.Tenant tenant;
  private final PlatformFacts.Connection shop;
  private final String template;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final AtomicLong nextOrder;
  private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();

  OrderLedger(PlatformFacts facts, int tenantIndex, byte[] sampleOrder, long firstOrderId) {
    this.facts = facts;
    this.tenant = facts.tenants().get(tenantIndex);
    this.shop = tenant.connections().get(0);
    this.template = new String(sampleOrder, StandardCharsets.UTF_8);
    this.nextOrder = new AtomicLong(firstOrderId);
  }

  String newOrderId() {
    return Long.toString(nextOrder.getAndIncrement());
  }

  /** Sends a new order under a new webhook id. */
  Sent sendNew() {
    return send(newOrderId(), UUID.randomUUID().toString());
  }

  /** Sends the order under the webhook id given, and notes what it was answered. */
  Sent send(String orderId, String webhookId) {
    byte[] body = template.replace(SAMPLE_ORDER_ID, orderId).getBytes(StandardCharsets.UTF_8);
    int status;
    try {
      status =
          http.send(
                  HttpRequest.newBuilder(URI.create(shop.webhookUrl()))
                      .timeout(Duration.ofSeconds(20))
                      .header("Content-Type", "application/json")
                      .header("X-Shopify-Topic", "orders/paid")
                      .header("X-Shopify-Shop-Domain", shop.shopDomain())
                      .header("X-Shopify-Webhook-Id", webhookId)
                      .header("X-Shopify-Hmac-Sha256", sign(body))
                      .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode();
    } catch (IOException e) {
      status = -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      status = -1;
    }
    Sent delivery = new Sent(orderId, webhookId, status);
    sent.add(delivery);
    return delivery;
  }

  /** Sends a new order every {@code interval} on a thread of its own until the stream is closed. */
  Stream stream(Duration interval) {
    return new Stream(interval);
  }

  /** A steady stream of new orders. */
  final class Stream implements AutoCloseable {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    private Stream(Duration interval) {
      thread =
          new Thread(
              () -> {
                while (running.get()) {
                  long started = System.nanoTime();
                  sendNew();
                  long rest = interval.toNanos() - (System.nanoTime() - started);
                  if (rest > 0) {
                    try {
                      Thread.sleep(rest / 1_000_000, (int) (rest % 1_000_000));
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                }
              },
              "order-stream");
      thread.setDaemon(true);
      thread.start();
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      thread.join(30_000);
    }
  }

  /** The orders of which some delivery was answered 2xx. */
  Set<String> accepted() {
    return sent.stream().filter(Sent::accepted).map(Sent::orderId).collect(Collectors.toSet());
  }

  /** The invoice of one order, looked up by its source external id. */
  Optional<JsonNode> invoiceOf(String orderId) throws Exception {
    JsonNode items = get("/api/v1/invoices?sourceExternalId=" + orderId).get("items");
    return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0));
  }

  /** Every invoice of the tenant, newest first, all pages. */
  List<JsonNode> invoices() throws Exception {
    List<JsonNode> all = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page =
          get("/api/v1/invoices?limit=100" + (cursor == null ? "" : "&cursor=" + cursor));
      page.get("items").valueStream().forEach(all::add);
      JsonNode next = page.get("nextCursor");
      cursor = next == null || next.isNull() ? null : next.asString();
    } while (cursor != null);
    return all;
  }

  /** Counts the books now. */
  Counts count() throws Exception {
    List<JsonNode> invoices = invoices();
    Map<String, Integer> perOrder = new HashMap<>();
    Set<Long> sequences = new HashSet<>();
    for (JsonNode invoice : invoices) {
      JsonNode source = invoice.get("source");
      if (source != null && source.get("externalId") != null) {
        perOrder.merge(source.get("externalId").asString(), 1, Integer::sum);
      }
      Matcher m = SEQUENCE.matcher(invoice.get("number").asString());
      if (m.find()) {
        sequences.add(Long.parseLong(m.group(1)));
      }
    }
    Map<String, Boolean> orders = new LinkedHashMap<>();
    for (Sent s : sent) {
      orders.merge(s.orderId(), s.accepted(), Boolean::logicalOr);
    }
    List<String> lost = new ArrayList<>();
    List<String> duplicated = new ArrayList<>();
    int invoiced = 0;
    int unacknowledged = 0;
    int acceptedCount = 0;
    for (var order : orders.entrySet()) {
      int count = perOrder.getOrDefault(order.getKey(), 0);
      if (order.getValue()) {
        acceptedCount++;
      }
      if (count > 0) {
        invoiced++;
        if (!order.getValue()) {
          unacknowledged++;
        }
      }
      if (count > 1) {
        duplicated.add(order.getKey());
      }
      if (count == 0 && order.getValue()) {
        lost.add(order.getKey());
      }
    }
    long highest = sequences.stream().mapToLong(Long::longValue).max().orElse(0);
    List<Long> gaps = new ArrayList<>();
    for (long n = 1; n <= highest; n++) {
      if (!sequences.contains(n)) {
        gaps.add(n);
      }
    }
    return new Counts(
        sent.size(),
        orders.size(),
        acceptedCount,
        invoiced,
        lost,
        duplicated,
        unacknowledged,
        invoices.size(),
        gaps);
  }

  /** Waits until every accepted order has an invoice, or the time is up; the books then. */
  Counts awaitAllInvoiced(Duration atMost) throws Exception {
    long deadline = System.nanoTime() + atMost.toNanos();
    Counts counts = count();
    while (!counts.lost().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(2000);
      counts = count();
    }
    return counts;
  }

  /** Every order made from now on has an id at least this: take it right after a fault begins. */
  long mark() {
    return nextOrder.get();
  }

  /**
   * How long after {@code readyNanos} (a restarted part reported ready) the work resumed: until the
   * first invoice of an order made after {@code mark} (one that waited for the part, or came after
   * it) exists. Needs the stream running, which makes those orders.
   *
   * @return the time from ready to that invoice, or empty if none came in {@code atMost}
   */
  Optional<Duration> resumedSince(long mark, long readyNanos, Duration atMost) throws Exception {
    long deadline = readyNanos + atMost.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        for (JsonNode invoice : get("/api/v1/invoices?limit=50").get("items")) {
          JsonNode source = invoice.get("source");
          String order = source == null ? null : source.path("externalId").asString(null);
          if (order != null && order.matches("\\d{1,18}")) {
            long id = Long.parseLong(order);
            if (id >= mark && id < nextOrder.get()) {
              return Optional.of(Duration.ofNanos(System.nanoTime() - readyNanos));
            }
          }
        }
      } catch (IllegalStateException | IOException e) {
        // the gateway or invoice-service not answering yet
      }
      Thread.sleep(200);
    }
    return Optional.empty();
  }

  /**
   * How long after {@code readyNanos} the platform had caught up: a new order is sent until it is
   * answered 2xx and then its invoice is awaited (behind whatever backlog the fault left).
   *
   * @return the time from ready to the new order's invoice, or empty if none came in {@code atMost}
   */
  Optional<Duration> caughtUpAfter(long readyNanos, Duration atMost) throws Exception {
    long deadline = readyNanos + atMost.toNanos();
    String order = newOrderId();
    String webhookId = UUID.randomUUID().toString();
    while (!send(order, webhookId).accepted()) {
      if (System.nanoTime() > deadline) {
        return Optional.empty();
      }
      Thread.sleep(200);
    }
    while (System.nanoTime() < deadline) {
      if (invoiceOfQuietly(order).isPresent()) {
        return Optional.of(Duration.ofNanos(System.nanoTime() - readyNanos));
      }
      Thread.sleep(200);
    }
    return Optional.empty();
  }

  private Optional<JsonNode> invoiceOfQuietly(String orderId) {
    try {
      return invoiceOf(orderId);
    } catch (Exception e) {
      return Optional.empty(); // the gateway or invoice-service not answering yet
    }
  }

  /** Records in every dead-letter topic ({@code *.dlt}) so far. */
  long deadLetters() throws Exception {
    Properties props = new Properties();
    props.put("bootstrap.servers", facts.kafkaBootstrapServers());
    try (Admin admin = Admin.create(props)) {
      List<String> topics =
          admin.listTopics().names().get().stream().filter(t -> t.endsWith(".dlt")).toList();
      if (topics.isEmpty()) {
        return 0;
      }
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin
          .describeTopics(topics)
          .allTopicNames()
          .get()
          .forEach(
              (name, description) ->
                  description
                      .partitions()
                      .forEach(
                          p ->
                              latest.put(
                                  new TopicPartition(name, p.partition()), OffsetSpec.latest())));
      Map<TopicPartition, OffsetSpec> earliest =
          latest.keySet().stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.earliest()));
      long end =
          admin.listOffsets(latest).all().get().values().stream().mapToLong(i -> i.offset()).sum();
      long start =
          admin.listOffsets(earliest).all().get().values().stream()
              .mapToLong(i -> i.offset())
              .sum();
      return end - start;
    }
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(facts.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("X-API-Key", tenant.apiKey())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + response.statusCode());
    }
    return JSON.readTree(response.body());
  }

  private String sign(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(shop.webhookSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
