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

  // Six services start at once on two cores: a minute when the machine is idle, several when it
  // is busy with other builds. LEDGERLINE_START_TIMEOUT (ISO-8601, e.g. PT10M) moves the limit.
  private static final Duration SERVICE_START_TIMEOUT =
      Duration.parse(System.getenv().getOrDefault("LEDGERLINE_START_TIMEOUT", "PT8M"));

  private final PlatformOptions options;
  private final PrintStream out;
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final Map<String, Part> parts = new LinkedHashMap<>();
  private PostgresServer postgres;
  private PlatformFacts facts;
  private OtlpTraceReceiver traces;
  private int step;

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

  /** The trace receiver the services export to; empty unless started with tracing. */
  public java.util.Optional<OtlpTraceReceiver> traces() {
    return java.util.Optional.ofNullable(traces);
  }

  private void startAll() throws Exception {
    PlatformOptions.Ports ports = options.ports();
    Path run = options.runDir();
    Path logs = run.resolve("logs");
    Files.createDirectories(logs);
    Secrets secrets = Secrets.loadOrCreate(run.resolve("secrets.properties"));
    List<Service> services = Service.all(ports);
    ProjectLayout layout = ProjectLayout.from(options.root());
    int total = 7 + services.size() + (options.tracing() ? 1 : 0);
    if (options.tracing()) {
      traces =
          timed(
              total,
              "trace receiver (writes " + run.resolve("traces") + ")",
              () -> OtlpTraceReceiver.start(0, run.resolve("traces")));
      started.push(traces);
    }

    postgres =
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
                part(
                    "kafka",
                    () -> {
                      KafkaBrokerProcess broker =
                          KafkaBrokerProcess.start(
                              run.resolve("kafka"), ports.kafka(), logs.resolve("kafka.log"));
                      return new Running(broker, broker.process(), null);
                    }));

    SchemaRegistryProcess registry =
        timed(
            total,
            "schema registry on port " + ports.registry(),
            () ->
                part(
                    "schema-registry",
                    () -> {
                      // its storage in the run directory: stopped or killed, it comes back with
                      // every schema under the id the services already use
                      SchemaRegistryProcess started =
                          SchemaRegistryProcess.start(
                              layout.schemaRegistryJar(),
                              ports.registry(),
                              logs.resolve("schema-registry.log"),
                              run.resolve("schema-registry"));
                      return new Running(started, started.process(), null);
                    }));

    ConfigServerProcess configServer =
        timed(
            total,
            "config server on port " + ports.configServer(),
            () ->
                part(
                    "config-server",
                    () -> {
                      ConfigServerProcess started =
                          ConfigServerProcess.start(
                              layout.configServerJar(),
                              layout.configRepository(),
                              ports.configServer(),
                              logs.resolve("config-server.log"));
                      return new Running(started, started.process(), null);
                    }));

    Sandbox sandbox =
        timed(
            total,
            "platform sandbox (WireMock) on port " + ports.sandbox(),
            () ->
                part(
                    "sandbox",
                    () -> {
                      Sandbox s =
                          Sandbox.start(
                              options.root().resolve("deploy/local/sandbox"),
                              ports.sandbox(),
                              logs.resolve("sandbox.log"));
                      return new Running(s, s.process(), s.readiness());
                    }));

    Map<String, String> shared = new LinkedHashMap<>();
    // Each platform's OAuth app and endpoints: the sandbox's, unless the environment names others.
    shared.putAll(sandbox.platformEnvironment(System.getenv()));
    shared.put("LEDGERLINE_CONFIG_URL", configServer.url());
    if (options.benchmark()) {
      // One benchmark connection takes every webhook, from one address: the gateway's per
      // connection and per address limits would measure themselves, not the platform.
      for (String limit : List.of("WEBHOOK_CONNECTION", "SOURCE_ADDRESS")) {
        shared.put("LEDGERLINE_" + limit + "_RATE", "100000");
        shared.put("LEDGERLINE_" + limit + "_BURST", "100000");
      }
    }
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
    shared.put("LEDGERLINE_SYNC_WORKER_URL", "http://localhost:" + ports.sync());
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
    shared.put("LEDGERLINE_INVOICE_KEK", secrets.invoiceKek());
    shared.put("LEDGERLINE_GATEWAY_CLIENT_SECRET", secrets.gatewayClientSecret());

    long servicesStart = System.nanoTime();
    step++;
    out.printf(
        "[%2d/%d] starting %d services: %s%n",
        step,
        total,
        services.size(),
        String.join(", ", services.stream().map(Service::name).toList()));
    List<Part> serviceParts = new java.util.ArrayList<>();
    for (Service service : services) {
      Map<String, String> env = new LinkedHashMap<>(shared);
      env.put("SERVER_PORT", Integer.toString(service.port()));
      List<String> jvm =
          new java.util.ArrayList<>(
              List.of(
                  "-XX:+UseSerialGC",
                  "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.ledgerline.events"));
      if (!options.benchmark()) {
        // C1 only: a developer's platform starts faster; production (and the benchmark) must not.
        jvm.add("-XX:TieredStopAtLevel=1");
      }
      if (traces != null) {
        jvm.add("-javaagent:" + javaagent(options.root()));
        env.putAll(tracingEnvironment(service.name(), traces.endpoint()));
      }
      Part part =
          new Part(
              service.name(),
              () ->
                  new Running(
                      null,
                      JavaProcess.start(
                          service.name(),
                          options.serviceHeap(),
                          jvm,
                          List.of("-jar", service.jar(options.root()).toString()),
                          env,
                          logs.resolve(service.name() + ".log")),
                      URI.create(service.url() + "/actuator/health/readiness")));
      parts.put(service.name(), part);
      started.push(part);
      part.launch();
      serviceParts.add(part);
    }
    for (Part part : serviceParts) {
      part.awaitReady();
      step++;
      out.printf(
          "[%2d/%d] %s ready on port %d (%.1f s)%n",
          step,
          total,
          part.name,
          services.stream()
              .filter(s -> s.name().equals(part.name))
              .findFirst()
              .orElseThrow()
              .port(),
          seconds(servicesStart));
    }

    String gatewayUrl = "http://localhost:" + ports.gateway();
    List<PlatformFacts.Tenant> tenants =
        new DemoTenants(gatewayUrl, secrets, FirsSandbox.loadOrCreate(run), sandbox.firsUrl())
            .provision(run.resolve("demo-tenants.json"));
    facts =
        new PlatformFacts(
            gatewayUrl,
            configServer.url(),
            registry.url(),
            kafka.bootstrapServers(),
            "jdbc:postgresql://localhost:" + ports.postgres(),
            services.stream()
                .collect(
                    java.util.stream.Collectors.toMap(
                        Service::name, Service::url, (a, b) -> a, LinkedHashMap::new)),
            tenants);
    writeFacts(run);
  }

  /** Built by this module (maven-dependency-plugin), like the images carry it. */
  static Path javaagent(Path root) {
    Path agent = root.resolve("deploy/local/target/opentelemetry-javaagent.jar");
    if (!Files.isRegularFile(agent)) {
      throw new IllegalStateException(
          agent + " is missing: build deploy/local first (./mvnw -pl deploy/local package)");
    }
    return agent;
  }

  /**
   * The javaagent's settings: traces only (metrics are Micrometer's, logs stay in the log files),
   * every trace kept, exported twice a second so a person sees a webhook's trace at once.
   */
  static Map<String, String> tracingEnvironment(String service, String endpoint) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("OTEL_SERVICE_NAME", service);
    env.put("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint);
    env.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
    env.put("OTEL_TRACES_EXPORTER", "otlp");
    env.put("OTEL_METRICS_EXPORTER", "none");
    env.put("OTEL_LOGS_EXPORTER", "none");
    env.put("OTEL_TRACES_SAMPLER", "parentbased_always_on");
    env.put("OTEL_BSP_SCHEDULE_DELAY", "500");
    return env;
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

  /** The parts that {@link #kill}, {@link #start} and {@link #stop} take, in start order. */
  public List<String> parts() {
    return List.copyOf(parts.keySet());
  }

  /** Whether the part's process is alive. */
  public boolean isRunning(String name) {
    return part(name).isRunning();
  }

  /** The pid of the part's process, or -1 when it is not running. */
  public long pid(String name) {
    return part(name).pid();
  }

  /**
   * Stops one service gracefully and starts it again with the same settings, until it is ready: a
   * rolling restart (the end-to-end test restarts apikey-service).
   */
  public synchronized void restart(String name) {
    stop(name);
    start(name);
  }

  /** {@code kill -9} of a part (a service, the broker, the registry, the config server). */
  public void kill(String name) {
    part(name).kill();
  }

  /** Stops a part gracefully (SIGTERM: a consumer leaves its group, the relay stops cleanly). */
  public void stop(String name) {
    part(name).stop();
  }

  /**
   * Starts a part that was killed or stopped, with exactly the settings it first had, and waits
   * until it is ready.
   *
   * @return how long it took to be ready
   */
  public Duration start(String name) {
    return part(name).start();
  }

  /**
   * The platform's PostgreSQL, for faults of one database ({@link
   * PostgresServer#refuseConnections}).
   */
  public PostgresServer postgres() {
    return postgres;
  }

  private Part part(String name) {
    Part part = parts.get(name);
    if (part == null) {
      throw new IllegalArgumentException("No part named " + name + "; parts: " + parts.keySet());
    }
    return part;
  }

  /**
   * Registers and starts a part that is ready once started (the broker, registry, config server).
   */
  @SuppressWarnings("unchecked")
  private <T> T part(String name, ThrowingSupplier<Running> launcher) throws Exception {
    Part part = new Part(name, launcher);
    parts.put(name, part);
    started.push(part);
    part.launch();
    return (T) part.running.handle();
  }

  /**
   * What is running for a part: the object that stops it (if not just the process), its process,
   * and where it says it is ready (if it takes a while after the process started).
   */
  private record Running(AutoCloseable handle, JavaProcess process, URI readiness) {}

  /** A part of the platform that can be killed and started again exactly as it first started. */
  private final class Part implements AutoCloseable {
    private final String name;
    private final ThrowingSupplier<Running> launcher;
    private volatile Running running;

    Part(String name, ThrowingSupplier<Running> launcher) {
      this.name = name;
      this.launcher = launcher;
    }

    synchronized void launch() throws Exception {
      running = launcher.get();
    }

    void awaitReady() {
      Running current = running;
      if (current != null && current.readiness() != null) {
        current.process().awaitHttpOk(current.readiness(), SERVICE_START_TIMEOUT);
      }
    }

    synchronized Duration start() {
      if (isRunning()) {
        throw new IllegalStateException(name + " is already running (pid " + pid() + ")");
      }
      long begin = System.nanoTime();
      try {
        launch();
      } catch (Exception e) {
        throw new IllegalStateException(name + " did not start: " + e.getMessage(), e);
      }
      awaitReady();
      return Duration.ofNanos(System.nanoTime() - begin);
    }

    synchronized void kill() {
      Running current = running;
      if (current == null || !current.process().isAlive()) {
        throw new IllegalStateException(name + " is not running");
      }
      current.process().kill();
    }

    synchronized void stop() {
      Running current = running;
      if (current == null || !current.process().isAlive()) {
        throw new IllegalStateException(name + " is not running");
      }
      close();
    }

    boolean isRunning() {
      Running current = running;
      return current != null && current.process().isAlive();
    }

    long pid() {
      return isRunning() ? running.process().pid() : -1;
    }

    @Override
    public synchronized void close() {
      Running current = running;
      if (current == null) {
        return;
      }
      try {
        if (current.handle() != null) {
          current.handle().close();
        } else {
          current.process().close();
        }
      } catch (Exception e) {
        out.println("while stopping " + name + ": " + e);
      }
    }

    @Override
    public String toString() {
      return name + (isRunning() ? " (pid " + pid() + ")" : " (not running)");
    }
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
    boolean tracing = false;
    boolean benchmark = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--benchmark" -> benchmark = true;
        case "--root" -> root = Path.of(args[++i]).toAbsolutePath().normalize();
        case "--run-dir" -> run = Path.of(args[++i]).toAbsolutePath().normalize();
        case "--tracing" -> tracing = true;
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
                benchmark ? "512m" : "256m",
                tracing,
                benchmark),
            out);
    ControlServer control = ControlServer.start(platform, run);
    CountDownLatch stopped = new CountDownLatch(1);
    Path runDir = run;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  out.println("Stopping Ledgerline ...");
                  control.close();
                  platform.close();
                  try {
                    Files.deleteIfExists(runDir.resolve("platform.json"));
                    Files.deleteIfExists(runDir.resolve("control.properties"));
                  } catch (IOException ignored) {
                    // best effort: a stale file is overwritten at the next start
                  }
                  out.println("Stopped.");
                  stopped.countDown();
                }));
    out.print(Summary.of(platform.facts(), root, run, seconds(begin)));
    platform
        .traces()
        .ifPresent(
            receiver ->
                out.printf(
                    "Tracing: every service runs the OpenTelemetry javaagent. Each trace that crosses"
                        + " services (a webhook to its invoice) is written as a tree to%n  %s/<trace"
                        + " id>.txt%nand every span as one JSON line to %s/spans.jsonl%n",
                    receiver.directory(), receiver.directory()));
    out.flush();
    stopped.await();
  }
}
