package io.ledgerline.sync.client;

import java.util.Optional;

/** The tenant's clients, as stored. Every lookup is within one tenant. */
public interface Clients {

  Optional<Client> findByEmail(String tenantId, String email);

  Optional<Client> findByExternalId(String tenantId, String platform, String externalCustomerId);

  /** Inserts a new client or updates an existing one (same id). */
  void save(Client client);
}
