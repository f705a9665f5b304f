package io.ledgerline.connector.sync;

import io.ledgerline.events.SyncRequest;
import io.ledgerline.events.Topics;
import io.ledgerline.platform.outbox.Outbox;
import io.ledgerline.platforms.api.ApiContext;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Use case: the parked requests of connections that are active again go back on {@code
 * integrations.sync-requests.v1} through the outbox, in the transaction that deletes them, oldest
 * first; the consumer then fetches them like any other (and dead-letters what can never succeed).
 */
@Service
class ResumeParkedRequests {

  private static final Logger log = LoggerFactory.getLogger(ResumeParkedRequests.class);
  private static final int BATCH = 500;

  private final ParkedRequests parked;
  private final ConnectionAccess connections;
  private final Outbox outbox;
  private final TransactionTemplate tx;

  ResumeParkedRequests(
      ParkedRequests parked, ConnectionAccess connections, Outbox outbox, TransactionTemplate tx) {
    this.parked = parked;
    this.connections = connections;
    this.outbox = outbox;
    this.tx = tx;
  }

  /** Resumes what can be resumed; returns how many requests went back. */
  int resume() {
    int resumed = 0;
    for (UUID connectionId : parked.connections()) {
      SyncedConnection connection = connections.find(connectionId).orElse(null);
      if (connection == null || !connection.active()) {
        continue;
      }
      String platform = platformSymbol(connection);
      List<SyncRequest> requests = parked.resumable(platform, connectionId, BATCH);
      for (SyncRequest request : requests) {
        Boolean moved =
            tx.execute(
                status -> {
                  if (!parked.delete(request.getEventId())) {
                    return false;
                  }
                  outbox.append(
                      Topics.SYNC_REQUESTS,
                      Topics.sourceKey(
                          request.getTenantId(), request.getPlatform(), request.getExternalId()),
                      request);
                  return true;
                });
        if (Boolean.TRUE.equals(moved)) {
          resumed++;
        }
      }
      if (!requests.isEmpty()) {
        log.info("Resumed {} parked sync requests of connection {}", requests.size(), connectionId);
      }
    }
    return resumed;
  }

  private static String platformSymbol(SyncedConnection connection) {
    return new ApiContext(
            connection.tenantId(),
            connection.id(),
            connection.platform(),
            null,
            null,
            io.ledgerline.platforms.mapping.ConnectionMapping.DEFAULT)
        .platformEnum()
        .name();
  }
}
