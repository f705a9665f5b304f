package io.ledgerline.connector.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import com.jayway.jsonpath.JsonPath;
import io.ledgerline.platform.service.crypto.EncryptedSecret;
import io.ledgerline.platform.service.crypto.EnvelopeEncryption;
import io.ledgerline.platform.service.crypto.SecretDecryptionFailed;
import io.ledgerline.platform.test.LedgerlineIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@LedgerlineIntegrationTest(
    properties = {
      // 32 bytes of 0x01: a test key, nothing real
      "LEDGERLINE_CONNECTOR_KEK=AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=",
      "LEDGERLINE_PUBLIC_WEBHOOK_BASE_URL=https://hooks.ledgerline.test"
    })
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class ConnectionsIntegrationTest {

  @TestConfiguration(proxyBeanMethods = false)
  static class ClockConfiguration {
    @Bean
    @Primary
    MovableClock movableClock() {
      return new MovableClock();
    }
  }

  private static final java.util.concurrent.atomic.AtomicInteger SHOPS =
      new java.util.concurrent.atomic.AtomicInteger();

  /** A new shop each time: one shop has one live connection. */
  private static String shop() {
    return """
        {"platform": "shopify", "name": "Acme shop", "settings": {"shopDomain": "acme-%d.myshopify.com"},
         "webhookSecret": "shpss_0123456789abcdef0123456789abcdef"}
        """
        .formatted(SHOPS.incrementAndGet());
  }

  @Autowired MockMvcTester mvc;
  @Autowired JdbcClient jdbc;
  @Autowired MovableClock clock;

  private static JwtRequestPostProcessor tenant(String tenantId, String... scopes) {
    return jwt()
        .jwt(j -> j.subject("key-" + tenantId).claim("tenant_id", tenantId))
        .authorities(
            java.util.Arrays.stream(scopes)
                .map(s -> (GrantedAuthority) new SimpleGrantedAuthority("SCOPE_" + s))
                .toList());
  }

  private static JwtRequestPostProcessor service(String... scopes) {
    return jwt()
        .jwt(j -> j.subject("webhook-ingest"))
        .authorities(
            java.util.Arrays.stream(scopes)
                .map(s -> (GrantedAuthority) new SimpleGrantedAuthority("SCOPE_" + s))
                .toList());
  }

  private String create(String tenantId, String body) {
    MvcTestResult result =
        mvc.post()
            .uri("/api/v1/connections")
            .with(tenant(tenantId, "connections:write"))
            .contentType(MediaType.APPLICATION_JSON)
            .content(body)
            .exchange();
    assertThat(result).hasStatus(201);
    return result.getResponse().getHeader("Location").replace("/api/v1/connections/", "");
  }

  @Test
  void createsAConnectionAndShowsItsSecretOnlyOnce() throws Exception {
    MvcTestResult created =
        mvc.post()
            .uri("/api/v1/connections")
            .with(tenant("tenant-a", "connections:write"))
            .contentType(MediaType.APPLICATION_JSON)
            .content(shop())
            .exchange();

    assertThat(created).hasStatus(201);
    assertThat(created).bodyJson().extractingPath("$.platform").isEqualTo("shopify");
    assertThat(created).bodyJson().extractingPath("$.status").isEqualTo("ACTIVE");
    assertThat(created)
        .bodyJson()
        .extractingPath("$.webhookSecret")
        .isEqualTo("shpss_0123456789abcdef0123456789abcdef");
    String id = created.getResponse().getHeader("Location").replace("/api/v1/connections/", "");
    assertThat(created)
        .bodyJson()
        .extractingPath("$.webhookUrl")
        .isEqualTo("https://hooks.ledgerline.test/webhooks/shopify/" + id);

    MvcTestResult shown =
        mvc.get()
            .uri("/api/v1/connections/" + id)
            .with(tenant("tenant-a", "connections:read"))
            .exchange();
    assertThat(shown).hasStatusOk();
    assertThat(shown)
        .bodyJson()
        .extractingPath("$.settings.shopDomain")
        .asString()
        .matches("acme-[0-9]+\\.myshopify\\.com");
    assertThat(shown.getResponse().getContentAsString(StandardCharsets.UTF_8))
        .doesNotContain("shpss_0123456789abcdef0123456789abcdef")
        .doesNotContain("webhookSecret");

    MvcTestResult listed =
        mvc.get()
            .uri("/api/v1/connections")
            .with(tenant("tenant-a", "connections:read"))
            .exchange();
    assertThat(listed.getResponse().getContentAsString(StandardCharsets.UTF_8))
        .contains(id)
        .doesNotContain("shpss_0123456789abcdef0123456789abcdef");
  }

  @Test
  void generatesASecretWhenNoneIsGiven() throws Exception {
    MvcTestResult created =
        mvc.post()
            .uri("/api/v1/connections")
            .with(tenant("tenant-gen", "connections:write"))
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                """
                {"platform": "shopify", "name": "Generated", "settings": {"shopDomain": "gen.myshopify.com"}}
                """)
            .exchange();

    assertThat(created).hasStatus(201);
    assertThat(created)
        .bodyJson()
        .extractingPath("$.webhookSecret")
        .asString()
        .matches("[0-9a-f]{64}");
  }

  /**
   * Issue 12: two live connections of one shop would invoice every order twice. The second is
   * refused with a 409 that names the caller's existing connection (and not another tenant's), and
   * webhook-ingest is told the connection's account, on which invoices key.
   */
  @Test
  void refusesASecondConnectionForTheSameShopNamingTheExistingOne() throws Exception {
    String body =
        """
        {"platform": "shopify", "name": "Twice", "settings": {"shopDomain": "twice.myshopify.com"}}
        """;
    String first = create("tenant-twice", body);

    MvcTestResult again = createAs("tenant-twice", body);
    MvcTestResult elsewhere = createAs("tenant-other", body);

    assertThat(again).hasStatus(409);
    assertThat(again)
        .bodyJson()
        .extractingPath("$.type")
        .isEqualTo("https://ledgerline.io/problems/account-already-connected");
    assertThat(again).bodyJson().extractingPath("$.connectionId").isEqualTo(first);
    assertThat(body(again)).contains(first).contains("twice.myshopify.com");
    assertThat(elsewhere).hasStatus(409);
    assertThat(body(elsewhere)).doesNotContain(first).contains("another tenant");
    assertThat(
            jdbc.sql("SELECT count(*) FROM connections WHERE account_id = 'twice.myshopify.com'")
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(credentials(first))
        .bodyJson()
        .extractingPath("$.accountId")
        .isEqualTo("twice.myshopify.com");
  }

  @Test
  void keepsEveryTenantToItsOwnConnections() throws Exception {
    String id = create("tenant-b", shop());

    assertThat(
            mvc.get()
                .uri("/api/v1/connections/" + id)
                .with(tenant("tenant-c", "connections:read"))
                .exchange())
        .hasStatus(404)
        .bodyJson()
        .extractingPath("$.type")
        .isEqualTo("https://ledgerline.io/problems/connection-not-found");
    assertThat(
            mvc.get()
                .uri("/api/v1/connections")
                .with(tenant("tenant-c", "connections:read"))
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
        .doesNotContain(id);
  }

  @Test
  void refusesCallsWithoutTheRightScope() throws Exception {
    assertThat(
            mvc.post()
                .uri("/api/v1/connections")
                .with(tenant("tenant-a", "connections:read"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(shop())
                .exchange())
        .hasStatus(403);
    assertThat(mvc.get().uri("/api/v1/connections").exchange()).hasStatus(401);
    String id = create("tenant-a", shop());
    assertThat(
            mvc.get()
                .uri("/internal/connections/" + id + "/webhook-credentials")
                .with(tenant("tenant-a", "connections:read"))
                .exchange())
        .hasStatus(403);
  }

  @Test
  void refusesAShopifyConnectionWithoutAShopDomain() throws Exception {
    assertThat(
            mvc.post()
                .uri("/api/v1/connections")
                .with(tenant("tenant-a", "connections:write"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"platform\": \"shopify\", \"name\": \"No domain\"}")
                .exchange())
        .hasStatus(400)
        .bodyJson()
        .extractingPath("$.type")
        .isEqualTo("https://ledgerline.io/problems/invalid-connection");
  }

  @Test
  void handsTheDecryptedSecretToInternalCallers() throws Exception {
    String id = create("tenant-d", shop());

    MvcTestResult credentials =
        mvc.get()
            .uri("/internal/connections/" + id + "/webhook-credentials")
            .with(service("internal"))
            .exchange();

    assertThat(credentials).hasStatusOk();
    assertThat(credentials).bodyJson().extractingPath("$.connectionId").isEqualTo(id);
    assertThat(credentials).bodyJson().extractingPath("$.tenantId").isEqualTo("tenant-d");
    assertThat(credentials).bodyJson().extractingPath("$.platform").isEqualTo("shopify");
    assertThat(credentials).bodyJson().extractingPath("$.status").isEqualTo("ACTIVE");
    assertThat(credentials)
        .bodyJson()
        .extractingPath("$.settings.shopDomain")
        .asString()
        .matches("acme-[0-9]+\\.myshopify\\.com");
    assertThat(credentials)
        .bodyJson()
        .extractingPath("$.secrets[0].value")
        .isEqualTo("shpss_0123456789abcdef0123456789abcdef");
    assertThat(
            mvc.get()
                .uri("/internal/connections/" + UUID.randomUUID() + "/webhook-credentials")
                .with(service("internal"))
                .exchange())
        .hasStatus(404);
  }

  /** Issue 7: webhook-ingest applies the connection's mapping template, so it gets it here. */
  @Test
  void handsTheMappingTemplateToInternalCallersOnceOneIsSet() throws Exception {
    String id = create("tenant-d", shop());
    assertThat(credentials(id)).bodyJson().extractingPath("$.template").isNull();
    assertThat(credentials(id))
        .bodyJson()
        .extractingPath("$.apiAccess")
        .as("a webhook-only connection")
        .isEqualTo(false);

    assertThat(
            mvc.put()
                .uri("/api/v1/connections/" + id + "/mapping")
                .with(tenant("tenant-d", "connections:write"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"template\": \"{\\\"externalId\\\": id, \\\"currency\\\": currency}\","
                        + " \"templateEvent\": \"deal\"}")
                .exchange())
        .hasStatusOk();

    MvcTestResult credentials = credentials(id);
    assertThat(credentials)
        .bodyJson()
        .extractingPath("$.template")
        .isEqualTo("{\"externalId\": id, \"currency\": currency}");
    assertThat(credentials).bodyJson().extractingPath("$.templateEvent").isEqualTo("deal");
  }

  @Test
  void neverStoresTheSecretInPlainTextAndCannotOpenItWithAnotherKey() throws Exception {
    String id = create("tenant-e", shop());

    Map<String, Object> row =
        jdbc.sql("SELECT * FROM connection_secrets WHERE connection_id = :id")
            .param("id", UUID.fromString(id))
            .query()
            .singleRow();
    byte[] ciphertext = (byte[]) row.get("ciphertext");
    byte[] wrapped = (byte[]) row.get("wrapped_data_key");
    assertThat(row.get("kek_id")).isEqualTo("kek-1");
    for (Object column : row.values()) {
      String asText =
          column instanceof byte[] bytes
              ? new String(bytes, StandardCharsets.ISO_8859_1)
              : String.valueOf(column);
      assertThat(asText).doesNotContain("shpss_0123456789abcdef0123456789abcdef");
    }
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM connection_secrets WHERE encode(ciphertext, 'escape') LIKE '%shpss%'")
                .query(Long.class)
                .single())
        .isZero();

    EnvelopeEncryption wrongKey = new EnvelopeEncryption(Map.of("kek-1", new byte[32]), "kek-1");
    assertThatThrownBy(
            () ->
                wrongKey.decrypt(
                    new EncryptedSecret("kek-1", wrapped, ciphertext), "connection-secret:" + id))
        .isInstanceOf(SecretDecryptionFailed.class);
  }

  private MvcTestResult send(
      String method, String uri, JwtRequestPostProcessor caller, String body) {
    var request =
        switch (method) {
          case "PATCH" -> mvc.patch().uri(uri);
          case "GET" -> mvc.get().uri(uri);
          default -> mvc.post().uri(uri);
        };
    request.with(caller);
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
    return request.exchange();
  }

  private MvcTestResult createAs(String tenantId, String body) {
    return send("POST", "/api/v1/connections", tenant(tenantId, "connections:write"), body);
  }

  private MvcTestResult credentials(String id) {
    return send(
        "GET", "/internal/connections/" + id + "/webhook-credentials", service("internal"), null);
  }

  private static String body(MvcTestResult result) throws Exception {
    return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  private static <T> T read(MvcTestResult result, String path) throws Exception {
    return JsonPath.read(body(result), path);
  }

  @Test
  void createsAConnectionForEachOfTheNinePlatforms(CapturedOutput output) throws Exception {
    String tenant = "tenant-nine";
    MvcTestResult hubspot =
        createAs(
            tenant,
            """
            {"platform": "hubspot", "name": "Portal", "secret": "hubspot-client-secret-0001"}
            """);
    MvcTestResult salesforce =
        createAs(
            tenant,
            """
            {"platform": "salesforce", "name": "Org", "settings":
              {"organizationId": "00D000000000062EAA", "allowedSourceIps": "13.108.0.0/14, 10.1.2.3"}}
            """);
    MvcTestResult pipedrive =
        createAs(tenant, "{\"platform\": \"pipedrive\", \"name\": \"Deals\"}");
    MvcTestResult zoho = createAs(tenant, "{\"platform\": \"zoho\", \"name\": \"Zoho\"}");
    MvcTestResult square =
        createAs(
            tenant,
            """
            {"platform": "square", "name": "Till", "secret": "square-signature-key-0001",
             "settings": {"notificationUrl": "https://public.example.com/hooks/square"}}
            """);
    MvcTestResult shopify =
        createAs(
            tenant,
            """
            {"platform": "shopify", "name": "Shop", "settings": {"shopDomain": "nine.myshopify.com"}}
            """);
    MvcTestResult lightspeed =
        createAs(
            tenant,
            "{\"platform\": \"lightspeed\", \"name\": \"Store\", \"settings\": {\"currency\": \"eur\"}}");
    MvcTestResult clover = createAs(tenant, "{\"platform\": \"clover\", \"name\": \"Cafe\"}");
    MvcTestResult standard =
        createAs(tenant, "{\"platform\": \"standard-webhooks\", \"name\": \"Custom\"}");
    List<MvcTestResult> all =
        List.of(
            hubspot, salesforce, pipedrive, zoho, square, shopify, lightspeed, clover, standard);
    for (MvcTestResult created : all) {
      assertThat(created).hasStatus(201);
    }

    // the URL each platform was told is on the connection, for signatures that cover it
    String hubspotId = read(hubspot, "$.id");
    assertThat(credentials(hubspotId))
        .bodyJson()
        .extractingPath("$.settings.notificationUrl")
        .isEqualTo("https://hooks.ledgerline.test/webhooks/hubspot/" + hubspotId);
    assertThat(credentials(hubspotId))
        .bodyJson()
        .extractingPath("$.secrets[0].value")
        .isEqualTo("hubspot-client-secret-0001");
    assertThat(credentials(read(square, "$.id")))
        .bodyJson()
        .extractingPath("$.settings.notificationUrl")
        .isEqualTo("https://public.example.com/hooks/square");

    MvcTestResult salesforceCredentials = credentials(read(salesforce, "$.id"));
    assertThat(salesforceCredentials)
        .bodyJson()
        .extractingPath("$.settings.organizationId")
        .isEqualTo("00D000000000062EAA");
    assertThat(salesforceCredentials)
        .bodyJson()
        .extractingPath("$.settings.allowedSourceIps")
        .isEqualTo("13.108.0.0/14,10.1.2.3");
    // Issue 12: the organization id is public; the secret is a generated token in the URL
    String salesforceToken = read(salesforce, "$.webhookSecret");
    assertThat(salesforceToken).matches("[A-Za-z0-9_-]{43}");
    assertThat((String) read(salesforce, "$.webhookUrl"))
        .isEqualTo(
            "https://hooks.ledgerline.test/webhooks/salesforce/"
                + read(salesforce, "$.id")
                + "?token="
                + salesforceToken);
    assertThat(salesforceCredentials)
        .bodyJson()
        .extractingPath("$.secrets[0].value")
        .isEqualTo(salesforceToken);
    assertThat(salesforce).bodyJson().extractingPath("$.secretConfigured").isEqualTo(true);

    MvcTestResult pipedriveCredentials = credentials(read(pipedrive, "$.id"));
    assertThat((String) read(pipedrive, "$.settings.username")).startsWith("ledgerline-");
    assertThat(pipedriveCredentials)
        .bodyJson()
        .extractingPath("$.settings.username")
        .isEqualTo(read(pipedrive, "$.settings.username"));
    assertThat(pipedriveCredentials)
        .bodyJson()
        .extractingPath("$.secrets[0].value")
        .isEqualTo(read(pipedrive, "$.webhookSecret"));

    assertThat((String) read(zoho, "$.settings.channelId")).matches("[0-9]{16}");
    assertThat(credentials(read(zoho, "$.id")))
        .bodyJson()
        .extractingPath("$.secrets[0].value")
        .isEqualTo(read(zoho, "$.webhookSecret"));

    // Lightspeed's secret is the token in the URL: shown with it once, never afterwards
    String lightspeedId = read(lightspeed, "$.id");
    String token = read(lightspeed, "$.webhookSecret");
    assertThat((String) read(lightspeed, "$.webhookUrl"))
        .isEqualTo(
            "https://hooks.ledgerline.test/webhooks/lightspeed/"
                + lightspeedId
                + "?token="
                + token);
    assertThat(
            send(
                "GET",
                "/api/v1/connections/" + lightspeedId,
                tenant(tenant, "connections:read"),
                null))
        .bodyJson()
        .extractingPath("$.webhookUrl")
        .isEqualTo("https://hooks.ledgerline.test/webhooks/lightspeed/" + lightspeedId);
    assertThat(credentials(lightspeedId))
        .bodyJson()
        .extractingPath("$.secrets[0].value")
        .isEqualTo(token);
    assertThat(credentials(lightspeedId))
        .bodyJson()
        .extractingPath("$.settings.notificationUrl")
        .isEqualTo("https://hooks.ledgerline.test/webhooks/lightspeed/" + lightspeedId);

    assertThat(clover).bodyJson().extractingPath("$.secretConfigured").isEqualTo(false);
    assertThat(credentials(read(clover, "$.id")))
        .bodyJson()
        .extractingPath("$.secrets")
        .asArray()
        .isEmpty();

    assertThat((String) read(standard, "$.webhookSecret")).matches("whsec_[A-Za-z0-9+/=]{40,}");
    assertThat(credentials(read(standard, "$.id")))
        .bodyJson()
        .extractingPath("$.secrets[0].value")
        .isEqualTo(read(standard, "$.webhookSecret"));

    String listed =
        body(send("GET", "/api/v1/connections", tenant(tenant, "connections:read"), null));
    assertThat((List<?>) JsonPath.read(listed, "$")).hasSize(9);
    for (MvcTestResult created : all) {
      String secret = read(created, "$.webhookSecret");
      if (secret != null) {
        assertThat(listed).doesNotContain(secret);
        assertThat(output.getAll()).doesNotContain(secret);
      }
    }
    assertThat(listed).doesNotContain("webhookSecret").doesNotContain("hubspot-client-secret-0001");
  }

  @Test
  void explainsWhichFieldMakesAConnectionInvalid() throws Exception {
    Map<String, String> fieldByBody =
        Map.of(
            "{\"platform\": \"myspace\", \"name\": \"x\"}",
            "platform",
            "{\"platform\": \"hubspot\", \"name\": \"x\"}",
            "secret",
            "{\"platform\": \"salesforce\", \"name\": \"x\", \"settings\": {\"organizationId\": \"00D1\"}}",
            "settings.organizationId",
            "{\"platform\": \"shopify\", \"name\": \"x\", \"settings\": {\"shopDomain\": \"evil.example.com\"}}",
            "settings.shopDomain",
            "{\"platform\": \"standard-webhooks\", \"name\": \"x\", \"secret\": \"not-a-whsec-secret\"}",
            "secret",
            "{\"platform\": \"lightspeed\", \"name\": \"x\", \"settings\": {\"currency\": \"EUR\"},"
                + " \"secret\": \"my-guessable-token\"}",
            "secret",
            "{\"platform\": \"zoho\", \"name\": \"x\", \"settings\": {\"channelId\": \"abc\"}}",
            "settings.channelId",
            "{\"platform\": \"square\", \"name\": \"x\", \"secret\": \"square-signature-key-0001\", \"settings\": {\"notificationUrl\": \"nope\"}}",
            "settings.notificationUrl",
            "{\"platform\": \"clover\", \"name\": \"x\", \"settings\": {\"shopDomain\": \"a.myshopify.com\"}}",
            "settings.shopDomain");

    fieldByBody.forEach(
        (body, field) -> {
          MvcTestResult result = createAs("tenant-invalid", body);
          assertThat(result).hasStatus(400);
          assertThat(result)
              .bodyJson()
              .extractingPath("$.type")
              .isEqualTo("https://ledgerline.io/problems/invalid-connection");
          assertThat(result).bodyJson().extractingPath("$.field").isEqualTo(field);
        });
    assertThat(
            jdbc.sql("SELECT count(*) FROM connections WHERE tenant_id = 'tenant-invalid'")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void keepsThePreviousSecretVerifyingOnlyDuringTheOverlap(CapturedOutput output) throws Exception {
    String id = create("tenant-rotate", shop());
    String rotations = "/api/v1/connections/" + id + "/secret-rotations";

    MvcTestResult rotated =
        send(
            "POST",
            rotations,
            tenant("tenant-rotate", "connections:write"),
            "{\"secret\": \"shpss_new_fedcba9876543210fedcba98\", \"overlap\": \"PT1H\"}");

    assertThat(rotated).hasStatusOk();
    assertThat(rotated)
        .bodyJson()
        .extractingPath("$.webhookSecret")
        .isEqualTo("shpss_new_fedcba9876543210fedcba98");
    Instant validUntil = Instant.parse(read(rotated, "$.previousSecretValidUntil"));
    assertThat(validUntil)
        .isBetween(
            clock.instant().plus(Duration.ofMinutes(59)),
            clock.instant().plus(Duration.ofMinutes(61)));
    MvcTestResult during = credentials(id);
    assertThat(during)
        .bodyJson()
        .extractingPath("$.secrets[*].value")
        .asArray()
        .containsExactly(
            "shpss_new_fedcba9876543210fedcba98", "shpss_0123456789abcdef0123456789abcdef");
    assertThat(during).bodyJson().doesNotHavePath("$.secrets[0].validUntil");
    assertThat(Instant.parse(read(during, "$.secrets[1].validUntil"))).isEqualTo(validUntil);

    clock.advance(Duration.ofMinutes(61));

    MvcTestResult after = credentials(id);
    assertThat(after)
        .bodyJson()
        .extractingPath("$.secrets[*].value")
        .asArray()
        .containsExactly("shpss_new_fedcba9876543210fedcba98");
    assertThat(body(after)).doesNotContain("validUntil");

    // a generated secret when none is given; the one before the last is gone for good
    MvcTestResult generated =
        send("POST", rotations, tenant("tenant-rotate", "connections:write"), "{}");
    String third = read(generated, "$.webhookSecret");
    assertThat(third).matches("[0-9a-f]{64}");
    assertThat(credentials(id))
        .bodyJson()
        .extractingPath("$.secrets[*].value")
        .asArray()
        .containsExactly(third, "shpss_new_fedcba9876543210fedcba98");
    for (Map<String, Object> row :
        jdbc.sql("SELECT * FROM connection_secrets WHERE connection_id = :id")
            .param("id", UUID.fromString(id))
            .query()
            .listOfRows()) {
      for (Object column : row.values()) {
        String asText =
            column instanceof byte[] bytes
                ? new String(bytes, StandardCharsets.ISO_8859_1)
                : String.valueOf(column);
        assertThat(asText).doesNotContain(third).doesNotContain("shpss_new_fedcba98");
      }
    }
    assertThat(output.getAll()).doesNotContain(third).doesNotContain("shpss_new_fedcba98");

    MvcTestResult tooLong =
        send(
            "POST",
            rotations,
            tenant("tenant-rotate", "connections:write"),
            "{\"overlap\": \"P8D\"}");
    assertThat(tooLong).hasStatus(400).bodyJson().extractingPath("$.field").isEqualTo("overlap");
  }

  @Test
  void rotatesTheLightspeedTokenWithANewUrl() throws Exception {
    MvcTestResult created =
        createAs(
            "tenant-ls",
            "{\"platform\": \"lightspeed\", \"name\": \"Store\", \"settings\": {\"currency\": \"EUR\"}}");
    String id = read(created, "$.id");
    String oldToken = read(created, "$.webhookSecret");

    MvcTestResult rotated =
        send(
            "POST",
            "/api/v1/connections/" + id + "/secret-rotations",
            tenant("tenant-ls", "connections:write"),
            "{}");

    String newToken = read(rotated, "$.webhookSecret");
    assertThat(newToken).isNotEqualTo(oldToken);
    assertThat((String) read(rotated, "$.webhookUrl")).endsWith("?token=" + newToken);
    assertThat(credentials(id))
        .bodyJson()
        .extractingPath("$.secrets[*].value")
        .asArray()
        .containsExactly(newToken, oldToken);
  }

  @Test
  void reportsADisabledConnectionToWebhookIngestUntilItIsEnabledAgain() throws Exception {
    String id = create("tenant-off", shop());

    assertThat(
            send(
                "POST",
                "/api/v1/connections/" + id + "/disable",
                tenant("tenant-off", "connections:write"),
                null))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.status")
        .isEqualTo("DISABLED");
    assertThat(credentials(id)).bodyJson().extractingPath("$.status").isEqualTo("DISABLED");

    assertThat(
            send(
                "POST",
                "/api/v1/connections/" + id + "/enable",
                tenant("tenant-off", "connections:write"),
                null))
        .hasStatusOk();
    assertThat(credentials(id)).bodyJson().extractingPath("$.status").isEqualTo("ACTIVE");
  }

  @Test
  void takesTheCloverAuthCodeOnceTheTenantHasIt() throws Exception {
    String id =
        read(createAs("tenant-clover", "{\"platform\": \"clover\", \"name\": \"Cafe\"}"), "$.id");
    String uri = "/api/v1/connections/" + id;

    MvcTestResult patched =
        send(
            "PATCH",
            uri,
            tenant("tenant-clover", "connections:write"),
            "{\"secret\": \"clover-auth-code-0001\"}");

    assertThat(patched).hasStatusOk();
    assertThat(patched).bodyJson().extractingPath("$.secretConfigured").isEqualTo(true);
    assertThat(body(patched)).doesNotContain("clover-auth-code-0001");
    assertThat(credentials(id))
        .bodyJson()
        .extractingPath("$.secrets[*].value")
        .asArray()
        .containsExactly("clover-auth-code-0001");
    assertThat(
            send(
                "PATCH",
                uri,
                tenant("tenant-clover", "connections:write"),
                "{\"secret\": \"clover-auth-code-0002\"}"))
        .hasStatus(400)
        .bodyJson()
        .extractingPath("$.field")
        .isEqualTo("secret");
  }

  @Test
  void changesTheSettingsThatAreNotSecrets() throws Exception {
    String id =
        read(
            createAs(
                "tenant-sf",
                """
                {"platform": "salesforce", "name": "Org", "settings": {"organizationId": "00D000000000062"}}
                """),
            "$.id");
    String uri = "/api/v1/connections/" + id;

    assertThat(
            send(
                "PATCH",
                uri,
                tenant("tenant-sf", "connections:write"),
                "{\"settings\": {\"allowedSourceIps\": \"10.0.0.0/8\", \"notificationUrl\": \"https://edge.example.com/sf\"}}"))
        .hasStatusOk();
    MvcTestResult changed = credentials(id);
    assertThat(changed)
        .bodyJson()
        .extractingPath("$.settings.allowedSourceIps")
        .isEqualTo("10.0.0.0/8");
    assertThat(changed)
        .bodyJson()
        .extractingPath("$.settings.notificationUrl")
        .isEqualTo("https://edge.example.com/sf");
    assertThat(
            send(
                "PATCH",
                uri,
                tenant("tenant-sf", "connections:write"),
                "{\"settings\": {\"organizationId\": \"00D000000000063\"}}"))
        .hasStatus(400)
        .bodyJson()
        .extractingPath("$.field")
        .isEqualTo("settings.organizationId");
  }

  @Test
  void neverLetsATenantChangeAnotherTenantsConnection() throws Exception {
    String id = create("tenant-owner", shop());
    JwtRequestPostProcessor intruder = tenant("tenant-intruder", "connections:write");

    for (MvcTestResult attempt :
        List.of(
            send("POST", "/api/v1/connections/" + id + "/secret-rotations", intruder, "{}"),
            send("POST", "/api/v1/connections/" + id + "/disable", intruder, null),
            send("POST", "/api/v1/connections/" + id + "/enable", intruder, null),
            send(
                "PATCH",
                "/api/v1/connections/" + id,
                intruder,
                "{\"settings\": {\"notificationUrl\": \"https://evil.example.com\"}}"))) {
      assertThat(attempt)
          .hasStatus(404)
          .bodyJson()
          .extractingPath("$.type")
          .isEqualTo("https://ledgerline.io/problems/connection-not-found");
    }
    MvcTestResult untouched = credentials(id);
    assertThat(untouched).bodyJson().extractingPath("$.status").isEqualTo("ACTIVE");
    assertThat(untouched)
        .bodyJson()
        .extractingPath("$.secrets[*].value")
        .asArray()
        .containsExactly("shpss_0123456789abcdef0123456789abcdef");
    assertThat(
            send(
                "POST",
                "/api/v1/connections/" + id + "/disable",
                tenant("tenant-owner", "connections:read"),
                null))
        .hasStatus(403);
  }

  @Test
  void tellsVerifiersTheNotificationUrlOfConnectionsMadeBeforeItWasStored() throws Exception {
    String id = create("tenant-old", shop());
    jdbc.sql("UPDATE connections SET settings = settings - 'notificationUrl' WHERE id = :id")
        .param("id", UUID.fromString(id))
        .update();

    assertThat(credentials(id))
        .bodyJson()
        .extractingPath("$.settings.notificationUrl")
        .isEqualTo("https://hooks.ledgerline.test/webhooks/shopify/" + id);
  }

  @org.springframework.boot.test.web.server.LocalServerPort int port;

  @Test
  void theCheckedInOpenApiDocumentMatchesTheCode() {
    io.ledgerline.platform.test.OpenApiDocuments.assertUpToDate("connector-service", port);
  }
}
