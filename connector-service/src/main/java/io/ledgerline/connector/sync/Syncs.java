package io.ledgerline.connector.sync;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Syncs and their cursors per object type. */
@Repository
class Syncs {

  private static final String COLUMNS =
      "s.*, (SELECT coalesce(array_agg(c.object_type ORDER BY c.object_type), '{}')"
          + " FROM sync_cursors c WHERE c.sync_id = s.id) AS objects";

  private final JdbcClient jdbc;

  Syncs(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A cursor of a sync: where one object type's pull is. */
  record Position(UUID syncId, String objectType, String cursor, boolean done) {}

  void add(Sync sync, List<Position> cursors) {
    jdbc.sql(
            """
            INSERT INTO syncs (id, tenant_id, connection_id, kind, since, status, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            sync.id(),
            sync.tenantId(),
            sync.connectionId(),
            sync.kind().name(),
            sync.since() == null ? null : Timestamp.from(sync.since()),
            sync.status().name(),
            Timestamp.from(sync.createdAt()))
        .update();
    for (Position p : cursors) {
      jdbc.sql("INSERT INTO sync_cursors (sync_id, object_type, cursor, done) VALUES (?, ?, ?, ?)")
          .params(p.syncId(), p.objectType(), p.cursor(), p.done())
          .update();
    }
  }

  Optional<Sync> find(String tenantId, UUID connectionId, UUID syncId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM syncs s WHERE s.tenant_id = ? AND s.connection_id = ? AND s.id = ?")
        .params(tenantId, connectionId, syncId)
        .query(Syncs::map)
        .optional();
  }

  List<Sync> ofConnection(String tenantId, UUID connectionId, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM syncs s WHERE s.tenant_id = ? AND s.connection_id = ?"
                + " ORDER BY s.created_at DESC, s.id LIMIT ?")
        .params(tenantId, connectionId, limit)
        .query(Syncs::map)
        .list();
  }

  /** Connections with a queued or running historical sync, the oldest first. */
  List<UUID> connectionsWithOpenSyncs() {
    return jdbc.sql(
            """
            SELECT connection_id FROM syncs WHERE status IN ('QUEUED', 'RUNNING')
            GROUP BY connection_id ORDER BY min(created_at)
            """)
        .query(UUID.class)
        .list();
  }

  /** The open syncs of a connection, oldest first. */
  List<UUID> open(UUID connectionId) {
    return jdbc.sql(
            """
            SELECT id FROM syncs WHERE connection_id = ? AND status IN ('QUEUED', 'RUNNING')
            ORDER BY created_at, id
            """)
        .param(connectionId)
        .query(UUID.class)
        .list();
  }

  /** The first object type of the sync not done yet. */
  Optional<Position> nextPosition(UUID syncId) {
    return jdbc.sql(
            """
            SELECT * FROM sync_cursors WHERE sync_id = ? AND NOT done ORDER BY object_type LIMIT 1
            """)
        .param(syncId)
        .query(
            (rs, row) ->
                new Position(
                    syncId,
                    rs.getString("object_type"),
                    rs.getString("cursor"),
                    rs.getBoolean("done")))
        .optional();
  }

  /** Moves one object type's cursor and adds a page's counts, in the page's transaction. */
  void advance(Position moved, Sync.Counts page, Instant now) {
    jdbc.sql("UPDATE sync_cursors SET cursor = ?, done = ? WHERE sync_id = ? AND object_type = ?")
        .params(moved.cursor(), moved.done(), moved.syncId(), moved.objectType())
        .update();
    jdbc.sql(
            """
            UPDATE syncs SET status = 'RUNNING', started_at = coalesce(started_at, ?),
              fetched = fetched + ?, published = published + ?, skipped = skipped + ?,
              failed = failed + ?, pages = pages + ?, last_error = NULL
            WHERE id = ?
            """)
        .params(
            Timestamp.from(now),
            page.fetched(),
            page.published(),
            page.skipped(),
            page.failed(),
            page.pages(),
            moved.syncId())
        .update();
  }

  void finish(UUID syncId, Sync.Status status, @Nullable String error, Instant now) {
    jdbc.sql(
            """
            UPDATE syncs SET status = ?, last_error = ?, finished_at = ?,
              started_at = coalesce(started_at, ?)
            WHERE id = ? AND status IN ('QUEUED', 'RUNNING')
            """)
        .params(status.name(), error, Timestamp.from(now), Timestamp.from(now), syncId)
        .update();
  }

  /** Notes why the sync waits (the platform unavailable, re-authorization needed). */
  void noteError(UUID syncId, String error) {
    jdbc.sql("UPDATE syncs SET last_error = ? WHERE id = ?").params(error, syncId).update();
  }

  private static Sync map(ResultSet rs, int row) throws SQLException {
    String[] objects = (String[]) rs.getArray("objects").getArray();
    return new Sync(
        rs.getObject("id", UUID.class),
        rs.getString("tenant_id"),
        rs.getObject("connection_id", UUID.class),
        Sync.Kind.valueOf(rs.getString("kind")),
        instant(rs, "since"),
        List.of(objects),
        Sync.Status.valueOf(rs.getString("status")),
        new Sync.Counts(
            rs.getInt("fetched"),
            rs.getInt("published"),
            rs.getInt("skipped"),
            rs.getInt("failed"),
            rs.getInt("pages")),
        rs.getString("last_error"),
        rs.getTimestamp("created_at").toInstant(),
        instant(rs, "started_at"),
        instant(rs, "finished_at"));
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
