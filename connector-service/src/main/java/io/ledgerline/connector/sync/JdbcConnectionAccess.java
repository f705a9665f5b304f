package io.ledgerline.connector.sync;

import io.ledgerline.platforms.Platform;
import io.ledgerline.platforms.Platforms;
import io.ledgerline.platforms.api.ApiClient;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads connections from the connection feature's table (same service, same database). */
@Component
class JdbcConnectionAccess implements ConnectionAccess {

  // The account's identity (learnt when it connected) and the connection's currency setting, if
  // any.
  private static final String COLUMNS =
      "id, tenant_id, platform, status, account_id, settings->>'currency' AS currency, created_at";

  private final JdbcClient jdbc;
  private final ApiClients clients;

  JdbcConnectionAccess(JdbcClient jdbc, ApiClients clients) {
    this.jdbc = jdbc;
    this.clients = clients;
  }

  @Override
  public Optional<SyncedConnection> find(UUID connectionId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM connections WHERE id = ?")
        .param(connectionId)
        .query(JdbcConnectionAccess::map)
        .optional();
  }

  @Override
  public List<SyncedConnection> syncable(String tenantId) {
    return jdbc
        .sql("SELECT " + COLUMNS + " FROM connections WHERE tenant_id = ? AND status = 'ACTIVE'")
        .param(tenantId)
        .query(JdbcConnectionAccess::map)
        .list()
        .stream()
        .filter(JdbcConnectionAccess::pulls)
        .filter(clients::hasApiAccess)
        .toList();
  }

  @Override
  public List<SyncedConnection> activeWithApi() {
    return jdbc
        .sql("SELECT " + COLUMNS + " FROM connections WHERE status = 'ACTIVE'")
        .query(JdbcConnectionAccess::map)
        .list()
        .stream()
        .filter(JdbcConnectionAccess::pulls)
        .filter(clients::hasApiAccess)
        .toList();
  }

  @Override
  public ApiClient client(SyncedConnection connection) {
    return clients.forConnection(connection);
  }

  static boolean pulls(SyncedConnection connection) {
    return Platforms.installed()
        .find(connection.platform())
        .map(p -> p.provides(Platform.Part.API))
        .orElse(false);
  }

  private static SyncedConnection map(ResultSet rs, int row) throws SQLException {
    return new SyncedConnection(
        rs.getObject("id", UUID.class),
        rs.getString("tenant_id"),
        rs.getString("platform"),
        rs.getString("status"),
        rs.getString("account_id"),
        rs.getString("currency"),
        rs.getTimestamp("created_at").toInstant());
  }
}
