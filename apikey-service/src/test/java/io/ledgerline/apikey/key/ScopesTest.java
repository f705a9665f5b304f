package io.ledgerline.apikey.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopesTest {

  @Test
  void aNewKeyGetsTheRequestedScopesWhenTheCreatorHoldsThem() {
    var scopes =
        Scopes.forNewKey(
            List.of("invoices:read"), Set.of("invoices:read", "apikeys:write", "apikeys:read"));

    assertThat(scopes).containsExactly("invoices:read");
  }

  @Test
  void aNewKeyWithoutRequestedScopesGetsTheCreatorsTenantScopes() {
    var scopes = Scopes.forNewKey(null, Set.of("invoices:read", "apikeys:write", "internal"));

    assertThat(scopes).containsExactlyInAnyOrder("invoices:read", "apikeys:write");
  }

  @Test
  void aKeyCannotCarryMoreThanItsCreatorHolds() {
    assertThatThrownBy(
            () ->
                Scopes.forNewKey(
                    List.of("invoices:read", "connections:write"),
                    Set.of("invoices:read", "apikeys:write")))
        .isInstanceOf(Scopes.ScopeNotGrantable.class)
        .hasMessageContaining("connections:write");
  }

  @Test
  void aTenantKeyNeverCarriesServiceScopes() {
    assertThatThrownBy(() -> Scopes.forNewKey(List.of("admin"), Set.of("admin")))
        .isInstanceOf(Scopes.ScopeNotGrantable.class);
    assertThatThrownBy(() -> Scopes.forNewKey(List.of("internal"), Scopes.TENANT_SCOPES))
        .isInstanceOf(Scopes.ScopeNotGrantable.class);
  }

  @Test
  void splitsAndJoinsTheScopeClaim() {
    assertThat(Scopes.split(" b  a b ")).containsExactlyInAnyOrder("a", "b");
    assertThat(Scopes.split(null)).isEmpty();
    assertThat(Scopes.join(Set.of("b", "a"))).isEqualTo("a b");
  }
}
