package io.ledgerline.sync.client;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Finds or creates the client for a buyer: first by e-mail (the one identity that holds across
 * platforms), else by the platform's customer id, else a new client. A found client takes the newer
 * details. Runs inside the caller's transaction; a concurrent insert of the same buyer fails on the
 * unique keys and the caller's retry then finds it.
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
    Client client =
        match(tenantId, customer)
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
    return client;
  }

  private Optional<Client> match(String tenantId, Customer customer) {
    String email = customer.details().email();
    if (email != null) {
      Optional<Client> byEmail = clients.findByEmail(tenantId, email);
      if (byEmail.isPresent()) {
        return byEmail;
      }
    }
    if (customer.externalId() != null) {
      return clients.findByExternalId(tenantId, customer.platform(), customer.externalId());
    }
    return Optional.empty();
  }
}
