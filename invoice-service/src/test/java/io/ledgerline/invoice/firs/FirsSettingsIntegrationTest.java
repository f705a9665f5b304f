package io.ledgerline.invoice.firs;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.platform.test.LedgerlineIntegrationTest;
import io.ledgerline.platform.test.TestJwts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** FIRS settings over HTTP: secrets encrypted at rest, never returned, kept when not resent. */
@LedgerlineIntegrationTest
class FirsSettingsIntegrationTest {

  @TestConfiguration
  static class Tokens {
    @Bean
    JwtDecoder jwtDecoder() {
      return TestJwts.decoder();
    }
  }

  @Autowired Environment environment;
  @Autowired JdbcClient jdbc;
  @Autowired FirsAccounts accounts;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private final String tenant = "f-" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void secretsAreEncryptedAtRestNeverReturnedAndKeptWhenNotResent() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder()
                .encodeToString(generator.generateKeyPair().getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    String cryptoKeys =
        "{\"public_key\":\""
            + Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII))
            + "\",\"certificate\":\"Y2VydGlmaWNhdGU=\"}";
    String businessId = UUID.randomUUID().toString();
    ObjectBody body =
        new ObjectBody(
            "{\"enabled\": true, \"environment\": \"SANDBOX\", \"baseUrl\": \"http://localhost:9/firs\","
                + " \"businessId\": \""
                + businessId
                + "\", \"serviceId\": \"94ND90NR\","
                + " \"apiKey\": \"key-123-very-secret\", \"apiSecret\": \"secret-456-very-secret\","
                + " \"cryptoKeys\": "
                + json.writeValueAsString(cryptoKeys)
                + "}");

    HttpResponse<String> saved = send("PUT", body.text());
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    HttpResponse<String> read = send("GET", null);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body())
        .doesNotContain("key-123-very-secret", "secret-456-very-secret", "Y2VydGlmaWNhdGU=");
    JsonNode view = json.readTree(read.body());
    assertThat(view.get("serviceId").asString()).isEqualTo("94ND90NR");
    assertThat(view.get("apiKeySet").asBoolean()).isTrue();
    byte[] ciphertext =
        jdbc.sql("SELECT ciphertext FROM firs_settings WHERE tenant_id = :t")
            .param("t", tenant)
            .query(byte[].class)
            .single();
    assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain("key-123");

    // An update without the secrets keeps them.
    HttpResponse<String> update =
        send(
            "PUT",
            "{\"enabled\": false, \"environment\": \"SANDBOX\", \"baseUrl\": \"http://localhost:9/firs\","
                + " \"businessId\": \""
                + businessId
                + "\", \"serviceId\": \"94ND90NR\"}");
    assertThat(update.statusCode()).as(update.body()).isEqualTo(200);
    FirsAccount account = accounts.find(tenant).orElseThrow();
    assertThat(account.enabled()).isFalse();
    assertThat(account.credentials().apiKey()).isEqualTo("key-123-very-secret");
    assertThat(account.credentials().keys().certificate()).isEqualTo("Y2VydGlmaWNhdGU=");
  }

  @Test
  void invalidSettingsNameEveryField() {
    HttpResponse<String> response =
        send(
            "PUT",
            "{\"environment\": \"TEST\", \"baseUrl\": \"ftp://x\", \"serviceId\": \"a-b\", \"cryptoKeys\": \"{}\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json.readTree(response.body()).get("errors").propertyNames())
        .contains(
            "environment",
            "baseUrl",
            "businessId",
            "serviceId",
            "apiKey",
            "apiSecret",
            "cryptoKeys");
    assertThat(send("GET", null).statusCode()).isEqualTo(404);
  }

  private record ObjectBody(String text) {}

  private HttpResponse<String> send(String method, String body) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(
                  URI.create(
                      "http://localhost:"
                          + environment.getRequiredProperty("local.server.port", Integer.class)
                          + "/api/v1/settings/firs"))
              .header(
                  "Authorization",
                  "Bearer " + TestJwts.token(tenant, "settings:read settings:write"))
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(body));
      if (body != null) {
        request.header("Content-Type", "application/json");
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
