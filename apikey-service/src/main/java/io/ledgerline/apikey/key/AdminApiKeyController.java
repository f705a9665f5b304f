package io.ledgerline.apikey.key;

import io.ledgerline.apikey.key.KeyViews.CreateKeyRequest;
import io.ledgerline.apikey.key.KeyViews.CreatedKeyView;
import java.net.URI;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Operators (scope {@code admin}) create a tenant's first key; not routed by the gateway. */
@RestController
class AdminApiKeyController {

  private final ApiKeyService service;

  AdminApiKeyController(ApiKeyService service) {
    this.service = service;
  }

  @PostMapping("/admin/tenants/{tenantId}/api-keys")
  ResponseEntity<CreatedKeyView> createFirstKey(
      @PathVariable String tenantId, @RequestBody CreateKeyRequest request) {
    // An operator may grant any tenant scope.
    var created = service.create(tenantId, request.toNewKey(), Scopes.TENANT_SCOPES);
    return ResponseEntity.created(URI.create("/api/v1/api-keys/" + created.key().id()))
        .cacheControl(CacheControl.noStore())
        .body(CreatedKeyView.of(created));
  }
}
