package io.ledgerline.sync.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClientRegistryTest {

  private final InMemoryClients clients = new InMemoryClients();
  private final ClientRegistry registry = new ClientRegistry(clients);

  @Test
  void createsAClientForAnUnknownBuyer() {
    Client client = registry.register("t1", customer("SHOPIFY", "c-1", "Ada", "ada@example.com"));

    assertThat(clients.all()).containsExactly(client);
    assertThat(client.tenantId()).isEqualTo("t1");
    assertThat(client.platform()).isEqualTo("SHOPIFY");
    assertThat(client.externalCustomerId()).isEqualTo("c-1");
    assertThat(client.details().email()).isEqualTo("ada@example.com");
  }

  @Test
  void matchesByEmailAcrossPlatformsAndCustomerIds() {
    Client first = registry.register("t1", customer("SHOPIFY", "c-1", "Ada", "ada@example.com"));

    Client second =
        registry.register("t1", customer("SQUARE", "sq-9", "Ada L.", " ADA@example.com "));

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(clients.all()).hasSize(1);
    assertThat(second.details().name()).isEqualTo("Ada L.");
    // The first customer id stays: it is what identifies the client on its first platform.
    assertThat(second.externalCustomerId()).isEqualTo("c-1");
  }

  @Test
  void matchesByThePlatformsCustomerIdWhenThereIsNoEmail() {
    Client first = registry.register("t1", customer("SQUARE", "sq-9", "Bob", null));

    Client second = registry.register("t1", customer("SQUARE", "sq-9", "Bob Builder", null));

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(second.details().name()).isEqualTo("Bob Builder");
  }

  @Test
  void matchesByCustomerIdWhenTheEmailIsNewAndLearnsTheEmail() {
    Client first = registry.register("t1", customer("SQUARE", "sq-9", "Bob", null));

    Client second = registry.register("t1", customer("SQUARE", "sq-9", null, "bob@example.com"));

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(second.details().email()).isEqualTo("bob@example.com");
    assertThat(second.details().name()).isEqualTo("Bob");
  }

  @Test
  void theSameCustomerIdOnAnotherPlatformIsAnotherClient() {
    Client square = registry.register("t1", customer("SQUARE", "42", "Bob", null));
    Client shopify = registry.register("t1", customer("SHOPIFY", "42", "Robert", null));

    assertThat(shopify.id()).isNotEqualTo(square.id());
  }

  @Test
  void neverMatchesAnotherTenantsClient() {
    Client mine = registry.register("t1", customer("SHOPIFY", "c-1", "Ada", "ada@example.com"));
    Client theirs = registry.register("t2", customer("SHOPIFY", "c-1", "Ada", "ada@example.com"));

    assertThat(theirs.id()).isNotEqualTo(mine.id());
    assertThat(theirs.tenantId()).isEqualTo("t2");
  }

  @Test
  void createsANewClientForABuyerWithNeitherEmailNorCustomerId() {
    Client first = registry.register("t1", customer("CLOVER", null, "Walk-in", null));
    Client second = registry.register("t1", customer("CLOVER", null, "Walk-in", null));

    assertThat(second.id()).isNotEqualTo(first.id());
  }

  private static Customer customer(String platform, String id, String name, String email) {
    return new Customer(platform, id, ClientDetails.cleaned(name, email, null, null, null));
  }

  /** Behaves like the table: unique by id, looked up within a tenant. */
  static final class InMemoryClients implements Clients {
    private final Map<UUID, Client> rows = new LinkedHashMap<>();

    @Override
    public Optional<Client> findByEmail(String tenantId, String email) {
      return rows.values().stream()
          .filter(c -> c.tenantId().equals(tenantId) && email.equals(c.details().email()))
          .findFirst();
    }

    @Override
    public Optional<Client> findByExternalId(String tenantId, String platform, String externalId) {
      return rows.values().stream()
          .filter(
              c ->
                  c.tenantId().equals(tenantId)
                      && platform.equals(c.platform())
                      && Objects.equals(externalId, c.externalCustomerId()))
          .findFirst();
    }

    @Override
    public void save(Client client) {
      rows.put(client.id(), client);
    }

    List<Client> all() {
      return new ArrayList<>(rows.values());
    }
  }
}
