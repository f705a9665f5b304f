package io.ledgerline.apikey.key;

import io.ledgerline.apikey.key.KeyViews.CreateKeyRequest;
import io.ledgerline.apikey.key.KeyViews.CreatedKeyView;
import io.ledgerline.apikey.key.KeyViews.KeyList;
import io.ledgerline.apikey.key.KeyViews.KeyView;
import java.net.URI;
import java.util.Set;
import java.util.UUID;
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
 * A tenant's own keys; the tenant always comes from the token's {@code tenant_id}, never from the
 * request.
 */
@RestController
@RequestMapping("/api/v1/api-keys")
class ApiKeyController {

  private final ApiKeyService service;

  ApiKeyController(ApiKeyService service) {
    this.service = service;
  }

  @PostMapping
  ResponseEntity<CreatedKeyView> create(
      @AuthenticationPrincipal Jwt jwt, @RequestBody CreateKeyRequest request) {
    var created = service.create(tenantOf(jwt), request.toNewKey(), scopesOf(jwt));
    return ResponseEntity.created(URI.create("/api/v1/api-keys/" + created.key().id()))
        .cacheControl(CacheControl.noStore())
        .body(CreatedKeyView.of(created));
  }

  @GetMapping
  KeyList list(@AuthenticationPrincipal Jwt jwt) {
    return new KeyList(service.list(tenantOf(jwt)).stream().map(KeyView::of).toList());
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> revoke(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
    service.revoke(tenantOf(jwt), id);
    return ResponseEntity.noContent().build();
  }

  static String tenantOf(Jwt jwt) {
    String tenant = jwt.getClaimAsString("tenant_id");
    if (tenant == null || tenant.isBlank()) {
      throw KeyProblem.notATenantToken();
    }
    return tenant;
  }

  static Set<String> scopesOf(Jwt jwt) {
    return Scopes.split(jwt.getClaimAsString("scope"));
  }
}
