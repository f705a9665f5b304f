package io.ledgerline.ingest.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.ledgerline.platform.test.LedgerlineIntegrationTest;
import io.ledgerline.platform.test.TestJwts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service on real PostgreSQL, Kafka, registry and config server; only connector-service
 * and apikey-service's token endpoint are faked (WireMock), and API tokens are signed with a test
 * key. Every integration test class extends this one, so they share one Spring context.
 */
@LedgerlineIntegrationTest(
    properties = {
      "LEDGERLINE_INGEST_CLIENT_SECRET=test-ingest-client-secret",
      "ledgerline.ingest.credentials-cache-ttl=1s",
      "ledgerline.ingest.public-base-url=https://hooks.ledgerline.test"
    })
@Import(IngestIntegrationTest.Tokens.class)
abstract class IngestIntegrationTest {

  static final WireMockServer PEERS = new WireMockServer(wireMockConfig().dynamicPort());
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String PUBLIC_BASE = "https://hooks.ledgerline.test";

  static {
    PEERS.start();
    // Not stopped after a class: the Spring context (and its URLs) outlives each test class.
    Runtime.getRuntime().addShutdownHook(new Thread(PEERS::stop));
    PEERS.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/oauth2/token"))
            .withBasicAuth("webhook-ingest", "test-ingest-client-secret")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"access_token\":\"svc-token\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
  }

  @TestConfiguration
  static class Tokens {
    /** The test key instead of apikey-service's JWKS; everything else about the token is real. */
    @Bean
    JwtDecoder jwtDecoder() {
      return TestJwts.decoder();
    }
  }

  @DynamicPropertySource
  static void peers(DynamicPropertyRegistry registry) {
    registry.add("LEDGERLINE_CONNECTOR_URL", PEERS::baseUrl);
    registry.add("LEDGERLINE_APIKEY_URL", PEERS::baseUrl);
    registry.add("LEDGERLINE_JWKS_URI", () -> PEERS.baseUrl() + "/oauth2/jwks");
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Environment environment;

  final HttpClient http = HttpClient.newHttpClient();

  static String newTenant() {
    return "tenant-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * A connection that connector-service knows, reached with the service token only.
   *
   * @param settingsJson the {@code settings} object
   * @param secretsJson the {@code secrets} array
   */
  UUID connection(
      String tenantId, String platform, String status, String settingsJson, String secretsJson) {
    return connection(tenantId, platform, status, settingsJson, secretsJson, UUID.randomUUID());
  }

  /** The same, for a given connection id: a second call changes what connector-service answers. */
  UUID connection(
      String tenantId,
      String platform,
      String status,
      String settingsJson,
      String secretsJson,
      UUID id) {
    return connection(tenantId, platform, status, settingsJson, secretsJson, id, null);
  }

  /** The same, for a connection whose platform account connector-service knows. */
  UUID connection(
      String tenantId,
      String platform,
      String status,
      String settingsJson,
      String secretsJson,
      UUID id,
      String accountId) {
    return connection(tenantId, platform, status, settingsJson, secretsJson, id, accountId, null);
  }

  /**
   * The same, with the connection's mapping template: {@code templateFields} is the JSON of the
   * {@code template} and {@code templateEvent} fields (without braces), or null for none.
   */
  UUID connection(
      String tenantId,
      String platform,
      String status,
      String settingsJson,
      String secretsJson,
      UUID id,
      String accountId,
      String templateFields) {
    PEERS.stubFor(
        get(urlEqualTo("/internal/connections/" + id + "/webhook-credentials"))
            .withHeader("Authorization", equalTo("Bearer svc-token"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        """
                        {"connectionId": "%s", "tenantId": "%s", "platform": "%s",
                         "status": "%s", "settings": %s, "secrets": %s, "accountId": %s%s}
                        """
                            .formatted(
                                id,
                                tenantId,
                                platform,
                                status,
                                settingsJson,
                                secretsJson,
                                accountId == null ? "null" : "\"" + accountId + "\"",
                                templateFields == null ? "" : ", " + templateFields))));
    return id;
  }

  UUID connection(String tenantId, String platform, String secret) {
    return connection(
        tenantId, platform, "ACTIVE", "{}", "[{\"value\": \"%s\"}]".formatted(secret));
  }

  HttpResponse<String> post(String pathAndQuery, Map<String, String> headers, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> api(String method, String path, String token)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + token)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  static String problemType(HttpResponse<String> response) {
    return json(response).path("type").asString();
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Computed here with the JDK, independently of the service's verifiers. */
  static byte[] hmacSha256(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String base64Hmac(String secret, byte[] data) {
    return Base64.getEncoder().encodeToString(hmacSha256(utf8(secret), data));
  }

  static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] p : parts) {
      length += p.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }

  long webhooksOf(UUID connectionId) {
    return jdbc.sql("SELECT count(*) FROM webhooks WHERE connection_id = :id")
        .param("id", connectionId)
        .query(Long.class)
        .single();
  }

  List<String> rejectionsOf(UUID connectionId) {
    return jdbc.sql("SELECT reason FROM webhook_rejections WHERE connection_id = :id")
        .param("id", connectionId)
        .query(String.class)
        .list();
  }

  long outboxRowsFor(String key) {
    return jdbc.sql("SELECT count(*) FROM outbox WHERE aggregateid = :key")
        .param("key", key)
        .query(Long.class)
        .single();
  }

  /**
   * Every record on {@code topic} with {@code key} seen within the wait, once there are {@code n}.
   */
  List<ConsumerRecord<String, byte[]>> awaitRecords(String topic, String key, int n) {
    Properties config = new Properties();
    config.put(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "ingest-test-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (found.size() < n && System.nanoTime() < deadline) {
        consumer
            .poll(Duration.ofMillis(500))
            .forEach(
                r -> {
                  if (key.equals(r.key())) {
                    found.add(r);
                  }
                });
      }
      assertThat(found)
          .as(n + " record(s) with key " + key + " on " + topic)
          .hasSizeGreaterThanOrEqualTo(n);
      return found;
    }
  }

  ConsumerRecord<String, byte[]> awaitRecord(String topic, String key) {
    return awaitRecords(topic, key, 1).get(0);
  }

  /** Confluent wire format: magic byte, 4-byte schema id, Avro binary. */
  static <T extends SpecificRecord> T decode(byte[] value, Class<T> type) {
    assertThat(value[0]).as("Confluent magic byte").isZero();
    try {
      return new SpecificDatumReader<>(type)
          .read(null, DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, null));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
