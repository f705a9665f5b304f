package io.ledgerline.connector.sync;

import io.ledgerline.events.SyncRequest;
import io.ledgerline.platform.service.failure.TransientFailure;
import io.ledgerline.platform.service.kafka.PermanentFailure;
import io.ledgerline.platforms.Platform;
import io.ledgerline.platforms.Platforms;
import io.ledgerline.platforms.api.ApiFailure;
import io.ledgerline.platforms.api.ApiUnavailable;
import io.ledgerline.platforms.api.ConnectionUnusable;
import io.ledgerline.platforms.api.Fetched;
import io.ledgerline.platforms.api.ObjectGone;
import io.ledgerline.platforms.api.ObjectRef;
import io.ledgerline.platforms.normalization.NormalizationFailed;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Use case: a thin webhook named an object; fetch it with the connection's credentials and publish
 * what it is (a won deal, a completed sale) through the outbox.
 *
 * <ul>
 *   <li>Idempotent: a request handled before is skipped; handling is recorded in the transaction of
 *       the outbox rows.
 *   <li>One fetch for several events: a request for a change the platform stamped at or before the
 *       version last read of the object (its own modification time, on its own clock) is covered by
 *       that read (HubSpot sends one event per changed property).
 *   <li>A connection that waits for a person (needs re-authorization, disabled) parks the request;
 *       it is resumed when the connection is active again ({@link ResumeParkedRequests}).
 *   <li>What can never succeed (the connection or the object gone, data that cannot be an event) is
 *       a {@link PermanentFailure}: the listener's error handler dead-letters it with the reason. A
 *       platform that is unavailable is a {@link TransientFailure}: retried.
 * </ul>
 */
@Service
class FetchObject {

  private static final Logger log = LoggerFactory.getLogger(FetchObject.class);

  enum Outcome {
    PUBLISHED,
    NOTHING_TO_PUBLISH,
    COVERED,
    PARKED,
    ALREADY_PROCESSED
  }

  private final ConnectionAccess connections;
  private final ApiContexts contexts;
  private final ProcessedRequests processed;
  private final FetchedObjects fetched;
  private final ParkedRequests parked;
  private final Publisher publisher;
  private final TransactionTemplate tx;
  private final Clock clock;

  FetchObject(
      ConnectionAccess connections,
      ApiContexts contexts,
      ProcessedRequests processed,
      FetchedObjects fetched,
      ParkedRequests parked,
      Publisher publisher,
      TransactionTemplate tx,
      Clock clock) {
    this.connections = connections;
    this.contexts = contexts;
    this.processed = processed;
    this.fetched = fetched;
    this.parked = parked;
    this.publisher = publisher;
    this.tx = tx;
    this.clock = clock;
  }

  Outcome handle(SyncRequest request) {
    if (processed.seen(request.getEventId())) {
      return Outcome.ALREADY_PROCESSED;
    }
    UUID connectionId = connectionId(request);
    SyncedConnection connection =
        connections
            .find(connectionId)
            .filter(c -> c.tenantId().equals(request.getTenantId()))
            .orElseThrow(
                () -> new PermanentFailure("connection " + connectionId + " does not exist"));
    if (!connection.active()) {
      if (connection.waitsForPerson()) {
        return park(request, connection, "connection is " + connection.status());
      }
      throw new PermanentFailure("connection " + connectionId + " is " + connection.status());
    }
    Platform platform =
        Platforms.installed()
            .find(connection.platform())
            .filter(p -> p.provides(Platform.Part.API))
            .orElseThrow(
                () ->
                    new PermanentFailure(
                        "platform " + connection.platform() + " has no API to fetch from"));
    ObjectRef ref =
        new ObjectRef(request.getObjectType(), request.getExternalId(), request.getAction());
    Optional<Instant> known = fetched.version(connection.id(), ref.objectType(), ref.externalId());
    if (!request.getReplay()
        && known.isPresent()
        && !request.getOccurredAt().isAfter(known.get())) {
      return record(request, Outcome.COVERED);
    }
    Instant startedAt = clock.instant();
    Fetched result;
    try {
      result = platform.api().fetch(connections.client(connection), contexts.of(connection), ref);
    } catch (ConnectionUnusable e) {
      if (e.reauthorizable()) {
        return park(request, connection, e.getMessage());
      }
      throw new PermanentFailure(e.getMessage(), e);
    } catch (ObjectGone e) {
      throw new PermanentFailure(
          ref.objectType() + " " + ref.externalId() + " is gone: " + e.getMessage(), e);
    } catch (NormalizationFailed e) {
      throw new PermanentFailure(
          ref.objectType() + " " + ref.externalId() + " cannot be an event: " + e.getMessage(), e);
    } catch (ApiUnavailable e) {
      throw new TransientFailure("platform unavailable: " + e.getMessage());
    } catch (ApiFailure e) {
      throw new PermanentFailure(
          "the platform refused the fetch of "
              + ref.objectType()
              + " "
              + ref.externalId()
              + ": "
              + e.getMessage(),
          e);
    }
    Outcome outcome = result.events().isEmpty() ? Outcome.NOTHING_TO_PUBLISH : Outcome.PUBLISHED;
    Outcome done =
        tx.execute(
            status -> {
              if (!processed.record(request.getEventId(), request.getTenantId(), outcome.name())) {
                return Outcome.ALREADY_PROCESSED;
              }
              Instant version = result.version() != null ? result.version() : startedAt;
              fetched.record(
                  connection.tenantId(),
                  connection.id(),
                  ref.objectType(),
                  ref.externalId(),
                  version,
                  clock.instant());
              publisher.publish(result.events());
              return outcome;
            });
    log.info(
        "Sync request {} ({} {} {}): {} - {}",
        request.getEventId(),
        connection.platform(),
        ref.objectType(),
        ref.externalId(),
        done,
        result.summary());
    return done;
  }

  private Outcome park(SyncRequest request, SyncedConnection connection, String reason) {
    tx.executeWithoutResult(
        status -> parked.park(request, connection.id(), reason, clock.instant()));
    log.info(
        "Sync request {} parked until connection {} is active: {}",
        request.getEventId(),
        connection.id(),
        reason);
    return Outcome.PARKED;
  }

  private Outcome record(SyncRequest request, Outcome outcome) {
    tx.executeWithoutResult(
        status -> processed.record(request.getEventId(), request.getTenantId(), outcome.name()));
    return outcome;
  }

  private static UUID connectionId(SyncRequest request) {
    try {
      return UUID.fromString(request.getConnectionId());
    } catch (IllegalArgumentException e) {
      throw new PermanentFailure("connection id " + request.getConnectionId() + " is no UUID");
    }
  }
}
