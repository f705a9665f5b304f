package io.ledgerline.connector.sync;

import io.ledgerline.platforms.Platform;
import io.ledgerline.platforms.Platforms;
import io.ledgerline.platforms.api.ApiClient;
import io.ledgerline.platforms.api.ApiContext;
import io.ledgerline.platforms.api.ApiFailure;
import io.ledgerline.platforms.api.ApiUnavailable;
import io.ledgerline.platforms.api.ConnectionUnusable;
import io.ledgerline.platforms.api.Page;
import io.ledgerline.platforms.normalization.NormalizationFailed;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Use case: one connection's turn of pulling, under its lease: its open historical syncs first
 * (oldest first), then its due incremental streams, page by page, up to the turn's page budget.
 * Each page's events, cursor and counts are written in one transaction that also renews the lease,
 * so a replica killed at any point leaves the cursor at the last page it published, and a replica
 * that lost its lease writes nothing.
 */
@Service
class PullConnection {

  private static final Logger log = LoggerFactory.getLogger(PullConnection.class);

  private final ConnectionAccess connections;
  private final ApiContexts contexts;
  private final Syncs syncs;
  private final Streams streams;
  private final Leases leases;
  private final Publisher publisher;
  private final TransactionTemplate tx;
  private final SyncSettings settings;
  private final Clock clock;
  private final SyncMetrics metrics;

