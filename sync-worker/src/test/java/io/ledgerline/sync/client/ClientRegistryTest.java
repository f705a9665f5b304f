package io.ledgerline.sync.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  void aBuyerKnownOnlyByNameIsANewClientEachTime() {
    Client first = registry.register("t1", customer("CLOVER", null, "Sam", null));
    Client second = registry.register("t1", customer("CLOVER", null, "Sam", null));

    assertThat(second.id()).isNotEqualTo(first.id());
  }

  @Test
  void anonymousSalesAllGoToTheTenantsOneWalkInClient() {
    Client first = registry.register("t1", customer("SQUARE", null, null, null));
    Client second = registry.register("t1", customer("CLOVER", null, " ", null));
    Client otherTenant = registry.register("t2", customer("SQUARE", null, null, null));

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(first.walkIn()).isTrue();
    assertThat(first.details().name()).isEqualTo(Client.WALK_IN_NAME);
    assertThat(otherTenant.id()).isNotEqualTo(first.id());
  }

  @Test
  void aSaleThatLinksTwoClientsMergesTheCustomerIdsClientIntoTheEmailsOne() {
    // Regression: this used to dead-letter the sale (the customer id was already another
    // client's).
    Client byEmail = registry.register("t1", customer("SHOPIFY", null, "Ada", "ada@example.com"));
    Client byId = registry.register("t1", customer("SQUARE", "sq-9", "A. Lovelace", null));

    Client linked =
        registry.register("t1", customer("SQUARE", "sq-9", "Ada Lovelace", "ada@example.com"));

    assertThat(linked.id()).isEqualTo(byEmail.id());
    assertThat(clients.rows.get(byId.id()).mergedInto()).isEqualTo(byEmail.id());
    assertThat(clients.merges).hasSize(1);
    assertThat(registry.register("t1", customer("SQUARE", "sq-9", null, null)).id())
        .isEqualTo(byEmail.id());
  }

  @Test
  void aKeyAnotherClientTookAfterTheLookupIsALostRaceNotASecondClientWithoutIt() {
    // What a concurrent transaction does: it commits the buyer's client between this one's lookup
    // (which found nothing) and its insert of the e-mail key.
    Client winner = registry.register("t1", customer("HUBSPOT", null, "Ada", "ada@example.com"));
    InMemoryClients stale =
        new InMemoryClients() {
          @Override
          public Optional<Client> findByEmail(String tenantId, String email) {
            return Optional.empty();
          }
        };
    stale.copy(clients);

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new ClientRegistry(stale)
                    .register("t1", customer("SHOPIFY", "c-1", "Ada", "ada@example.com")))
        .isInstanceOf(ClientRaceLost.class)
        .hasMessageContaining(winner.id().toString());
  }

  @Test
  void aSaleLinkingAClientThatWasMergedMeanwhileIsALostRace() {
    Client byEmail = registry.register("t1", customer("SHOPIFY", null, "Ada", "ada@example.com"));
    Client byId = registry.register("t1", customer("SQUARE", "sq-9", "A. Lovelace", null));
    InMemoryClients meanwhile =
        new InMemoryClients() {
          @Override
          public Optional<Client> lockById(String tenantId, UUID id) {
            // Another sale merged the customer id's client into a third one first.
            return super.lockById(tenantId, id)
                .map(
                    c ->
                        c.id().equals(byId.id())
                            ? new Client(
                                c.id(),
                                c.tenantId(),
                                c.platform(),
                                c.externalCustomerId(),
                                c.details(),
                                UUID.randomUUID(),
                                false)
                            : c);
          }
        };
    meanwhile.copy(clients);

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new ClientRegistry(meanwhile)
                    .register("t1", customer("SQUARE", "sq-9", "Ada", "ada@example.com")))
        .isInstanceOf(ClientRaceLost.class)
        .hasMessageContaining("meanwhile");
    assertThat(meanwhile.merges).isEmpty();
  }

  @Test
  void aMergeByHandMovesTheKeysAndRefusesWhatMakesNoSense() {
    Client ada = registry.register("t1", customer("SHOPIFY", "s-1", "Ada", "ada@example.com"));
    Client other = registry.register("t1", customer("SQUARE", "sq-1", "Ada L", "ada@work.example"));

    registry.merge("t1", other.id(), ada.id());

    assertThat(registry.register("t1", customer("SQUARE", null, null, "ada@work.example")).id())
        .isEqualTo(ada.id());
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> registry.merge("t1", other.id(), ada.id()))
        .isInstanceOf(ClientRegistry.ClientRule.class)
        .hasMessageContaining("already merged");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> registry.merge("t1", ada.id(), ada.id()))
        .isInstanceOf(ClientRegistry.ClientRule.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> registry.merge("t2", ada.id(), other.id()))
        .isInstanceOf(ClientRegistry.ClientNotFound.class);
  }

  private static Customer customer(String platform, String id, String name, String email) {
    return new Customer(platform, id, ClientDetails.cleaned(name, email, null, null, null));
  }

  /** Behaves like the tables: clients by id, keys naming one client each, within a tenant. */
  static class InMemoryClients implements Clients {
    final Map<UUID, Client> rows = new LinkedHashMap<>();
    final Map<String, UUID> keys = new LinkedHashMap<>();
    final List<String> merges = new ArrayList<>();

    @Override
    public Optional<Client> findById(String tenantId, UUID id) {
      return Optional.ofNullable(rows.get(id)).filter(c -> c.tenantId().equals(tenantId));
    }

    @Override
    public Optional<Client> lockById(String tenantId, UUID id) {
      return findById(tenantId, id);
    }

    @Override
    public Optional<Client> findByEmail(String tenantId, String email) {
      return Optional.ofNullable(keys.get(tenantId + "|email|" + email)).map(rows::get);
    }

    @Override
    public Optional<Client> findByExternalId(String tenantId, String platform, String externalId) {
      return Optional.ofNullable(keys.get(tenantId + "|" + platform + "|" + externalId))
          .map(rows::get);
    }

    @Override
    public Optional<Client> findWalkIn(String tenantId) {
      return rows.values().stream()
          .filter(c -> c.tenantId().equals(tenantId) && c.walkIn())
          .findFirst();
    }

    @Override
    public void save(Client client) {
      rows.put(client.id(), client);
    }

    @Override
    public void addKeys(Client client, String email, String platform, String externalId) {
      if (email != null) {
        addKey(client, client.tenantId() + "|email|" + email);
      }
      if (externalId != null) {
        addKey(client, client.tenantId() + "|" + platform + "|" + externalId);
      }
    }

    private void addKey(Client client, String key) {
      UUID holder = keys.putIfAbsent(key, client.id());
      if (holder != null && !holder.equals(client.id())) {
        throw new ClientRaceLost(key + " is held by " + holder);
      }
    }

    @Override
    public void merge(String tenantId, UUID mergedId, UUID intoId, String reason) {
      keys.replaceAll(
          (key, id) -> key.startsWith(tenantId + "|") && id.equals(mergedId) ? intoId : id);
      rows.replaceAll(
          (id, c) ->
              id.equals(mergedId) || mergedId.equals(c.mergedInto())
                  ? new Client(
                      c.id(),
                      c.tenantId(),
                      c.platform(),
                      c.externalCustomerId(),
                      c.details(),
                      intoId,
                      c.walkIn())
                  : c);
      merges.add(mergedId + "->" + intoId + ": " + reason);
    }

    @Override
    public Keys keysOf(String tenantId, UUID id) {
      return new Keys(List.of(), List.of());
    }

    void copy(InMemoryClients other) {
      rows.putAll(other.rows);
      keys.putAll(other.keys);
    }

    List<Client> all() {
      return new ArrayList<>(rows.values());
    }
  }
}
