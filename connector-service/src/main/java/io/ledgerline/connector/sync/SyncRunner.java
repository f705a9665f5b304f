package io.ledgerline.connector.sync;

import io.ledgerline.platforms.Platforms;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * This replica's sync loop: every poll interval it resumes parked requests of connections active
 * again, starts the incremental streams of newly active connections (from when they connected:
 * history only comes by a historical sync), and gives each connection with due work a turn on one
 * of its workers. Replicas share nothing but the database: the lease decides who runs a connection.
 * A replica restarted after a crash holds its leases under the same name ({@link #holder}), so it
 * resumes its running syncs from their cursors at its first poll.
 */
@Component
class SyncRunner implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SyncRunner.class);

  private final SyncSettings settings;
  private final ConnectionAccess connections;
  private final Streams streams;
  private final Syncs syncs;
  private final PullConnection pull;
  private final ResumeParkedRequests resume;
  private final Clock clock;
  private final String holder;
  private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
  private volatile ScheduledExecutorService ticker;
  private volatile ExecutorService workers;

  SyncRunner(
      SyncSettings settings,
      ConnectionAccess connections,
      Streams streams,
      Syncs syncs,
      PullConnection pull,
      ResumeParkedRequests resume,
      Clock clock,
      Environment environment) {
    this.settings = settings;
    this.holder = holder(settings, environment);
    this.connections = connections;
    this.streams = streams;
    this.syncs = syncs;
    this.pull = pull;
    this.resume = resume;
    this.clock = clock;
  }

  /**
   * The lease holder's name: the configured one, else this host and port, which the same replica
   * has again after a crash and restart (a random one would leave its connections to wait for the
   * dead holder's leases to expire). Without a fixed port (tests): a random name.
   */
  static String holder(SyncSettings settings, Environment environment) {
    if (settings.replica() != null && !settings.replica().isBlank()) {
      return settings.replica().strip();
    }
    String port = environment.getProperty("server.port", "");
    if (port.isBlank() || port.equals("0")) {
      return "replica-" + UUID.randomUUID();
    }
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    return host + ":" + port;
  }

  String holder() {
    return holder;
  }

  @Override
  public void start() {
    if (!settings.enabled()) {
      log.info("Syncs are disabled on this replica");
      return;
    }
    workers = Executors.newFixedThreadPool(settings.workers(), named("sync-worker"));
    ticker = Executors.newSingleThreadScheduledExecutor(named("sync-ticker"));
    long period = settings.pollInterval().toMillis();
    log.info("Syncs run on this replica as lease holder {}", holder);
    ticker.scheduleWithFixedDelay(this::tickSafely, period, period, TimeUnit.MILLISECONDS);
  }

  private static java.util.concurrent.ThreadFactory named(String prefix) {
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void stop() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
    if (workers != null) {
      workers.shutdownNow();
      try {
        workers.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return ticker != null && !ticker.isShutdown();
  }

  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException e) {
      // The database or a peer is down: the next tick tries again.
      log.warn("Sync tick failed: {}", e.toString());
    }
  }

  void tick() {
    resume.resume();
    Instant now = clock.instant();
    for (SyncedConnection connection : connections.activeWithApi()) {
      for (String type : Platforms.installed().get(connection.platform()).api().pullTypes()) {
        String cursor =
            Platforms.installed()
                .get(connection.platform())
                .api()
                .start(type, connection.connectedAt());
        streams.ensure(
            connection.tenantId(),
            connection.id(),
            type,
            cursor,
            settings.incrementalInterval(),
            now);
      }
    }
    Set<UUID> due = new LinkedHashSet<>(syncs.connectionsWithOpenSyncs());
    due.addAll(streams.connectionsDue(now));
    for (UUID connectionId : due) {
      if (inFlight.add(connectionId)) {
        workers.execute(
            () -> {
              try {
                pull.turn(connectionId, holder);
              } catch (RuntimeException e) {
                log.warn("Turn of connection {} failed: {}", connectionId, e.toString());
              } finally {
                inFlight.remove(connectionId);
              }
            });
      }
    }
  }
}
