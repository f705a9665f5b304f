package io.ledgerline.connector.mapping;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.ledgerline.platform.service.problem.ProblemException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * A webhook webhook-ingest stored, read from its webhook log ({@code GET /api/v1/webhooks/{id}})
 * with the caller's own token: the tenant sees only its own webhooks, and reading one needs its
 * {@code webhooks:read} scope, exactly as when it asks webhook-ingest itself.
 */
@Component
class StoredWebhooks {

  /** The parts of webhook-ingest's webhook detail a preview needs. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record StoredWebhook(UUID id, UUID connectionId, String platform, @Nullable String body) {}

  private final RestClient http;

  StoredWebhooks(
      @Value("${ledgerline.connector.ingest-url:http://localhost:8083}") String ingestUrl) {
    JdkClientHttpRequestFactory factory =
        new JdkClientHttpRequestFactory(
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    factory.setReadTimeout(Duration.ofSeconds(10));
    this.http = RestClient.builder().baseUrl(ingestUrl).requestFactory(factory).build();
  }

  /**
   * The stored webhook of the caller's tenant.
   *
   * @throws ProblemException 404 {@code webhook-not-found} when the tenant has no such webhook, 403
   *     when the caller may not read webhooks, 503 when webhook-ingest does not answer
   */
  StoredWebhook find(UUID webhookId, String bearerToken) {
    try {
      StoredWebhook found =
          http.get()
              .uri("/api/v1/webhooks/{id}", webhookId)
              .headers(h -> h.setBearerAuth(bearerToken))
              .retrieve()
              .body(StoredWebhook.class);
      if (found == null) {
        throw unavailable(null);
      }
      return found;
    } catch (HttpClientErrorException e) {
      if (e.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
        throw notFound(webhookId);
      }
      if (e.getStatusCode().isSameCodeAs(HttpStatus.FORBIDDEN)
          || e.getStatusCode().isSameCodeAs(HttpStatus.UNAUTHORIZED)) {
        throw new ProblemException(
            HttpStatus.FORBIDDEN,
            "insufficient-scope",
            "Insufficient scope",
            "Previewing a stored webhook reads it from the webhook log: that needs webhooks:read");
      }
      throw unavailable(e);
    } catch (RestClientException e) {
      throw unavailable(e);
    }
  }

  static ProblemException notFound(UUID webhookId) {
    return new ProblemException(
        HttpStatus.NOT_FOUND,
        "webhook-not-found",
        "Webhook not found",
        "No stored webhook " + webhookId + " of this connection");
  }

  private static ProblemException unavailable(@Nullable Exception cause) {
    return new ProblemException(
        HttpStatus.SERVICE_UNAVAILABLE,
        "webhook-log-unavailable",
        "Webhook log unavailable",
        "The webhook log did not answer; try again"
            + (cause == null ? "" : " (" + cause.getClass().getSimpleName() + ")"));
  }

  static byte[] bytes(StoredWebhook webhook) {
    return webhook.body() == null ? new byte[0] : webhook.body().getBytes(StandardCharsets.UTF_8);
  }
}
