package io.ledgerline.connector.sync;

import io.ledgerline.platforms.Platforms;
import io.ledgerline.platforms.api.PlatformApi;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: a tenant asks for a historical sync of a connection (or of all its connections) from a
 * date; it is queued with a cursor per object type, and a replica's {@link SyncRunner} runs it.
 */
@Service
class StartSync {

  private final ConnectionAccess connections;
  private final ApiClients clients;
  private final Syncs syncs;
  private final Clock clock;

  StartSync(ConnectionAccess connections, ApiClients clients, Syncs syncs, Clock clock) {
    this.connections = connections;
    this.clients = clients;
    this.syncs = syncs;
    this.clock = clock;
  }

  /**
   * @param objects the object types to pull; null or empty: every type the platform pulls
   */
  @Transactional
  Sync start(
      String tenantId, UUID connectionId, @Nullable Instant since, @Nullable List<String> objects) {
    SyncedConnection connection =
        connections
            .find(connectionId)
            .filter(c -> c.tenantId().equals(tenantId))
            .orElseThrow(() -> SyncProblems.connectionNotFound(connectionId));
    Instant from = since(since);
    if (!JdbcConnectionAccess.pulls(connection)) {
      throw SyncProblems.notSyncable(
          connection.platform() + " connections cannot be pulled (webhooks only)");
    }
    if (!connection.active()) {
      throw SyncProblems.notSyncable("the connection is " + connection.status());
    }
    if (!clients.hasApiAccess(connection)) {
      throw SyncProblems.notSyncable(
          "the connection has no API access: connect it by OAuth2 or with an API token");
    }
    return queue(connection, from, objects);
  }

  /** A historical sync of each of the tenant's connections that can be synced. */
  @Transactional
  List<Sync> startAll(String tenantId, @Nullable Instant since, @Nullable List<String> objects) {
    Instant from = since(since);
    List<Sync> started = new ArrayList<>();
    for (SyncedConnection connection : connections.syncable(tenantId)) {
      PlatformApi api = Platforms.installed().get(connection.platform()).api();
      List<String> types =
          objects == null || objects.isEmpty()
              ? null
              : objects.stream().filter(api.pullTypes()::contains).toList();
      if (types != null && types.isEmpty()) {
        continue;
      }
      started.add(queue(connection, from, types));
    }
    return started;
  }

  private Sync queue(SyncedConnection connection, Instant since, @Nullable List<String> objects) {
    PlatformApi api = Platforms.installed().get(connection.platform()).api();
    List<String> types = objects == null || objects.isEmpty() ? api.pullTypes() : objects;
    for (int i = 0; i < types.size(); i++) {
      if (!api.pullTypes().contains(types.get(i))) {
        throw SyncProblems.invalid(
            "objects[" + i + "]",
            connection.platform()
                + " pulls "
                + String.join(", ", api.pullTypes())
                + ", not "
                + types.get(i));
      }
    }
    UUID id = UUID.randomUUID();
    Sync sync =
        new Sync(
            id,
            connection.tenantId(),
            connection.id(),
            Sync.Kind.HISTORICAL,
            since,
            List.copyOf(types),
            Sync.Status.QUEUED,
            Sync.Counts.NONE,
            null,
            clock.instant(),
            null,
            null);
    syncs.add(
        sync,
        types.stream()
            .distinct()
            .map(t -> new Syncs.Position(id, t, api.start(t, since), false))
            .toList());
    return sync;
  }

  private Instant since(@Nullable Instant since) {
    if (since == null) {
      throw SyncProblems.invalid(
          "since", "since is required: the time from which to sync (ISO-8601)");
    }
    if (since.isAfter(clock.instant())) {
      throw SyncProblems.invalid("since", "since is in the future");
    }
    return since;
  }
}
