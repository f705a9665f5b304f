package io.ledgerline.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault suite ({@code ./mvnw verify -pl deploy/local -Pfaults}): the whole local platform under
 * a steady stream of unique signed Shopify orders while faults are injected, then the books: every
 * order answered 2xx has exactly one invoice, invoice numbers have no gap, and no dead-letter topic
 * got a record (every fault here is transient: nothing of it can "never succeed").
 *
 * <p>Faults, in order: 20 concurrent webhooks right after start-up; {@code kill -9} of each service
 * in turn and its restart (the time from the restarted service being ready to a new order's invoice
 * is measured, at most 15 s); the Kafka broker stopped for longer than the producers' delivery
 * timeout; the schema registry stopped; the invoice database refusing connections; a duplicate
 * storm. The outages' lengths are system properties so a short drill can run: {@code
 * faults.dbOutage} (default PT20M), {@code faults.registryOutage} (PT2M), {@code
 * faults.brokerOutage} (PT2M15S, the delivery timeout is Kafka's default 120 s) and {@code
 * faults.streamInterval} (PT1S). The figures are printed and written to {@code
 * target/fault-suite-report.txt}. {@code LEDGERLINE_PORT_OFFSET} moves the platform's ports.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformFaultsIT {

  private static final Duration DB_OUTAGE = duration("faults.dbOutage", "PT20M");
  private static final Duration REGISTRY_OUTAGE = duration("faults.registryOutage", "PT2M");
  private static final Duration BROKER_OUTAGE = duration("faults.brokerOutage", "PT2M15S");
  private static final Duration STREAM_INTERVAL = duration("faults.streamInterval", "PT1S");
  private static final Duration RESUME_LIMIT = Duration.ofSeconds(15);
  private static final List<String> SERVICES =
      List.of(
          "apikey-service",
          "connector-service",
          "webhook-ingest-service",
          "sync-worker",
          "invoice-service",
          "gateway-service");

  @TempDir static Path runDir;
  private static LocalPlatform platform;
  private static OrderLedger ledger;
  private static OrderLedger.Stream stream;
  private static long deadLettersAtStart;
  private static final List<String> report = new ArrayList<>();
  private static final List<String> resumeFailures = new ArrayList<>();

  @BeforeAll
  static void startPlatform() throws Exception {
    Path root = Path.of("").toAbsolutePath().getParent().getParent();
    String offset = System.getenv("LEDGERLINE_PORT_OFFSET");
    PlatformOptions.Ports ports =
        offset == null || offset.isBlank()
            ? PlatformOptions.Ports.free()
            : PlatformOptions.Ports.defaultsMovedBy(Integer.parseInt(offset.strip()));
    platform = LocalPlatform.start(new PlatformOptions(root, runDir, ports, "200m"), System.out);
    ledger =
        new OrderLedger(
            platform.facts(),
            0,
            Files.readAllBytes(root.resolve("deploy/local/samples/shopify-order-paid.json")),
            8_100_000_000_000L);
    note(
        "Fault suite: DB outage %s, registry outage %s, broker outage %s, one order every %s",
        DB_OUTAGE, REGISTRY_OUTAGE, BROKER_OUTAGE, STREAM_INTERVAL);
  }

  @AfterAll
  static void stopPlatform() throws Exception {
    if (stream != null) {
      stream.close();
    }
    if (platform != null) {
      platform.close();
    }
    Path out = Path.of("target/fault-suite-report.txt");
    try {
      Files.write(out, report);
    } catch (IOException e) {
      System.out.println("could not write " + out + ": " + e);
    }
  }

  @Test
  @Order(1)
  void twentyConcurrentWebhooksRightAfterStartUpAreAllAcceptedAndInvoiced() throws Exception {
    deadLettersAtStart = ledger.deadLetters();
    ExecutorService pool = Executors.newFixedThreadPool(20);
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<OrderLedger.Sent>> sent = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        sent.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    go.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return ledger.sendNew();
                },
                pool));
      }
      go.countDown();
      List<Integer> statuses = sent.stream().map(f -> f.join().status()).toList();
      note("20 concurrent webhooks right after start-up answered %s", statuses);
      assertThat(statuses).allMatch(s -> s >= 200 && s < 300);
    } finally {
      pool.shutdownNow();
    }
    OrderLedger.Counts counts = ledger.awaitAllInvoiced(Duration.ofMinutes(2));
    note("after the first 20: %s", counts.summary());
    assertThat(counts.lost()).isEmpty();
    assertThat(counts.duplicated()).isEmpty();
  }

  @Test
  @Order(2)
  void killMinus9OfEachServiceInTurnUnderTheStream() throws Exception {
    stream = ledger.stream(STREAM_INTERVAL);
    for (String service : SERVICES) {
      Thread.sleep(5_000);
      long pid = platform.pid(service);
      platform.kill(service);
      long mark = ledger.mark();
      Thread.sleep(5_000);
      Duration startUp = platform.start(service);
      long ready = System.nanoTime();
      Optional<Duration> resumed = ledger.resumedSince(mark, ready, Duration.ofMinutes(2));
      Optional<Duration> caughtUp = ledger.caughtUpAfter(ready, Duration.ofMinutes(2));
      note(
          "kill -9 %s (pid %d): ready again in %.1f s; work resumed %s after ready (the first"
              + " invoice of an order made since the kill), caught up %s after ready (a new order"
              + " invoiced)",
          service,
          pid,
          startUp.toMillis() / 1000.0,
          seconds(resumed, "NOT within 2 min"),
          seconds(caughtUp, "NOT within 2 min"));
      if (resumed.isEmpty() || resumed.get().compareTo(RESUME_LIMIT) > 0) {
        resumeFailures.add(service + " resumed " + resumed.map(Duration::toString).orElse("never"));
      }
    }
    note("after the kills: %s", ledger.count().summary());
  }

  @Test
  @Order(3)
  void theBrokerStoppedForLongerThanTheDeliveryTimeout() throws Exception {
    platform.stop("kafka");
    Thread.sleep(BROKER_OUTAGE.toMillis());
    Duration startUp = platform.start("kafka");
    Optional<Duration> resumed = ledger.caughtUpAfter(System.nanoTime(), Duration.ofMinutes(3));
    note(
        "broker stopped %s: ready again in %.1f s, caught up %s after ready (a new order invoiced)",
        BROKER_OUTAGE, startUp.toMillis() / 1000.0, seconds(resumed, "NOT within 3 min"));
    assertThat(resumed).isPresent();
  }

  @Test
  @Order(4)
  void theRegistryStopped() throws Exception {
    long deadLettersBefore = ledger.deadLetters();
    platform.stop("schema-registry");
    Thread.sleep(REGISTRY_OUTAGE.toMillis());
    Duration startUp = platform.start("schema-registry");
    Optional<Duration> resumed = ledger.caughtUpAfter(System.nanoTime(), Duration.ofMinutes(3));
    long deadLetters = ledger.deadLetters() - deadLettersBefore;
    note(
        "registry stopped %s: ready again in %.1f s, caught up %s after ready, %d new dead"
            + " letters",
        REGISTRY_OUTAGE,
        startUp.toMillis() / 1000.0,
        seconds(resumed, "NOT within 3 min"),
        deadLetters);
    assertThat(resumed).isPresent();
    assertThat(deadLetters).isZero();
  }

  @Test
  @Order(5)
  void theInvoiceDatabaseRefusingConnections() throws Exception {
    Set<String> acceptedBefore = ledger.accepted();
    platform.postgres().refuseConnections("invoice_service");
    long started = System.nanoTime();
    try {
      Thread.sleep(DB_OUTAGE.toMillis());
    } finally {
      platform.postgres().acceptConnections("invoice_service");
    }
    Set<String> acceptedDuring = ledger.accepted();
    acceptedDuring.removeAll(acceptedBefore);
    note(
        "invoice database refused connections for %s: %d orders accepted meanwhile",
        Duration.ofNanos(System.nanoTime() - started).withNanos(0), acceptedDuring.size());
    Optional<Duration> resumed = ledger.caughtUpAfter(System.nanoTime(), Duration.ofMinutes(10));
    note(
        "after the invoice database came back, a new order was invoiced %s later",
        seconds(resumed, "NOT within 10 min"));
    assertThat(acceptedDuring).isNotEmpty();
    assertThat(resumed).isPresent();
  }

  @Test
  @Order(6)
  void aDuplicateStormMakesOneInvoicePerOrder() throws Exception {
    String oneId = ledger.newOrderId();
    String fiveIds = ledger.newOrderId();
    String webhookId = UUID.randomUUID().toString();
    ExecutorService pool = Executors.newFixedThreadPool(10);
    try {
      List<CompletableFuture<OrderLedger.Sent>> storm = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        storm.add(CompletableFuture.supplyAsync(() -> ledger.send(oneId, webhookId), pool));
        storm.add(
            CompletableFuture.supplyAsync(
                () -> ledger.send(fiveIds, UUID.randomUUID().toString()), pool));
      }
      List<Integer> statuses = storm.stream().map(f -> f.join().status()).toList();
      note(
          "duplicate storm (order %s five times with one id, %s with five): %s",
          oneId, fiveIds, statuses);
    } finally {
      pool.shutdownNow();
    }
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while ((ledger.invoiceOf(oneId).isEmpty() || ledger.invoiceOf(fiveIds).isEmpty())
        && System.nanoTime() < deadline) {
      Thread.sleep(500);
    }
    assertThat(ledger.invoiceOf(oneId)).isPresent();
    assertThat(ledger.invoiceOf(fiveIds)).isPresent();
    // exactly one each is checked with every other order in the books below
  }

  @Test
  @Order(7)
  void theBooksBalance() throws Exception {
    if (stream != null) {
      stream.close();
      stream = null;
    }
    OrderLedger.Counts counts = ledger.awaitAllInvoiced(Duration.ofMinutes(15));
    long deadLetters = ledger.deadLetters() - deadLettersAtStart;
    note("BOOKS: %s, new dead letters %d", counts.summary(), deadLetters);
    if (!counts.lost().isEmpty()) {
      note("lost: %s", counts.lost());
    }
    if (!counts.duplicated().isEmpty()) {
      note("duplicated: %s", counts.duplicated());
    }
    if (!counts.gaps().isEmpty()) {
      note("number gaps: %s", counts.gaps());
    }
    if (!resumeFailures.isEmpty()) {
      note("slower than %s to resume: %s", RESUME_LIMIT, resumeFailures);
    }
    assertThat(counts.lost()).as("accepted orders without an invoice").isEmpty();
    assertThat(counts.duplicated()).as("orders with more than one invoice").isEmpty();
    assertThat(counts.gaps()).as("invoice numbers missing").isEmpty();
    assertThat(deadLetters).as("records in dead-letter topics").isZero();
    assertThat(resumeFailures).as("services that resumed later than " + RESUME_LIMIT).isEmpty();
  }

  private static void note(String format, Object... args) {
    String line = String.format(format, args);
    report.add(line);
    System.out.println("[faults] " + line);
  }

  private static String seconds(Optional<Duration> measured, String otherwise) {
    return measured.map(d -> String.format("%.1f s", d.toMillis() / 1000.0)).orElse(otherwise);
  }

  private static Duration duration(String property, String otherwise) {
    return Duration.parse(System.getProperty(property, otherwise));
  }
}
