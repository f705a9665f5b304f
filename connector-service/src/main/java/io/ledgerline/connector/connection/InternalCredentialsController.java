package io.ledgerline.connector.connection;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ledgerline.connector.connection.ConnectionService.Credentials;
import io.ledgerline.connector.mapping.Mappings;
import io.ledgerline.platforms.mapping.ConnectionMapping;
import io.ledgerline.platforms.mapping.InvalidMapping;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service-to-service: webhook-ingest fetches a connection's decrypted secrets to verify deliveries.
 * Never routed by the gateway; needs a client-credentials token with scope {@code internal}.
 */
@RestController
class InternalCredentialsController {

  private final ConnectionService service;
  private final Mappings mappings;

  InternalCredentialsController(ConnectionService service, Mappings mappings) {
    this.service = service;
    this.mappings = mappings;
  }

  /** {@code validUntil} only on the previous secret, while its overlap lasts. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record SecretView(String value, Instant validUntil) {
    @Override
    public String toString() {
      return "SecretView[value=***, validUntil=" + validUntil + "]";
    }
  }

  /**
   * @param template the connection's mapping template (JSONata), which webhook-ingest applies to
   *     payloads whose meaning the connection sets (Standard Webhooks); null when it has none
   * @param templateEvent what the template makes: {@code sale} or {@code deal}; null without one
   * @param apiAccess whether this service can read the connection's platform API (connected by
   *     OAuth2 or an account token), so a webhook may name an object for it to fetch rather than
   *     carry it whole (Pipedrive deals); false for a webhook-only connection
   */
  record WebhookCredentialsView(
      UUID connectionId,
      String tenantId,
      String platform,
      String status,
      Map<String, String> settings,
      List<SecretView> secrets,
      String accountId,
      String template,
      String templateEvent,
      boolean apiAccess) {}

  @GetMapping("/internal/connections/{id}/webhook-credentials")
  WebhookCredentialsView webhookCredentials(@PathVariable UUID id) {
    return view(service.credentials(id));
  }

  /**
   * App-level webhooks (one URL for all accounts: HubSpot, Square, Clover) name the account, not
   * the connection: the live connection of that account, with the secrets to verify with.
   */
  @GetMapping("/internal/accounts/{platform}/{accountId}/webhook-credentials")
  WebhookCredentialsView accountWebhookCredentials(
      @PathVariable String platform, @PathVariable String accountId) {
    return view(service.credentialsOfAccount(platform, accountId));
  }

  record WebhookSeen(Instant receivedAt) {}

  /** webhook-ingest accepted a webhook for the connection: its health shows when. */
  @PostMapping("/internal/connections/{id}/webhook-received")
  ResponseEntity<Void> webhookReceived(@PathVariable UUID id, @RequestBody WebhookSeen seen) {
    service.webhookReceived(id, seen.receivedAt());
    return ResponseEntity.noContent().build();
  }

  private WebhookCredentialsView view(Credentials credentials) {
    Connection c = credentials.connection();
    ConnectionMapping.Template template;
    try {
      template = mappings.of(c.id()).template();
    } catch (InvalidMapping e) {
      // A stored mapping that no longer reads must not stop its webhooks being verified and kept.
      template = null;
    }
    return new WebhookCredentialsView(
        c.id(),
        c.tenantId(),
        c.platform().id(),
        c.status().name(),
        c.settings(),
        credentials.secrets().stream().map(s -> new SecretView(s.value(), s.validUntil())).toList(),
        // The platform account (shop, org, merchant, portal): its events key invoices on it.
        c.account() == null ? null : c.account().id(),
        template == null ? null : template.expression(),
        template == null ? null : template.event(),
        c.isAccountConnection());
  }
}
