package io.ledgerline.connector.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import io.ledgerline.connector.encryption.EncryptedSecret;
import io.ledgerline.connector.encryption.EnvelopeEncryption;
import io.ledgerline.connector.encryption.SecretDecryptionFailed;
import io.ledgerline.platform.test.LedgerlineIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
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
class ConnectionsIntegrationTest {

  private static final String CREATE =
      """
      {"platform": "shopify", "name": "Acme shop", "settings": {"shopDomain": "acme.myshopify.com"},
       "webhookSecret": "shpss_0123456789abcdef0123456789abcdef"}
      """;

  @Autowired MockMvcTester mvc;
  @Autowired JdbcClient jdbc;

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
            .content(CREATE)
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
        .isEqualTo("acme.myshopify.com");
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

  @Test
  void keepsEveryTenantToItsOwnConnections() throws Exception {
    String id = create("tenant-b", CREATE);

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
                .content(CREATE)
                .exchange())
        .hasStatus(403);
    assertThat(mvc.get().uri("/api/v1/connections").exchange()).hasStatus(401);
    String id = create("tenant-a", CREATE);
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
    String id = create("tenant-d", CREATE);

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
        .isEqualTo("acme.myshopify.com");
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

  @Test
  void neverStoresTheSecretInPlainTextAndCannotOpenItWithAnotherKey() throws Exception {
    String id = create("tenant-e", CREATE);

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
}
