package io.ledgerline.apikey.key;

import io.ledgerline.apikey.key.KeyViews.CreateKeyRequest;
import io.ledgerline.apikey.key.KeyViews.CreatedKeyView;
import io.ledgerline.apikey.key.KeyViews.KeyList;
import io.ledgerline.apikey.key.KeyViews.KeyView;
import io.ledgerline.apikey.key.KeyViews.RotatedKeyView;
import io.ledgerline.apikey.key.KeyViews.RotationRequest;
import io.ledgerline.apikey.key.KeyViews.UsageView;
import io.ledgerline.platform.service.tenant.TenantId;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.bind.annotation.RequestParam;
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
      TenantId tenant,
      @AuthenticationPrincipal Jwt jwt,
      @RequestBody @Nullable CreateKeyRequest request) {
    var created =
        service.create(
            tenant.value(),
            request == null ? null : request.toNewKey(),
            Scopes.split(jwt.getClaimAsString("scope")));
    return ResponseEntity.created(URI.create("/api/v1/api-keys/" + created.key().id()))
        .cacheControl(CacheControl.noStore())
        .body(CreatedKeyView.of(created));
  }

  @GetMapping
  KeyList list(TenantId tenant) {
    return new KeyList(service.list(tenant.value()).stream().map(KeyView::of).toList());
  }

  @GetMapping("/{id}")
  KeyView get(TenantId tenant, @PathVariable UUID id) {
    return KeyView.of(service.get(tenant.value(), id));
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> revoke(TenantId tenant, @PathVariable UUID id) {
    service.revoke(tenant.value(), id);
    return ResponseEntity.noContent().build();
  }

  /** A new secret, shown once; the old one works until the overlap ends. */
  @PostMapping("/{id}/rotations")
  ResponseEntity<RotatedKeyView> rotate(
      TenantId tenant,
      @PathVariable UUID id,
      @RequestBody(required = false) @Nullable RotationRequest request) {
    var rotated = service.rotate(tenant.value(), id, request == null ? null : request.overlap());
    return ResponseEntity.status(201)
        .cacheControl(CacheControl.noStore())
        .body(RotatedKeyView.of(rotated));
  }

  /** Requests per UTC day as counted at the gateway (reported in batches, a few seconds late). */
  @GetMapping("/{id}/usage")
  UsageView usage(
      TenantId tenant,
      @PathVariable UUID id,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate to) {
    return UsageView.of(service.usage(tenant.value(), id, from, to));
  }
}
