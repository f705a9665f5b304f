package io.ledgerline.apikey.tenant;

import io.ledgerline.apikey.events.CredentialEvents;
import io.ledgerline.events.CredentialStatus;
import io.ledgerline.platform.service.problem.ProblemException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operators create, suspend, reactivate and re-plan tenants; the other features ask here whether a
 * tenant may act and on which plan.
 */
@Service
public class TenantAdministration {

  private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
  private static final int MAX_NAME_LENGTH = 200;

  record NewTenant(@Nullable String id, @Nullable String name, @Nullable String plan) {}

  record TenantChange(
      @Nullable String name, @Nullable TenantStatus status, @Nullable String plan) {}

  private final Tenants tenants;
  private final PlanSettings plans;
  private final CredentialEvents events;
  private final Clock clock;

  TenantAdministration(Tenants tenants, PlanSettings plans, CredentialEvents events, Clock clock) {
    this.tenants = tenants;
    this.plans = plans;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  Tenant create(@Nullable NewTenant request) {
    if (request == null || request.name() == null || request.name().isBlank()) {
      throw invalid("name is required");
    }
    String id = request.id() == null ? UUID.randomUUID().toString() : request.id();
    var now = clock.instant();
    var tenant =
        new Tenant(
            validId(id),
            validName(request.name()),
            TenantStatus.ACTIVE,
            validPlan(request.plan() == null ? plans.defaultPlan() : request.plan()),
            now,
            now);
    if (!tenants.addIfAbsent(tenant)) {
      throw new ProblemException(
          HttpStatus.CONFLICT, "conflict", "Conflict", "a tenant with this id exists: " + id);
    }
    return tenant;
  }

  /**
   * The tenant, created on the default plan if it does not exist yet: the operator route for a
   * tenant's first key predates tenant records and keeps working for new ids.
   */
  @Transactional
  public Tenant ensure(String tenantId) {
    var now = clock.instant();
    tenants.addIfAbsent(
        new Tenant(
            validId(tenantId), tenantId, TenantStatus.ACTIVE, plans.defaultPlan(), now, now));
    return tenants.withId(tenantId).orElseThrow();
  }

  @Transactional
  Tenant change(String tenantId, @Nullable TenantChange change) {
    if (change == null) {
      throw invalid("a body with name, status or plan is required");
    }
    var current = tenants.withIdForUpdate(tenantId).orElseThrow(() -> notFound(tenantId));
    var changed =
        new Tenant(
            current.id(),
            change.name() == null ? current.name() : validName(change.name()),
            change.status() == null ? current.status() : change.status(),
            change.plan() == null ? current.plan() : validPlan(change.plan()),
            current.createdAt(),
            clock.instant());
    tenants.update(changed);
    if (changed.status() != current.status() || !changed.plan().equals(current.plan())) {
      // A new plan reaches the gateway with the next token: cached exchanges are redone.
      events.tenant(
          tenantId,
          changed.isActive()
              ? (current.isActive() ? CredentialStatus.CHANGED : CredentialStatus.ACTIVE)
              : CredentialStatus.SUSPENDED);
    }
    return changed;
  }

  List<Tenant> all() {
    return tenants.all();
  }

  Tenant get(String tenantId) {
    return tenants.withId(tenantId).orElseThrow(() -> notFound(tenantId));
  }

  /** The tenant when it exists and is active; empty otherwise (its credentials must not work). */
  public Optional<Tenant> active(String tenantId) {
    return tenants.withId(tenantId).filter(Tenant::isActive);
  }

  private String validId(String id) {
    if (!TENANT_ID.matcher(id).matches()) {
      throw invalid(
          "a tenant id is 1 to 64 letters, digits, '-' or '_', starting with a letter or digit");
    }
    return id;
  }

  private static String validName(String name) {
    if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
      throw invalid("name is 1 to " + MAX_NAME_LENGTH + " characters");
    }
    return name.strip();
  }

  private String validPlan(String plan) {
    if (!plans.names().contains(plan)) {
      throw invalid("unknown plan '" + plan + "'; plans: " + plans.names());
    }
    return plan;
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(
        HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
  }

  private static ProblemException notFound(String tenantId) {
    return new ProblemException(
        HttpStatus.NOT_FOUND, "not-found", "Not found", "no tenant " + tenantId);
  }
}
