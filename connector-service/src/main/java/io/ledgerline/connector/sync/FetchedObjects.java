package io.ledgerline.connector.sync;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The newest version read of each object, by the platform's own clock. */
@Repository
class FetchedObjects {

  private final JdbcClient jdbc;

  FetchedObjects(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Instant> version(UUID connectionId, String objectType, String externalId) {
    return jdbc.sql(
            """
            SELECT version_at FROM fetched_objects
            WHERE connection_id = ? AND object_type = ? AND external_id = ?
            """)
        .params(connectionId, objectType, externalId)
        .query(Timestamp.class)
        .optional()
        .map(Timestamp::toInstant);
  }

  void record(
      String tenantId,
      UUID connectionId,
      String objectType,
      String externalId,
      Instant version,
      Instant now) {
    jdbc.sql(
            """
            INSERT INTO fetched_objects
              (connection_id, object_type, external_id, tenant_id, version_at, fetched_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (connection_id, object_type, external_id) DO UPDATE
              SET version_at = GREATEST(fetched_objects.version_at, EXCLUDED.version_at),
                  fetched_at = EXCLUDED.fetched_at
            """)
        .params(
            connectionId,
            objectType,
            externalId,
            tenantId,
            Timestamp.from(version),
            Timestamp.from(now))
        .update();
  }
}
