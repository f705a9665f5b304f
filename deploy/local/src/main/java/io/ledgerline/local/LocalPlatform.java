package io.ledgerline.local;

import io.ledgerline.platform.embedded.ConfigServerProcess;
import io.ledgerline.platform.embedded.JavaProcess;
import io.ledgerline.platform.embedded.KafkaBrokerProcess;
import io.ledgerline.platform.embedded.PostgresServer;
import io.ledgerline.platform.embedded.ProjectLayout;
import io.ledgerline.platform.embedded.SchemaRegistryProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts the whole platform on this machine: embedded PostgreSQL, a Kafka broker process, the
 * schema registry, the config server and the six services, each JVM with an explicit heap;
 * provisions two demo tenants; writes {@code platform.json}. Closing it stops everything in reverse
 * order. Used by {@code deploy/local/platform} and by the end-to-end test.
 */
public final class LocalPlatform implements AutoCloseable {

  private static final Duration SERVICE_START_TIMEOUT = Duration.ofMinutes(4);

  private final PlatformOptions options;
  private final PrintStream out;
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private PlatformFacts facts;
  private int step;
  // What restart(...) needs to start a service again the way startAll did.
  private final Map<String, Service> servicesByName = new LinkedHashMap<>();
  private final Map<String, JavaProcess> processesByName = new LinkedHashMap<>();
  private Map<String, String> sharedEnvironment = Map.of();
  private Path logsDir;

