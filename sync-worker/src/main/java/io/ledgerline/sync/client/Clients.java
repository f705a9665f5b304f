package io.ledgerline.sync.client;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The tenant's clients, as stored, with their matching keys (e-mails, one id per platform). Every
 * lookup is within one tenant; a lookup by a key finds the client that holds it now (a merged
 * client's keys belong to the survivor).
 */
public interface Clients {

  Optional<Client> findById(String tenantId, UUID id);

  /** The client, its row locked until the transaction ends (merges lock the clients they join). */
  Optional<Client> lockById(String tenantId, UUID id);

  Optional<Client> findByEmail(String tenantId, String email);

  Optional<Client> findByExternalId(String tenantId, String platform, String externalCustomerId);

  /** The tenant's walk-in client, if it has one yet. */
  Optional<Client> findWalkIn(String tenantId);

  /** Inserts a new client or updates an existing one (same id). */
  void save(Client client);

  /**
   * Gives the client these keys (a key it holds already is kept as is).
   *
   * @throws ClientRaceLost when another client holds one of them: a concurrent transaction took it
   *     after this one looked it up
   */
  void addKeys(Client client, String email, String platform, String externalCustomerId);

  /**
   * Merges one client into another: its keys and its own merged clients move to the survivor, it is
   * marked merged, and the merge is recorded with its reason.
   */
  void merge(String tenantId, UUID mergedId, UUID intoId, String reason);

  /** The e-mails and platform ids a client holds. */
  Keys keysOf(String tenantId, UUID id);

  record Keys(List<String> emails, List<Identity> identities) {}

  record Identity(String platform, String externalId) {}
}
