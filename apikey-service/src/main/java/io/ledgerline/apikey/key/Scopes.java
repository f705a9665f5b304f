package io.ledgerline.apikey.key;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The scopes a tenant's API key may carry, and the rule that nobody hands out more than they hold.
 */
public final class Scopes {

  public static final Set<String> TENANT_SCOPES =
      Set.of(
          "invoices:read",
          "invoices:write",
          "settings:read",
          "settings:write",
          "clients:read",
          "clients:write",
          "connections:read",
          "connections:write",
          "apikeys:read",
          "apikeys:write",
          "webhooks:read",
          "webhooks:replay",
          "webhooks:retention",
          "dead-letters:read",
          "dead-letters:reprocess",
          "oauthclients:read",
          "oauthclients:write");

  private Scopes() {}

  /**
   * The scopes for a new key: the requested ones, or when none are named, every tenant scope the
   * granter holds.
   *
   * @param granterScopes what the caller holds; an operator creating a tenant's first key holds
   *     every tenant scope
   */
  public static Set<String> forNewKey(
      @Nullable Collection<String> requested, Collection<String> granterScopes) {
    var grantable = new TreeSet<>(granterScopes);
    grantable.retainAll(TENANT_SCOPES);
    if (requested == null || requested.isEmpty()) {
      if (grantable.isEmpty()) {
        throw new ScopeNotGrantable(List.of(), "the caller holds no tenant scope to grant");
      }
      return Set.copyOf(grantable);
    }
    var unknown = new TreeSet<>(requested);
    unknown.removeAll(TENANT_SCOPES);
    if (!unknown.isEmpty()) {
      throw new ScopeNotGrantable(List.copyOf(unknown), "not tenant scopes: " + unknown);
    }
    var notHeld = new TreeSet<>(requested);
    notHeld.removeAll(grantable);
    if (!notHeld.isEmpty()) {
      throw new ScopeNotGrantable(
          List.copyOf(notHeld), "a key cannot carry scopes its creator does not hold: " + notHeld);
    }
    return Set.copyOf(new LinkedHashSet<>(requested));
  }

  public static String join(Collection<String> scopes) {
    return String.join(" ", new TreeSet<>(scopes));
  }

  public static Set<String> split(@Nullable String scopes) {
    if (scopes == null || scopes.isBlank()) {
      return Set.of();
    }
    return Set.copyOf(Arrays.asList(scopes.trim().split("\\s+")));
  }

  public static final class ScopeNotGrantable extends RuntimeException {
    private final List<String> scopes;

    ScopeNotGrantable(List<String> scopes, String message) {
      super(message);
      this.scopes = scopes;
    }

    List<String> scopes() {
      return scopes;
    }
  }
}
