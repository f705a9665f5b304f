package io.ledgerline.apikey.client;

import io.ledgerline.apikey.key.Scopes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code oauth_client} table. Every tenant-facing query filters on {@code tenant_id}. */
@Repository
class OAuthClients {

  /** A client with the state of its tenant, as the token endpoint needs it. */
  record ClientWithTenant(OAuthClient client, String tenantStatus, String plan) {}

  private final JdbcClient jdbc;

  OAuthClients(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void add(OAuthClient client) {
    jdbc.sql(
            """
            insert into oauth_client (client_id, tenant_id, name, secret_hash, scopes, created_at)
            values (:clientId, :tenantId, :name, :secretHash, :scopes, :createdAt)
            """)
        .param("clientId", client.clientId())
        .param("tenantId", client.tenantId())
        .param("name", client.name())
        .param("secretHash", client.secretHash())
        .param("scopes", Scopes.join(client.scopes()))
        .param("createdAt", Timestamp.from(client.createdAt()))
        .update();
  }

  /** Across tenants on purpose: the token endpoint knows only the client id. */
  Optional<ClientWithTenant> withClientId(String clientId) {
    return jdbc.sql(
            """
            select c.*, t.status as tenant_status, t.plan from oauth_client c
            join tenant t on t.id = c.tenant_id where c.client_id = :clientId
            """)
        .param("clientId", clientId)
        .query(
            (rs, row) ->
                new ClientWithTenant(
                    map(rs, row), rs.getString("tenant_status"), rs.getString("plan")))
        .optional();
  }

  List<OAuthClient> ofTenant(String tenantId) {
    return jdbc.sql(
            "select * from oauth_client where tenant_id = :tenantId order by created_at, client_id")
        .param("tenantId", tenantId)
        .query(OAuthClients::map)
        .list();
  }

  /** False when the tenant has no such client; keeps the first revocation time. */
  boolean revoke(String tenantId, String clientId, Instant at) {
    var exists =
        jdbc.sql(
                    "select count(*) from oauth_client where tenant_id = :tenantId and client_id = :clientId")
                .param("tenantId", tenantId)
                .param("clientId", clientId)
                .query(Long.class)
                .single()
            > 0;
    jdbc.sql(
            """
            update oauth_client set revoked_at = :at
            where tenant_id = :tenantId and client_id = :clientId and revoked_at is null
            """)
        .param("tenantId", tenantId)
        .param("clientId", clientId)
        .param("at", Timestamp.from(at))
        .update();
    return exists;
  }

  private static OAuthClient map(ResultSet rs, int row) throws SQLException {
    var revoked = rs.getTimestamp("revoked_at");
    return new OAuthClient(
        rs.getString("client_id"),
        rs.getString("tenant_id"),
        rs.getString("name"),
        rs.getString("secret_hash"),
        Scopes.split(rs.getString("scopes")),
        rs.getTimestamp("created_at").toInstant(),
        revoked == null ? null : revoked.toInstant());
  }
}
