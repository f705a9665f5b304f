package io.ledgerline.apikey.client;

import io.ledgerline.apikey.client.OAuthClientService.NewClient;
import io.ledgerline.apikey.key.Scopes;
import io.ledgerline.platform.service.tenant.TenantId;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tenant's OAuth2 clients. The client then gets tokens at {@code POST /oauth2/token} (HTTP Basic
 * client authentication, {@code grant_type=client_credentials}).
 */
@RestController
@RequestMapping("/api/v1/oauth-clients")
class OAuthClientController {

  private final OAuthClientService service;

  OAuthClientController(OAuthClientService service) {
    this.service = service;
  }

  record ClientView(
      String clientId,
      String tenantId,
      String name,
      List<String> scopes,
      Instant createdAt,
      @Nullable Instant revokedAt) {
    static ClientView of(OAuthClient client) {
      return new ClientView(
          client.clientId(),
          client.tenantId(),
          client.name(),
          List.copyOf(new TreeSet<>(client.scopes())),
          client.createdAt(),
          client.revokedAt());
    }
  }

  /** The create response: the only place the secret ever appears. */
  record CreatedClientView(
      String clientId,
      String clientSecret,
      String tenantId,
      String name,
      List<String> scopes,
      Instant createdAt) {
    @Override
    public String toString() {
      return "CreatedClientView[clientId=" + clientId + "]";
    }
  }

  record ClientList(List<ClientView> items) {}

  @PostMapping
  ResponseEntity<CreatedClientView> create(
      TenantId tenant, @AuthenticationPrincipal Jwt jwt, @RequestBody @Nullable NewClient request) {
    var created =
        service.create(tenant.value(), request, Scopes.split(jwt.getClaimAsString("scope")));
    var client = created.client();
    return ResponseEntity.created(URI.create("/api/v1/oauth-clients/" + client.clientId()))
        .cacheControl(CacheControl.noStore())
        .body(
            new CreatedClientView(
                client.clientId(),
                created.secret(),
                client.tenantId(),
                client.name(),
                List.copyOf(new TreeSet<>(client.scopes())),
                client.createdAt()));
  }

  @GetMapping
  ClientList list(TenantId tenant) {
    return new ClientList(service.list(tenant.value()).stream().map(ClientView::of).toList());
  }

  /** Revokes the client: no new tokens, and its issued tokens are refused at the gateway. */
  @DeleteMapping("/{clientId}")
  ResponseEntity<Void> revoke(TenantId tenant, @PathVariable String clientId) {
    service.revoke(tenant.value(), clientId);
    return ResponseEntity.noContent().build();
  }
}
