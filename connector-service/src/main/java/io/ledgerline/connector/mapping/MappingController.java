package io.ledgerline.connector.mapping;

import io.ledgerline.platform.service.problem.ProblemException;
import io.ledgerline.platform.service.tenant.TenantId;
import io.ledgerline.platforms.mapping.ConnectionMapping;
import io.ledgerline.platforms.mapping.InvalidMapping;
import io.ledgerline.platforms.mapping.MappingTemplate;
import io.ledgerline.platforms.normalization.NormalizationFailed;
import io.ledgerline.platforms.normalization.WebhookContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * A connection's mapping: read it, replace it (validated: 400 {@code invalid-mapping} naming the
 * field), and preview what its template makes of a webhook body without emitting anything.
 */
@RestController
class MappingController {

  private final Mappings mappings;
  private final StoredWebhooks stored;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();

  MappingController(Mappings mappings, StoredWebhooks stored, Clock clock) {
    this.mappings = mappings;
    this.stored = stored;
    this.clock = clock;
  }

  @GetMapping("/api/v1/connections/{id}/mapping")
  Map<String, Object> get(TenantId tenant, @PathVariable UUID id) {
    owned(tenant, id);
    return mappings.of(id).toJson();
  }

  @PutMapping("/api/v1/connections/{id}/mapping")
  Map<String, Object> put(
      TenantId tenant, @PathVariable UUID id, @RequestBody Map<String, Object> body) {
    owned(tenant, id);
    ConnectionMapping mapping = parse(body);
    mappings.save(tenant.value(), id, mapping, clock.instant());
    return mapping.toJson();
  }

  /**
   * {@code {"body": {...}}} (a webhook's JSON body), or {@code {"webhookId": "..."}} (a webhook of
   * this connection stored in webhook-ingest's log, read with the caller's token, so it needs
   * {@code webhooks:read} too), with {@code template} and {@code templateEvent} to try a template
   * before saving it (else the saved one). Nothing is emitted.
   */
  @PostMapping("/api/v1/connections/{id}/mapping/preview")
  Map<String, Object> preview(
      TenantId tenant,
      @PathVariable UUID id,
      @RequestBody Map<String, Object> request,
      @AuthenticationPrincipal Jwt caller) {
    String platform = owned(tenant, id);
    Object body = request.get("body");
    Object webhookId = request.get("webhookId");
    byte[] payload;
    UUID webhook = UUID.randomUUID();
    if (webhookId != null) {
      if (body != null) {
        throw invalid("webhookId", "give either body or webhookId, not both");
      }
      try {
        webhook = UUID.fromString(webhookId.toString());
      } catch (IllegalArgumentException e) {
        throw invalid("webhookId", "webhookId is the id of a stored webhook (a UUID)");
      }
      StoredWebhooks.StoredWebhook found = stored.find(webhook, caller.getTokenValue());
      if (!id.equals(found.connectionId())) {
        throw StoredWebhooks.notFound(webhook);
      }
      payload = StoredWebhooks.bytes(found);
    } else if (body instanceof Map<?, ?> || body instanceof java.util.List<?>) {
      payload = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    } else {
      throw invalid(
          "body",
          "body is the webhook's JSON body (an object or an array), or give the webhookId of a"
              + " stored webhook");
    }
    ConnectionMapping.Template template;
    if (request.get("template") != null) {
      Map<String, Object> draft = new LinkedHashMap<>();
      draft.put("template", request.get("template"));
      if (request.get("templateEvent") != null) {
        draft.put("templateEvent", request.get("templateEvent"));
      }
      template = parse(draft).template();
    } else {
      template = mappings.of(id).template();
    }
    if (template == null) {
      throw invalid("template", "the connection has no mapping template; give one to preview");
    }
    WebhookContext context =
        new WebhookContext(tenant.value(), id, platform, null, webhook, clock.instant(), false);
    try {
      SpecificRecord event = MappingTemplate.compile(template).apply(context, payload);
      Map<String, Object> answer = new LinkedHashMap<>();
      if (webhookId != null) {
        answer.put("webhookId", webhook.toString());
      }
      answer.put("event", event.getSchema().getName());
      answer.put("value", json.readValue(event.toString(), Map.class));
      answer.put("emitted", false);
      return answer;
    } catch (NormalizationFailed e) {
      throw new ProblemException(
          HttpStatus.UNPROCESSABLE_ENTITY,
          "mapping-preview-failed",
          "The template does not make an event of this body",
          e.getMessage());
    }
  }

  private String owned(TenantId tenant, UUID id) {
    return mappings
        .platformOf(tenant.value(), id)
        .orElseThrow(
            () ->
                new ProblemException(
                    HttpStatus.NOT_FOUND,
                    "connection-not-found",
                    "Connection not found",
                    "No connection " + id));
  }

  private static ConnectionMapping parse(Map<String, Object> body) {
    try {
      return ConnectionMapping.of(body);
    } catch (InvalidMapping e) {
      throw invalid(e.field(), e.getMessage());
    }
  }

  private static ProblemException invalid(String field, @Nullable String detail) {
    return new ProblemException(
        HttpStatus.BAD_REQUEST, "invalid-mapping", "Invalid mapping", field + ": " + detail) {
      @Override
      public ProblemDetail toProblemDetail() {
        ProblemDetail problem = super.toProblemDetail();
        problem.setProperty("field", field);
        return problem;
      }
    };
  }
}
