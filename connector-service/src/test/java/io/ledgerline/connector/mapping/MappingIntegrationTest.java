package io.ledgerline.connector.mapping;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.ledgerline.platform.test.LedgerlineIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A connection's mapping through its API: saved only when valid (400 {@code invalid-mapping} with
 * the field), and previewed without emitting anything, on a body given or on a webhook stored in
 * webhook-ingest's log (WireMock playing webhook-ingest's {@code GET /api/v1/webhooks/{id}}, read
 * with the caller's own token).
 */
@LedgerlineIntegrationTest(
    properties = {
      // 32 bytes of 0x01: a test key, nothing real
      "LEDGERLINE_CONNECTOR_KEK=AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE="
    })
@AutoConfigureMockMvc
class MappingIntegrationTest {

  private static final WireMockServer INGEST =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());

  private static final String TEMPLATE =
      "{\\\"externalId\\\": data.id, \\\"currency\\\": data.currency, \\\"lines\\\":"
          + " data.items.{\\\"name\\\": title, \\\"unitPrice\\\": price, \\\"quantity\\\": qty}}";

  private static final String ORDER =
      "{\"data\": {\"id\": \"o-9\", \"currency\": \"EUR\", \"items\": [{\"title\": \"Rice\","
          + " \"price\": \"12.35\", \"qty\": 3}]}}";

  @DynamicPropertySource
  static void ingest(DynamicPropertyRegistry registry) {
    INGEST.start();
    registry.add("ledgerline.connector.ingest-url", INGEST::baseUrl);
  }

  @AfterAll
  static void stop() {
    INGEST.stop();
  }

  @Autowired MockMvcTester mvc;

  private static JwtRequestPostProcessor tenant(String tenantId, String... scopes) {
    return jwt()
        .jwt(
            j ->
                j.subject("key-" + tenantId)
                    .claim("tenant_id", tenantId)
                    .tokenValue("token-of-" + tenantId))
        .authorities(
            java.util.Arrays.stream(scopes)
                .map(s -> (GrantedAuthority) new SimpleGrantedAuthority("SCOPE_" + s))
                .toList());
  }

  private String standardWebhooksConnection(String tenantId) {
    MvcTestResult result =
        mvc.post()
            .uri("/api/v1/connections")
            .with(tenant(tenantId, "connections:write"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"platform\": \"standard-webhooks\", \"name\": \"Shop backend\"}")
            .exchange();
    assertThat(result).hasStatus(201);
    return result.getResponse().getHeader("Location").replace("/api/v1/connections/", "");
  }

  private MvcTestResult put(String tenantId, String id, String mapping) {
    return mvc.put()
        .uri("/api/v1/connections/" + id + "/mapping")
        .with(tenant(tenantId, "connections:write"))
        .contentType(MediaType.APPLICATION_JSON)
        .content(mapping)
        .exchange();
  }

  private MvcTestResult preview(String tenantId, String id, String request) {
    return mvc.post()
        .uri("/api/v1/connections/" + id + "/mapping/preview")
        .with(tenant(tenantId, "connections:write", "webhooks:read"))
        .contentType(MediaType.APPLICATION_JSON)
        .content(request)
        .exchange();
  }

  @Test
  void savesAValidMappingAndNamesTheFieldOfAnInvalidOne() {
    String id = standardWebhooksConnection("tenant-m1");

    MvcTestResult wrongRate = put("tenant-m1", id, "{\"defaultTaxRate\": 7.5}");
    MvcTestResult notJsonata =
        put("tenant-m1", id, "{\"template\": \"{\\\"a\\\": \", \"templateEvent\": \"sale\"}");
    MvcTestResult saved =
        put("tenant-m1", id, "{\"template\": \"" + TEMPLATE + "\", \"templateEvent\": \"sale\"}");

    assertThat(wrongRate).hasStatus(400);
    assertThat(wrongRate).bodyJson().extractingPath("$.field").isEqualTo("defaultTaxRate");
    assertThat(wrongRate)
        .bodyJson()
        .extractingPath("$.type")
        .isEqualTo("https://ledgerline.io/problems/invalid-mapping");
    assertThat(notJsonata).hasStatus(400);
    assertThat(notJsonata).bodyJson().extractingPath("$.field").isEqualTo("template");
    assertThat(saved).hasStatusOk();
    assertThat(
            mvc.get()
                .uri("/api/v1/connections/" + id + "/mapping")
                .with(tenant("tenant-m1", "connections:read"))
                .exchange())
        .bodyJson()
        .extractingPath("$.templateEvent")
        .isEqualTo("sale");
  }

  @Test
  void previewsTheSavedTemplateOnABodyOrOnAStoredWebhookOfTheConnection() throws Exception {
    String id = standardWebhooksConnection("tenant-m2");
    assertThat(
            put(
                "tenant-m2",
                id,
                "{\"template\": \"" + TEMPLATE + "\", \"templateEvent\": \"sale\"}"))
        .hasStatusOk();
    UUID stored = UUID.randomUUID();
    INGEST.stubFor(
        get(urlEqualTo("/api/v1/webhooks/" + stored))
            .withHeader("Authorization", equalTo("Bearer token-of-tenant-m2"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        """
                        {"id": "%s", "connectionId": "%s", "platform": "standard-webhooks",
                         "status": "STORED", "headers": {}, "body": %s, "eventIds": [],
                         "receivedAt": "2026-11-20T15:30:00Z"}
                        """
                            .formatted(
                                stored,
                                id,
                                tools.jackson.databind.json.JsonMapper.builder()
                                    .build()
                                    .writeValueAsString(ORDER)))));

    MvcTestResult ofBody = preview("tenant-m2", id, "{\"body\": " + ORDER + "}");
    MvcTestResult ofStored = preview("tenant-m2", id, "{\"webhookId\": \"" + stored + "\"}");

    assertThat(ofBody).hasStatusOk();
    assertThat(ofBody).bodyJson().extractingPath("$.event").isEqualTo("SaleEvent");
    assertThat(ofBody).bodyJson().extractingPath("$.emitted").isEqualTo(false);
    assertThat(ofStored).hasStatusOk();
    assertThat(ofStored).bodyJson().extractingPath("$.event").isEqualTo("SaleEvent");
    assertThat(ofStored).bodyJson().extractingPath("$.webhookId").isEqualTo(stored.toString());
    assertThat(ofStored).bodyJson().extractingPath("$.value.externalId").isEqualTo("o-9");
    // 3 x 12.35, from the stored body
    assertThat(ofStored.getResponse().getContentAsString()).contains("37.05");
    INGEST.verify(
        getRequestedFor(urlEqualTo("/api/v1/webhooks/" + stored))
            .withHeader("Authorization", equalTo("Bearer token-of-tenant-m2")));
  }

  @Test
  void aStoredWebhookOfAnotherConnectionOrNoneIsNotFoundAndABadTemplateIs422() {
    String id = standardWebhooksConnection("tenant-m3");
    String other = standardWebhooksConnection("tenant-m3");
    UUID ofOther = UUID.randomUUID();
    UUID missing = UUID.randomUUID();
    INGEST.stubFor(
        get(urlEqualTo("/api/v1/webhooks/" + ofOther))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"id\": \"%s\", \"connectionId\": \"%s\", \"body\": \"{}\"}"
                            .formatted(ofOther, other))));
    INGEST.stubFor(
        get(urlEqualTo("/api/v1/webhooks/" + missing))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody("{\"status\": 404}")));
    String draft =
        ", \"template\": \"{\\\"currency\\\": \\\"EUR\\\"}\", \"templateEvent\": \"sale\"";

    MvcTestResult wrongConnection =
        preview("tenant-m3", id, "{\"webhookId\": \"" + ofOther + "\"" + draft + "}");
    MvcTestResult notStored =
        preview("tenant-m3", id, "{\"webhookId\": \"" + missing + "\"" + draft + "}");
    MvcTestResult both =
        preview("tenant-m3", id, "{\"webhookId\": \"" + missing + "\", \"body\": {}" + draft + "}");
    MvcTestResult noEvent = preview("tenant-m3", id, "{\"body\": " + ORDER + draft + "}");
    MvcTestResult noTemplate = preview("tenant-m3", id, "{\"body\": " + ORDER + "}");

    assertThat(wrongConnection).hasStatus(404);
    assertThat(wrongConnection)
        .bodyJson()
        .extractingPath("$.type")
        .isEqualTo("https://ledgerline.io/problems/webhook-not-found");
    assertThat(notStored).hasStatus(404);
    assertThat(both).hasStatus(400);
    assertThat(both).bodyJson().extractingPath("$.field").isEqualTo("webhookId");
    assertThat(noEvent).hasStatus(422);
    assertThat(noEvent)
        .bodyJson()
        .extractingPath("$.type")
        .isEqualTo("https://ledgerline.io/problems/mapping-preview-failed");
    assertThat(noTemplate).hasStatus(400);
    assertThat(noTemplate).bodyJson().extractingPath("$.field").isEqualTo("template");
  }
}
