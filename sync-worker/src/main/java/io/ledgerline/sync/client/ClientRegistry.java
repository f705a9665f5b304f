package io.ledgerline.sync.client;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Finds or creates the client for a buyer: by e-mail (the one identity that holds across platforms)
 * and by the platform's customer id. When the e-mail belongs to one client and the customer id to
 * another, the sale proves they are one buyer: the customer id's client is merged into the
 * e-mail's, and the merge recorded. A buyer with no e-mail, no customer id and no details at all is
 * the tenant's one walk-in client. A found client takes the newer details and the keys it did not
 * hold. Runs inside the caller's transaction. Each key names one client in the database (unique per
 * tenant and e-mail, per tenant, platform and customer id): when a concurrent transaction took a
 * key first, or merged one of the clients, this one gets {@link ClientRaceLost} and the caller runs
 * it again in a new transaction, which finds the winner's client.
 */
public final class ClientRegistry {

  private final Clients clients;
  private final Supplier<UUID> ids;

  public ClientRegistry(Clients clients, Supplier<UUID> ids) {
    this.clients = clients;
    this.ids = ids;
  }

  public ClientRegistry(Clients clients) {
    this(clients, UUID::randomUUID);
  }

  public Client register(String tenantId, Customer customer) {
    String email = customer.details().email();
    Optional<Client> byEmail =
        email == null ? Optional.empty() : clients.findByEmail(tenantId, email);
    Optional<Client> byId =
        customer.externalId() == null
            ? Optional.empty()
            : clients.findByExternalId(tenantId, customer.platform(), customer.externalId());
    if (byEmail.isEmpty() && byId.isEmpty() && customer.isAnonymous()) {
      return walkIn(tenantId);
    }
    if (byEmail.isPresent() && byId.isPresent() && !byEmail.get().id().equals(byId.get().id())) {
      lockUnmerged(tenantId, byId.get().id(), byEmail.get().id());
      clients.merge(
          tenantId,
          byId.get().id(),
          byEmail.get().id(),
          "a "
              + customer.platform()
              + " sale named e-mail "
              + email
              + " and customer id "
              + customer.externalId());
    }
    Client client =
        byEmail
            .or(() -> byId)
            .map(found -> found.updatedWith(customer))
            .orElseGet(
                () ->
                    new Client(
                        ids.get(),
                        tenantId,
                        customer.platform(),
                        customer.externalId(),
                        customer.details()));
    clients.save(client);
    clients.addKeys(client, email, customer.platform(), customer.externalId());
    return client;
  }

  /**
   * Merges a client into another by hand: the survivor takes its keys and future invoices; issued
   * invoices keep their buyer.
   */
  public Client merge(String tenantId, UUID mergedId, UUID intoId) {
    if (mergedId.equals(intoId)) {
      throw new ClientRule("a client cannot be merged into itself");
    }
    List<Client> locked = lockInOrder(tenantId, mergedId, intoId);
    Client merged = locked.get(0);
    Client into = locked.get(1);
    if (merged.mergedInto() != null) {
      throw new ClientRule(
          "client " + mergedId + " was already merged into " + merged.mergedInto());
    }
    if (into.mergedInto() != null) {
      throw new ClientRule("client " + intoId + " was merged into " + into.mergedInto());
    }
    if (merged.walkIn() || into.walkIn()) {
      throw new ClientRule("the walk-in client cannot be merged");
    }
    clients.merge(tenantId, mergedId, intoId, "merged through the API");
    return into;
  }

  /**
   * Locks both clients and checks that neither was merged since it was looked up: a concurrent sale
   * that merged one of them first makes this one run again.
   */
  private void lockUnmerged(String tenantId, UUID mergedId, UUID intoId) {
    for (Client client : lockInOrder(tenantId, mergedId, intoId)) {
      if (client.mergedInto() != null) {
        throw new ClientRaceLost(
            "client " + client.id() + " was merged into " + client.mergedInto() + " meanwhile");
      }
    }
  }

  /**
   * Both clients locked in id order (so two merges of one pair cannot deadlock), answered as asked:
   * {@code [merged, into]}.
   */
  private List<Client> lockInOrder(String tenantId, UUID mergedId, UUID intoId) {
    boolean mergedFirst = mergedId.compareTo(intoId) < 0;
    Client first =
        clients
            .lockById(tenantId, mergedFirst ? mergedId : intoId)
            .orElseThrow(ClientNotFound::new);
    Client second =
        clients
            .lockById(tenantId, mergedFirst ? intoId : mergedId)
            .orElseThrow(ClientNotFound::new);
    return mergedFirst ? List.of(first, second) : List.of(second, first);
  }

  private Client walkIn(String tenantId) {
    return clients
        .findWalkIn(tenantId)
        .orElseGet(
            () -> {
              Client walkIn =
                  new Client(
                      ids.get(),
                      tenantId,
                      "LEDGERLINE",
                      null,
                      ClientDetails.cleaned(Client.WALK_IN_NAME, null, null, null, null),
                      null,
                      true);
              clients.save(walkIn);
              return walkIn;
            });
  }

  /** No such client in this tenant. */
  public static final class ClientNotFound extends RuntimeException {
    public ClientNotFound() {
      super("No such client.");
    }
  }

  /** A merge that breaks a rule. */
  public static final class ClientRule extends RuntimeException {
    public ClientRule(String reason) {
      super(reason);
    }
  }
}
