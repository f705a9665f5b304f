package io.ledgerline.connector.sync;

import io.ledgerline.platform.service.tenant.TenantId;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The syncs API: start a historical sync, watch it, list a connection's syncs, sync-all; a
 * connection's incremental-sync interval.
 */
@RestController
class SyncController {

  private final StartSync startSync;
  private final Syncs syncs;
  private final ConnectionAccess connections;
  private final SyncIntervals intervals;
  private final SyncSettings settings;
  private final java.time.Clock clock;

  SyncController(
      StartSync startSync,
      Syncs syncs,
      ConnectionAccess connections,
      SyncIntervals intervals,
      SyncSettings settings,
      java.time.Clock clock) {
    this.startSync = startSync;
    this.syncs = syncs;
    this.connections = connections;
    this.intervals = intervals;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * @param intervalMinutes how often the connection's incremental sync runs
   * @param own whether the connection has its own (else the service's default)
   */
  record SyncSettingsView(long intervalMinutes, boolean own) {}

  @GetMapping("/api/v1/connections/{id}/sync-settings")
  SyncSettingsView syncSettings(TenantId tenant, @PathVariable UUID id) {
    owned(tenant, id);
    return intervals
        .of(id)
        .map(d -> new SyncSettingsView(d.toMinutes(), true))
        .orElseGet(() -> new SyncSettingsView(settings.incrementalInterval().toMinutes(), false));
  }

  /** {@code {"intervalMinutes": 30}}: 5 to 1440; applies to the connection's next runs. */
  @PutMapping("/api/v1/connections/{id}/sync-settings")
  SyncSettingsView putSyncSettings(
      TenantId tenant, @PathVariable UUID id, @RequestBody Map<String, Object> body) {
    owned(tenant, id);
    for (String key : body.keySet()) {
      if (!key.equals("intervalMinutes")) {
        throw SyncProblems.invalid(key, key + " is not a sync setting (intervalMinutes is)");
      }
    }
    Object value = body.get("intervalMinutes");
    if (!(value instanceof Integer) && !(value instanceof Long)) {
      throw SyncProblems.invalid(
          "intervalMinutes", "intervalMinutes is a whole number of minutes, 5 to 1440");
    }
    long minutes = ((Number) value).longValue();
    java.time.Duration interval = java.time.Duration.ofMinutes(minutes);
    if (interval.compareTo(SyncIntervals.MIN) < 0 || interval.compareTo(SyncIntervals.MAX) > 0) {
      throw SyncProblems.invalid(
          "intervalMinutes", "intervalMinutes must be 5 to 1440 (24 hours), not " + minutes);
    }
    intervals.set(tenant.value(), id, interval, clock.instant());
    return new SyncSettingsView(minutes, true);
  }

  private void owned(TenantId tenant, UUID id) {
    connections
        .find(id)
        .filter(c -> c.tenantId().equals(tenant.value()))
        .orElseThrow(() -> SyncProblems.connectionNotFound(id));
  }

  record StartSyncRequest(@Nullable Instant since, @Nullable List<String> objects) {}

  record SyncView(
      UUID id,
      UUID connectionId,
      String kind,
      String status,
      @Nullable Instant since,
      List<String> objects,
      Map<String, Integer> counts,
      @Nullable Instant createdAt,
      @Nullable Instant startedAt,
      @Nullable Instant finishedAt,
      @Nullable String lastError) {

    static SyncView of(Sync s) {
      return new SyncView(
          s.id(),
          s.connectionId(),
          s.kind().name(),
          s.status().name(),
          s.since(),
          s.objects(),
          Map.of(
              "fetched", s.counts().fetched(),
              "published", s.counts().published(),
              "skipped", s.counts().skipped(),
              "failed", s.counts().failed(),
              "pages", s.counts().pages()),
          s.createdAt(),
          s.startedAt(),
          s.finishedAt(),
          s.lastError());
    }
  }

  @PostMapping("/api/v1/connections/{id}/syncs")
  ResponseEntity<SyncView> start(
      TenantId tenant,
      @PathVariable UUID id,
      @RequestBody(required = false) @Nullable StartSyncRequest body) {
    StartSyncRequest request = body == null ? new StartSyncRequest(null, null) : body;
    Sync sync = startSync.start(tenant.value(), id, request.since(), request.objects());
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/connections/" + id + "/syncs/" + sync.id()))
        .body(SyncView.of(sync));
  }

  @GetMapping("/api/v1/connections/{id}/syncs/{syncId}")
  SyncView get(TenantId tenant, @PathVariable UUID id, @PathVariable UUID syncId) {
    return syncs
        .find(tenant.value(), id, syncId)
        .map(SyncView::of)
        .orElseThrow(() -> SyncProblems.syncNotFound(syncId));
  }

  @GetMapping("/api/v1/connections/{id}/syncs")
  Map<String, List<SyncView>> list(TenantId tenant, @PathVariable UUID id) {
    return Map.of(
        "syncs", syncs.ofConnection(tenant.value(), id, 100).stream().map(SyncView::of).toList());
  }

  @PostMapping("/api/v1/syncs")
  ResponseEntity<Map<String, List<SyncView>>> startAll(
      TenantId tenant, @RequestBody(required = false) @Nullable StartSyncRequest body) {
    StartSyncRequest request = body == null ? new StartSyncRequest(null, null) : body;
    List<Sync> started = startSync.startAll(tenant.value(), request.since(), request.objects());
    return ResponseEntity.accepted()
        .body(Map.of("syncs", started.stream().map(SyncView::of).toList()));
  }
}