  private LocalPlatform(PlatformOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  /** Starts everything, or stops what it started and throws. */
  public static LocalPlatform start(PlatformOptions options, PrintStream out) throws Exception {
    LocalPlatform platform = new LocalPlatform(options, out);
    try {
      platform.startAll();
      return platform;
    } catch (Exception | Error e) {
      platform.close();
      throw e;
    }
  }

  public PlatformFacts facts() {
    return facts;
  }

  private void startAll() throws Exception {
    PlatformOptions.Ports ports = options.ports();
    Path run = options.runDir();
    Path logs = run.resolve("logs");
    Files.createDirectories(logs);
    Secrets secrets = Secrets.loadOrCreate(run.resolve("secrets.properties"));
    List<Service> services = Service.all(ports);
    ProjectLayout layout = ProjectLayout.from(options.root());
    int total = 6 + services.size();

    PostgresServer postgres =
        timed(
            total,
            "PostgreSQL on port " + ports.postgres(),
            () -> PostgresServer.start(run.resolve("postgres"), ports.postgres()));
    started.push(postgres);
    // Every service has its database (the gateway's holds the shared rate limit buckets).
    for (Service service : services) {
      postgres.jdbcUrl(service.database());
    }

    KafkaBrokerProcess kafka =
        timed(
            total,
            "Kafka broker on port " + ports.kafka(),
            () ->
                KafkaBrokerProcess.start(
                    run.resolve("kafka"), ports.kafka(), logs.resolve("kafka.log")));
    started.push(kafka);

    SchemaRegistryProcess registry =
        timed(
            total,
            "schema registry on port " + ports.registry(),
            () ->
                SchemaRegistryProcess.start(
                    layout.schemaRegistryJar(),
                    ports.registry(),
                    logs.resolve("schema-registry.log")));
    started.push(registry);

    ConfigServerProcess configServer =
        timed(
            total,
            "config server on port " + ports.configServer(),
            () ->
                ConfigServerProcess.start(
                    layout.configServerJar(),
                    layout.configRepository(),
                    ports.configServer(),
                    logs.resolve("config-server.log")));
    started.push(configServer);

    Map<String, String> shared = new LinkedHashMap<>();
    shared.put("LEDGERLINE_CONFIG_URL", configServer.url());
    shared.put("LEDGERLINE_POSTGRES_URL", "jdbc:postgresql://localhost:" + ports.postgres());
    shared.put("LEDGERLINE_POSTGRES_USERNAME", postgres.username());
    shared.put("LEDGERLINE_POSTGRES_PASSWORD", postgres.password());
    shared.put("LEDGERLINE_KAFKA_BOOTSTRAP", kafka.bootstrapServers());
    shared.put("LEDGERLINE_REGISTRY_URL", registry.url());
    shared.put("LEDGERLINE_JWKS_URI", "http://localhost:" + ports.apikey() + "/oauth2/jwks");
    shared.put("LEDGERLINE_APIKEY_URL", "http://localhost:" + ports.apikey());
    shared.put("LEDGERLINE_CONNECTOR_URL", "http://localhost:" + ports.connector());
    shared.put("LEDGERLINE_INGEST_URL", "http://localhost:" + ports.ingest());
    shared.put("LEDGERLINE_INVOICE_URL", "http://localhost:" + ports.invoice());
    shared.put("LEDGERLINE_GATEWAY_URL", "http://localhost:" + ports.gateway());
    shared.put("LEDGERLINE_PUBLIC_WEBHOOK_BASE_URL", "http://localhost:" + ports.gateway());
    // Ports by the names deploy/config-repo uses (remote configuration outranks SERVER_PORT).
    shared.put("LEDGERLINE_GATEWAY_PORT", Integer.toString(ports.gateway()));
    shared.put("LEDGERLINE_APIKEY_PORT", Integer.toString(ports.apikey()));
    shared.put("LEDGERLINE_CONNECTOR_PORT", Integer.toString(ports.connector()));
    shared.put("LEDGERLINE_INGEST_PORT", Integer.toString(ports.ingest()));
    shared.put("LEDGERLINE_SYNC_WORKER_PORT", Integer.toString(ports.sync()));
    shared.put("LEDGERLINE_INVOICE_PORT", Integer.toString(ports.invoice()));
    // Service secrets, as a Kubernetes secret would pass them.
    shared.put("LEDGERLINE_APIKEY_PEPPER", secrets.apikeyPepper());
    shared.put("LEDGERLINE_ADMIN_CLIENT_SECRET", secrets.adminClientSecret());
    shared.put("LEDGERLINE_INGEST_CLIENT_SECRET", secrets.ingestClientSecret());
    shared.put("LEDGERLINE_CONNECTOR_KEK", secrets.connectorKek());
    shared.put("LEDGERLINE_APIKEY_KEK", secrets.apikeyKek());
    shared.put("LEDGERLINE_GATEWAY_CLIENT_SECRET", secrets.gatewayClientSecret());

    long servicesStart = System.nanoTime();
    step++;
    out.printf(
        "[%2d/%d] starting %d services: %s%n",
        step,
        total,
        services.size(),
        String.join(", ", services.stream().map(Service::name).toList()));
    sharedEnvironment = Map.copyOf(shared);
    logsDir = logs;
    Map<Service, JavaProcess> processes = new LinkedHashMap<>();
    for (Service service : services) {
      JavaProcess process = launch(service);
      started.push(process);
      processes.put(service, process);
      servicesByName.put(service.name(), service);
      processesByName.put(service.name(), process);
    }
    for (Map.Entry<Service, JavaProcess> entry : processes.entrySet()) {
      Service service = entry.getKey();
      entry
          .getValue()
          .awaitHttpOk(
              URI.create(service.url() + "/actuator/health/readiness"), SERVICE_START_TIMEOUT);
      step++;
      out.printf(
          "[%2d/%d] %s ready on port %d (%.1f s)%n",
          step, total, service.name(), service.port(), seconds(servicesStart));
    }

    String gatewayUrl = "http://localhost:" + ports.gateway();
    List<PlatformFacts.Tenant> tenants =
        new DemoTenants(gatewayUrl, secrets).provision(run.resolve("demo-tenants.json"));
    facts =
        new PlatformFacts(
            gatewayUrl,
            configServer.url(),
            registry.url(),
            kafka.bootstrapServers(),
            "jdbc:postgresql://localhost:" + ports.postgres(),
            tenants);
    writeFacts(run);
  }

  private JavaProcess launch(Service service) {
    Map<String, String> env = new LinkedHashMap<>(sharedEnvironment);
    env.put("SERVER_PORT", Integer.toString(service.port()));
    return JavaProcess.start(
        service.name(),
        options.serviceHeap(),
        List.of(
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.ledgerline.events"),
        List.of("-jar", service.jar(options.root()).toString()),
        env,
        logsDir.resolve(service.name() + ".log"));
  }

  /**
   * Stops one service and starts it again with the same settings, until it is ready: what a
   * rolling restart or a crash does to it (the end-to-end test restarts apikey-service).
   */
  public synchronized void restart(String serviceName) {
    Service service = servicesByName.get(serviceName);
    if (service == null) {
      throw new IllegalArgumentException("no service " + serviceName);
    }
    JavaProcess old = processesByName.get(serviceName);
    old.close();
    started.remove(old);
    JavaProcess fresh = launch(service);
    started.push(fresh);
    processesByName.put(serviceName, fresh);
    fresh.awaitHttpOk(
        URI.create(service.url() + "/actuator/health/readiness"), SERVICE_START_TIMEOUT);
  }

  private void writeFacts(Path run) throws IOException {
    for (int i = 0; i < facts.tenants().size(); i++) {
      PlatformFacts.Tenant tenant = facts.tenants().get(i);
      PlatformFacts.Connection shop = tenant.connections().get(0);
      RunFiles.ownerOnly(
          run.resolve("tenant-" + (i + 1) + ".env"),
          String.join(
              "\n",
              "GATEWAY_URL='" + facts.gatewayUrl() + "'",
              "TENANT_ID='" + tenant.id() + "'",
              "API_KEY='" + tenant.apiKey() + "'",
              "CONNECTION_ID='" + shop.id() + "'",
              "WEBHOOK_URL='" + shop.webhookUrl() + "'",
              "WEBHOOK_SECRET='" + shop.webhookSecret() + "'",
              "SHOP_DOMAIN='" + shop.shopDomain() + "'",
              ""));
    }
    // Written last and atomically: its presence means "ready" to deploy/local/platform up --detach.
    Path tmp = run.resolve("platform.json.tmp");
    RunFiles.ownerOnly(
        tmp,
        JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build()
            .writeValueAsString(facts));
    Files.move(
        tmp,
        run.resolve("platform.json"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private <T> T timed(int total, String what, ThrowingSupplier<T> start) throws Exception {
    step++;
    long begin = System.nanoTime();
    out.printf("[%2d/%d] starting %s ...%n", step, total, what);
    T result = start.get();
    out.printf("        %s ready (%.1f s)%n", what, seconds(begin));
    return result;
  }

  private static double seconds(long sinceNanos) {
    return (System.nanoTime() - sinceNanos) / 1e9;
  }

  /** Stops everything that was started, newest first. */
  @Override
  public synchronized void close() {
    while (!started.isEmpty()) {
      AutoCloseable part = started.pop();
      try {
        part.close();
      } catch (Exception e) {
        out.println("while stopping " + part + ": " + e);
      }
    }
  }

  @FunctionalInterface
  private interface ThrowingSupplier<T> {
    T get() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    Path root = Path.of(".").toAbsolutePath().normalize();
    Path run = root.resolve("deploy/local/run");
    for (int i = 0; i < args.length - 1; i++) {
      switch (args[i]) {
        case "--root" -> root = Path.of(args[++i]).toAbsolutePath().normalize();
        case "--run-dir" -> run = Path.of(args[++i]).toAbsolutePath().normalize();
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    PrintStream out = System.out;
    out.println("Starting Ledgerline (logs in " + run.resolve("logs") + ")");
    long begin = System.nanoTime();
    LocalPlatform platform =
        start(
            new PlatformOptions(
                root,
                run,
                PlatformOptions.Ports.defaultsMovedBy(
                    Integer.parseInt(System.getenv().getOrDefault("LEDGERLINE_PORT_OFFSET", "0"))),
                "256m"),
            out);
    CountDownLatch stopped = new CountDownLatch(1);
    Path runDir = run;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  out.println("Stopping Ledgerline ...");
                  platform.close();
                  try {
                    Files.deleteIfExists(runDir.resolve("platform.json"));
                  } catch (IOException ignored) {
                    // best effort: a stale file is overwritten at the next start
                  }
                  out.println("Stopped.");
                  stopped.countDown();
                }));
    out.print(Summary.of(platform.facts(), root, run, seconds(begin)));
    out.flush();
    stopped.await();
  }
}
