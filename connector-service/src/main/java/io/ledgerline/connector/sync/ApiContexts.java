package io.ledgerline.connector.sync;

import io.ledgerline.connector.mapping.Mappings;
import io.ledgerline.platforms.api.ApiContext;
import org.springframework.stereotype.Component;

/** The API context of a connection: its account, currency and mapping. */
@Component
class ApiContexts {

  private final Mappings mappings;

  ApiContexts(Mappings mappings) {
    this.mappings = mappings;
  }

  ApiContext of(SyncedConnection connection) {
    return new ApiContext(
        connection.tenantId(),
        connection.id(),
        connection.platform(),
        connection.accountId(),
        connection.currency(),
        mappings.of(connection.id()));
  }
}
