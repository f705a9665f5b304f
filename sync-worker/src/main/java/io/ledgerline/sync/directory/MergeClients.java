package io.ledgerline.sync.directory;

import io.ledgerline.sync.client.Client;
import io.ledgerline.sync.client.ClientRegistry;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use case: a tenant merges one of its clients into another, in one transaction. */
@Service
class MergeClients {

  private final ClientRegistry registry;

  MergeClients(ClientRegistry registry) {
    this.registry = registry;
  }

  @Transactional
  Client merge(String tenantId, UUID mergedId, UUID intoId) {
    return registry.merge(tenantId, mergedId, intoId);
  }
}
