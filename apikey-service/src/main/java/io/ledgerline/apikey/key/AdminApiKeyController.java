package io.ledgerline.apikey.key;

import io.ledgerline.apikey.key.KeyViews.CreateKeyRequest;
import io.ledgerline.apikey.key.KeyViews.CreatedKeyView;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators (scope {@code admin}) create a tenant's first key; a tenant id without a record yet
 * becomes a tenant on the default plan. The gateway routes it only for an operator's token.
 */
@RestController
class AdminApiKeyController {

  private final ApiKeyService service;

  AdminApiKeyController(ApiKeyService service) {
    this.service = service;
  }

  @PostMapping("/admin/tenants/{tenantId}/api-keys")
  ResponseEntity<CreatedKeyView> createFirstKey(
      @PathVariable String tenantId, @RequestBody @Nullable CreateKeyRequest request) {
    var created = service.createAsOperator(tenantId, request == null ? null : request.toNewKey());
    return ResponseEntity.created(URI.create("/api/v1/api-keys/" + created.key().id()))
        .cacheControl(CacheControl.noStore())
        .body(CreatedKeyView.of(created));
  }
}
