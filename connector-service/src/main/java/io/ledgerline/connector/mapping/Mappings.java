package io.ledgerline.connector.mapping;

import io.ledgerline.platforms.mapping.ConnectionMapping;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The connections' mappings, stored as the JSON they were saved as (validated on the way in). */
@Repository
public class Mappings {

  private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json = JsonMapper.builder().build();

  Mappings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The connection's mapping, or the default one when none was saved. */
  public ConnectionMapping of(UUID connectionId) {
    return stored(connectionId).orElse(ConnectionMapping.DEFAULT);
  }

  Optional<ConnectionMapping> stored(UUID connectionId) {
    return jdbc.sql("SELECT mapping::text FROM connection_mappings WHERE connection_id = ?")
        .param(connectionId)
        .query(String.class)
        .optional()
        .map(text -> ConnectionMapping.of(json.readValue(text, JSON_OBJECT)));
  }

  /** The connection's platform, when it is the tenant's. */
  Optional<String> platformOf(String tenantId, UUID connectionId) {
    return jdbc.sql("SELECT platform FROM connections WHERE id = ? AND tenant_id = ?")
        .params(connectionId, tenantId)
        .query(String.class)
        .optional();
  }

  void save(String tenantId, UUID connectionId, ConnectionMapping mapping, Instant now) {
    jdbc.sql(
            """
            INSERT INTO connection_mappings (connection_id, tenant_id, mapping, updated_at)
            VALUES (:id, :tenant, CAST(:mapping AS jsonb), :now)
            ON CONFLICT (connection_id) DO UPDATE SET mapping = EXCLUDED.mapping, updated_at = EXCLUDED.updated_at
            """)
        .param("id", connectionId)
        .param("tenant", tenantId)
        .param("mapping", json.writeValueAsString(mapping.toJson()))
        .param("now", Timestamp.from(now))
        .update();
  }
}
