package io.ledgerline.platform.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real Kafka broker (KRaft combined mode, one node, replication factor 1) as its own JVM, for the
 * local platform. Tests use spring-kafka-test's in-JVM broker instead.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

  static final String CLASSPATH_RESOURCE = "/META-INF/ledgerline/kafka-broker.classpath";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);

  private final JavaProcess process;
  private final int port;

  private KafkaBrokerProcess(JavaProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Formats {@code dataDirectory} if it is new, starts the broker on {@code port} (0: a free port)
   * and waits until it accepts connections. The data survives restarts with the same directory.
   */
  public static KafkaBrokerProcess start(Path dataDirectory, int port, Path logFile) {
    int brokerPort = port > 0 ? port : JavaProcess.freePort();
    try {
      Files.createDirectories(dataDirectory);
      // The controller's address is part of the (static) quorum: keep it stable across restarts.
      int controllerPort = stablePort(dataDirectory.resolve("controller.port"));
      Path logs = dataDirectory.resolve("kraft-logs").toAbsolutePath();
      Path properties = dataDirectory.resolve("server.properties");
      Files.writeString(properties, serverProperties(logs, brokerPort, controllerPort));
      Path log4j = dataDirectory.resolve("log4j2.properties");
      Files.writeString(log4j, LOG4J2_PROPERTIES);
      Path clusterIdFile = dataDirectory.resolve("cluster.id");
      if (!Files.exists(clusterIdFile)) {
        Files.writeString(clusterIdFile, randomClusterId());
      }
      String clusterId = Files.readString(clusterIdFile).trim();
      List<String> jvm =
          List.of(
              "-XX:+UseSerialGC",
              "-Dlog4j2.configurationFile=" + log4j.toAbsolutePath(),
              "-cp",
              brokerClasspath());

      try (JavaProcess format =
          JavaProcess.start(
              "kafka storage format",
              "256m",
              jvm,
              List.of(
                  "kafka.tools.StorageTool",
                  "format",
                  "--ignore-formatted",
                  "-t",
                  clusterId,
                  "-c",
                  properties.toAbsolutePath().toString()),
              Map.of(),
              logFile)) {
        int exitCode = format.awaitExit(FORMAT_TIMEOUT);
        if (exitCode != 0) {
          throw new IllegalStateException(
              "Formatting Kafka storage failed with code " + exitCode + ". " + format.logTail());
        }
      }

      JavaProcess broker =
          JavaProcess.start(
              "kafka broker",
              "512m",
              jvm,
              List.of("kafka.Kafka", properties.toAbsolutePath().toString()),
              Map.of(),
              logFile);
      broker.await(
          "accepting connections on " + brokerPort, () -> accepts(brokerPort), START_TIMEOUT);
      return new KafkaBrokerProcess(broker, brokerPort);
    } catch (IOException e) {
      throw new UncheckedIOException("Kafka broker did not start", e);
    }
  }

  private static String serverProperties(Path logs, int brokerPort, int controllerPort) {
    return String.join(
        "\n",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.voters=1@localhost:" + controllerPort,
        "listeners=PLAINTEXT://localhost:"
            + brokerPort
            + ",CONTROLLER://localhost:"
            + controllerPort,
        "advertised.listeners=PLAINTEXT://localhost:" + brokerPort,
        "controller.listener.names=CONTROLLER",
        "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
        "inter.broker.listener.name=PLAINTEXT",
        "log.dirs=" + logs,
        "num.partitions=1",
        "offsets.topic.replication.factor=1",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "group.initial.rebalance.delay.ms=0",
        "auto.create.topics.enable=true",
        "");
  }

  private static final String LOG4J2_PROPERTIES =
      String.join(
          "\n",
          "status = warn",
          "appender.console.type = Console",
          "appender.console.name = STDOUT",
          "appender.console.layout.type = PatternLayout",
          "appender.console.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n",
          "rootLogger.level = info",
          "rootLogger.appenderRef.stdout.ref = STDOUT",
          "logger.kafka.name = kafka",
          "logger.kafka.level = warn",
          "logger.apache.name = org.apache.kafka",
          "logger.apache.level = warn",
          "logger.state.name = state.change.logger",
          "logger.state.level = warn",
          "logger.server.name = kafka.server.KafkaRaftServer",
          "logger.server.level = info",
          "");

  /** Kafka's own format for cluster ids: 16 random bytes, URL-safe base64 without padding. */
  private static String randomClusterId() {
    UUID uuid = UUID.randomUUID();
    java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
    bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
  }

  /** The broker's jars, as written at build time by the maven-dependency-plugin. */
  static String brokerClasspath() {
    try (InputStream in = KafkaBrokerProcess.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            CLASSPATH_RESOURCE
                + " is missing: build platform/embedded-infrastructure with Maven (./mvnw -B -pl"
                + " platform/embedded-infrastructure install -DskipTests)");
      }
      String classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      List<String> missing = new ArrayList<>();
      for (String entry : classpath.split(java.io.File.pathSeparator)) {
        if (!Files.exists(Path.of(entry))) {
          missing.add(entry);
        }
      }
      if (!missing.isEmpty()) {
        throw new IllegalStateException(
            "Kafka broker jars missing from the local Maven repository (rebuild platform/embedded-infrastructure): "
                + missing);
      }
      return classpath;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int stablePort(Path file) throws IOException {
    if (Files.exists(file)) {
      return Integer.parseInt(Files.readString(file).trim());
    }
    int port = JavaProcess.freePort();
    Files.writeString(file, Integer.toString(port));
    return port;
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("localhost", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public int port() {
    return port;
  }

  public String bootstrapServers() {
    return "localhost:" + port;
  }

  public JavaProcess process() {
    return process;
  }

  @Override
  public void close() {
    process.close();
  }
}
