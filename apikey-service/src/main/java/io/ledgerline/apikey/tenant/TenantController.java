package io.ledgerline.apikey.tenant;

import io.ledgerline.apikey.tenant.TenantAdministration.NewTenant;
import io.ledgerline.apikey.tenant.TenantAdministration.TenantChange;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators (scope {@code admin}) manage tenants. The gateway routes {@code /admin/**} only for an
 * operator's token.
 */
@RestController
@RequestMapping("/admin/tenants")
class TenantController {

  private final TenantAdministration tenants;

  TenantController(TenantAdministration tenants) {
    this.tenants = tenants;
  }

  record TenantList(List<Tenant> items) {}

  @PostMapping
  ResponseEntity<Tenant> create(@RequestBody @Nullable NewTenant request) {
    var tenant = tenants.create(request);
    return ResponseEntity.created(URI.create("/admin/tenants/" + tenant.id())).body(tenant);
  }

  @GetMapping
  TenantList list() {
    return new TenantList(tenants.all());
  }

  @GetMapping("/{tenantId}")
  Tenant get(@PathVariable String tenantId) {
    return tenants.get(tenantId);
  }

  /** {@code {"status": "SUSPENDED"}} stops every key and token of the tenant at once. */
  @PatchMapping("/{tenantId}")
  Tenant change(@PathVariable String tenantId, @RequestBody @Nullable TenantChange change) {
    return tenants.change(tenantId, change);
  }
}
