package io.ledgerline.connector.connection;

import io.ledgerline.connector.connection.ConnectionService.CreateConnection;
import io.ledgerline.connector.connection.ConnectionService.Created;
import io.ledgerline.platform.service.tenant.TenantId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant API. The tenant always comes from the token, never from the request; scopes are
 * checked by {@code SecurityConfiguration}.
 */
@RestController
@RequestMapping("/api/v1/connections")
class ConnectionController {

  private final ConnectionService service;
  private final ConnectorSettings settings;

  ConnectionController(ConnectionService service, ConnectorSettings settings) {
    this.service = service;
    this.settings = settings;
  }

  record CreateConnectionRequest(
      @NotBlank String platform,
      @NotBlank @Size(max = 200) String name,
      Map<String, String> settings,
      @Size(min = 16, max = 512) String webhookSecret) {

    @Override
    public String toString() {
      return "CreateConnectionRequest[platform=" + platform + ", name=" + name + "]";
    }
  }

  record ConnectionView(
      UUID id,
      String platform,
      String name,
      String status,
      Map<String, String> settings,
      String webhookUrl,
      Instant createdAt) {}

  /** Shows the webhook secret once, here, so the tenant can paste it into the platform. */
  record CreatedConnectionView(
      UUID id,
      String platform,
      String name,
      String status,
      Map<String, String> settings,
      String webhookUrl,
      Instant createdAt,
      String webhookSecret) {}

  @PostMapping
  ResponseEntity<CreatedConnectionView> create(
      TenantId tenant, @Valid @RequestBody CreateConnectionRequest request) {
    Created created =
        service.create(
            new CreateConnection(
                tenant.value(),
                request.platform(),
                request.name(),
                request.settings(),
                request.webhookSecret()));
    Connection c = created.connection();
    return ResponseEntity.created(URI.create("/api/v1/connections/" + c.id()))
        .body(
            new CreatedConnectionView(
                c.id(),
                c.platform().id(),
                c.name(),
                c.status().name(),
                c.settings(),
                settings.webhookUrl(c),
                c.createdAt(),
                created.webhookSecret()));
  }

  @GetMapping
  List<ConnectionView> list(TenantId tenant) {
    return service.list(tenant.value()).stream().map(this::view).toList();
  }

  @GetMapping("/{id}")
  ConnectionView get(TenantId tenant, @PathVariable UUID id) {
    return view(service.get(tenant.value(), id));
  }

  private ConnectionView view(Connection c) {
    return new ConnectionView(
        c.id(),
        c.platform().id(),
        c.name(),
        c.status().name(),
        c.settings(),
        settings.webhookUrl(c),
        c.createdAt());
  }
}