  PullConnection(
      ConnectionAccess connections,
      ApiContexts contexts,
      Syncs syncs,
      Streams streams,
      Leases leases,
      Publisher publisher,
      TransactionTemplate tx,
      SyncSettings settings,
      Clock clock,
      SyncMetrics metrics) {
    this.connections = connections;
    this.contexts = contexts;
    this.syncs = syncs;
    this.streams = streams;
    this.leases = leases;
    this.publisher = publisher;
    this.tx = tx;
    this.settings = settings;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** The lease was taken over by another replica: stop without writing. */
  static final class LeaseLost extends RuntimeException {
    LeaseLost(UUID connectionId) {
      super("lease of connection " + connectionId + " lost");
    }
  }

  /** Runs the connection's turn if this holder gets its lease; false when another holds it. */
  boolean turn(UUID connectionId, String holder) {
    if (!leases.acquire(connectionId, holder, clock.instant(), settings.lease())) {
      return false;
    }
    try {
      Optional<SyncedConnection> found = connections.find(connectionId);
      if (found.isEmpty()) {
        return true;
      }
      SyncedConnection connection = found.get();
      int budget = settings.maxPagesPerTurn();
      for (UUID syncId : syncs.open(connectionId)) {
        if (budget <= 0) {
          return true;
        }
        budget = historical(connection, syncId, holder, budget);
        if (syncs.open(connectionId).contains(syncId)) {
          // Still open: it waits (platform unavailable, re-authorization) or the budget ran out.
          return true;
        }
      }
      for (Streams.Stream stream : streams.due(connectionId, clock.instant())) {
        if (budget <= 0 || !connection.active()) {
          return true;
        }
        budget = incremental(connection, stream, holder, budget);
      }
      return true;
    } catch (LeaseLost e) {
      log.warn("{}: another replica took over", e.getMessage());
      return true;
    } finally {
      leases.release(connectionId, holder);
    }
  }

  private int historical(SyncedConnection connection, UUID syncId, String holder, int budget) {
    if (!connection.active()) {
      if (connection.waitsForPerson()) {
        syncs.noteError(syncId, "waiting: connection is " + connection.status());
      } else {
        syncs.finish(
            syncId, Sync.Status.FAILED, "connection is " + connection.status(), clock.instant());
        metrics.failed(connection.platform(), SyncMetrics.HISTORICAL);
      }
      return budget;
    }
    Platform platform = Platforms.installed().get(connection.platform());
    ApiClient client;
    try {
      client = connections.client(connection);
    } catch (ConnectionUnusable e) {
      return unusable(connection, syncId, e, budget);
    }
    ApiContext context = contexts.of(connection);
    while (budget > 0) {
      Optional<Syncs.Position> position = syncs.nextPosition(syncId);
      if (position.isEmpty()) {
        syncs.finish(syncId, Sync.Status.SUCCEEDED, null, clock.instant());
        metrics.succeeded(connection.platform(), SyncMetrics.HISTORICAL);
        log.info("Sync {} of connection {} succeeded", syncId, connection.id());
        return budget;
      }
      Syncs.Position at = position.get();
      Page page;
      try {
        page = platform.api().page(client, context, at.objectType(), at.cursor());
      } catch (ApiUnavailable e) {
        metrics.error(connection.platform(), "unavailable");
        syncs.noteError(syncId, "waiting: " + e.getMessage());
        return 0;
      } catch (ConnectionUnusable e) {
        return unusable(connection, syncId, e, budget);
      } catch (ApiFailure | NormalizationFailed | IllegalArgumentException e) {
        metrics.error(connection.platform(), "failure");
        metrics.failed(connection.platform(), SyncMetrics.HISTORICAL);
        syncs.finish(syncId, Sync.Status.FAILED, e.getMessage(), clock.instant());
        log.warn("Sync {} of connection {} failed: {}", syncId, connection.id(), e.getMessage());
        return budget;
      }
      budget--;
      Syncs.Position moved =
          new Syncs.Position(
              syncId, at.objectType(), page.last() ? page.restart() : page.next(), page.last());
      write(connection, holder, page, () -> syncs.advance(moved, counts(page), clock.instant()));
    }
    return budget;
  }

  private int incremental(
      SyncedConnection connection, Streams.Stream stream, String holder, int budget) {
    Platform platform = Platforms.installed().get(connection.platform());
    ApiClient client;
    try {
      client = connections.client(connection);
    } catch (ConnectionUnusable e) {
      log.info("Incremental pull of {} waits: {}", connection.id(), e.getMessage());
      streams.postpone(connection.id(), clock.instant().plus(settings.incrementalInterval()));
      return budget;
    }
    ApiContext context = contexts.of(connection);
    String cursor = stream.cursor();
    while (budget > 0) {
      Page page;
      try {
        page = platform.api().page(client, context, stream.objectType(), cursor);
      } catch (ApiUnavailable e) {
        metrics.error(connection.platform(), "unavailable");
        Duration wait = e.retryAfter().orElse(settings.pollInterval());
        streams.postpone(connection.id(), clock.instant().plus(wait));
        return 0;
      } catch (RuntimeException e) {
        metrics.error(connection.platform(), "failure");
        metrics.failed(connection.platform(), SyncMetrics.INCREMENTAL);
        log.warn(
            "Incremental pull of {} {} failed: {}",
            connection.id(),
            stream.objectType(),
            e.getMessage());
        streams.postpone(connection.id(), clock.instant().plus(settings.incrementalInterval()));
        return budget;
      }
      budget--;
      String next = page.last() ? page.restart() : page.next();
      write(
          connection,
          holder,
          page,
          () ->
              streams.advance(
                  connection.id(), stream.objectType(), next, page.last(), clock.instant()));
      if (page.last()) {
        metrics.succeeded(connection.platform(), SyncMetrics.INCREMENTAL);
        return budget;
      }
      cursor = next;
    }
    return budget;
  }

  private int unusable(SyncedConnection connection, UUID syncId, ConnectionUnusable e, int budget) {
    metrics.error(connection.platform(), "unusable");
    if (e.reauthorizable()) {
      syncs.noteError(syncId, "waiting for re-authorization: " + e.getMessage());
    } else {
      syncs.finish(syncId, Sync.Status.FAILED, e.getMessage(), clock.instant());
      metrics.failed(connection.platform(), SyncMetrics.HISTORICAL);
    }
    return budget;
  }

  private void write(SyncedConnection connection, String holder, Page page, Runnable cursorMove) {
    tx.executeWithoutResult(
        status -> {
          if (!leases.renew(connection.id(), holder, clock.instant(), settings.lease())) {
            throw new LeaseLost(connection.id());
          }
          publisher.publish(page.events());
          cursorMove.run();
        });
  }

  private static Sync.Counts counts(Page page) {
    return new Sync.Counts(page.fetched(), page.events().size(), page.skipped(), page.failed(), 1);
  }
}
