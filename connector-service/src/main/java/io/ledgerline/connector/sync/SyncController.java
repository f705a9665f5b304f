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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The syncs API: start a historical sync, watch it, list a connection's syncs, sync-all. */
@RestController
class SyncController {

  private final StartSync startSync;
  private final Syncs syncs;

  SyncController(StartSync startSync, Syncs syncs) {
    this.startSync = startSync;
    this.syncs = syncs;
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
