package io.ledgerline.sync.client;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The clients table and its key tables. Every query filters on the tenant. */
@Repository
class JdbcClients implements Clients {

  static final String COLUMNS =
      "c.id, c.tenant_id, c.platform, c.external_customer_id, c.name, c.email, c.phone, c.tax_id,"
          + " c.address_line1, c.address_line2, c.address_city, c.address_region,"
          + " c.address_postal_code, c.address_country, c.merged_into, c.walk_in";

  private final JdbcClient jdbc;

  JdbcClients(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Client> findById(String tenantId, UUID id) {
    return jdbc.sql("select " + COLUMNS + " from clients c where c.tenant_id = ? and c.id = ?")
        .params(tenantId, id)
        .query(JdbcClients::client)
        .optional();
  }

  @Override
  public Optional<Client> lockById(String tenantId, UUID id) {
    return jdbc.sql(
            "select " + COLUMNS + " from clients c where c.tenant_id = ? and c.id = ? for update")
        .params(tenantId, id)
        .query(JdbcClients::client)
        .optional();
  }

  @Override
  public Optional<Client> findByEmail(String tenantId, String email) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from client_emails e join clients c on c.id = e.client_id"
                + " where e.tenant_id = ? and e.email = ? and c.tenant_id = e.tenant_id")
        .params(tenantId, email)
        .query(JdbcClients::client)
        .optional();
  }

  @Override
  public Optional<Client> findByExternalId(
      String tenantId, String platform, String externalCustomerId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from client_identities i join clients c on c.id = i.client_id"
                + " where i.tenant_id = ? and i.platform = ? and i.external_customer_id = ?"
                + " and c.tenant_id = i.tenant_id")
        .params(tenantId, platform, externalCustomerId)
        .query(JdbcClients::client)
        .optional();
  }

  @Override
  public Optional<Client> findWalkIn(String tenantId) {
    return jdbc.sql("select " + COLUMNS + " from clients c where c.tenant_id = ? and c.walk_in")
        .param(tenantId)
        .query(JdbcClients::client)
        .optional();
  }

  @Override
  public void save(Client client) {
    ClientDetails d = client.details();
    ClientAddress a =
        d.address() == null ? new ClientAddress(null, null, null, null, null, null) : d.address();
    jdbc.sql(
            """
            insert into clients (id, tenant_id, platform, external_customer_id, name, email, phone,
                tax_id, address_line1, address_line2, address_city, address_region,
                address_postal_code, address_country, walk_in)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (id) do update set
                platform = excluded.platform,
                external_customer_id = excluded.external_customer_id,
                name = excluded.name, email = excluded.email, phone = excluded.phone,
                tax_id = excluded.tax_id, address_line1 = excluded.address_line1,
                address_line2 = excluded.address_line2, address_city = excluded.address_city,
                address_region = excluded.address_region,
                address_postal_code = excluded.address_postal_code,
                address_country = excluded.address_country, updated_at = now()
            where clients.tenant_id = excluded.tenant_id
            """)
        .params(
            client.id(),
            client.tenantId(),
            client.platform(),
            client.externalCustomerId(),
            d.name(),
            d.email(),
            d.phone(),
            d.taxId(),
            a.line1(),
            a.line2(),
            a.city(),
            a.region(),
            a.postalCode(),
            a.country(),
            client.walkIn())
        .update();
  }

  @Override
  public void addKeys(Client client, String email, String platform, String externalCustomerId) {
    // A key inserted by a concurrent transaction makes this insert wait for it; once it committed,
    // the insert does nothing and the holder (read in a new statement) is the other client.
    if (email != null) {
      int added =
          jdbc.sql(
                  "insert into client_emails (tenant_id, email, client_id) values (?, ?, ?)"
                      + " on conflict (tenant_id, email) do nothing")
              .params(client.tenantId(), email, client.id())
              .update();
      if (added == 0) {
        requireHeldBy(
            client,
            "e-mail " + email,
            jdbc.sql("select client_id from client_emails where tenant_id = ? and email = ?")
                .params(client.tenantId(), email));
      }
    }
    if (externalCustomerId != null) {
      int added =
          jdbc.sql(
                  "insert into client_identities (tenant_id, platform, external_customer_id,"
                      + " client_id) values (?, ?, ?, ?)"
                      + " on conflict (tenant_id, platform, external_customer_id) do nothing")
              .params(client.tenantId(), platform, externalCustomerId, client.id())
              .update();
      if (added == 0) {
        requireHeldBy(
            client,
            platform + " customer " + externalCustomerId,
            jdbc.sql(
                    "select client_id from client_identities where tenant_id = ? and platform = ?"
                        + " and external_customer_id = ?")
                .params(client.tenantId(), platform, externalCustomerId));
      }
    }
  }

  private static void requireHeldBy(
      Client client, String key, JdbcClient.StatementSpec holderQuery) {
    UUID holder = holderQuery.query(UUID.class).optional().orElse(null);
    if (!client.id().equals(holder)) {
      throw new ClientRaceLost(
          key + " was taken by client " + holder + " while client " + client.id() + " took it");
    }
  }

  @Override
  public void merge(String tenantId, UUID mergedId, UUID intoId, String reason) {
    jdbc.sql("update client_emails set client_id = ? where tenant_id = ? and client_id = ?")
        .params(intoId, tenantId, mergedId)
        .update();
    jdbc.sql("update client_identities set client_id = ? where tenant_id = ? and client_id = ?")
        .params(intoId, tenantId, mergedId)
        .update();
    // The merged client's own merged clients follow it, so a survivor is never itself merged.
    jdbc.sql(
            "update clients set merged_into = ?, updated_at = now()"
                + " where tenant_id = ? and (id = ? or merged_into = ?)")
        .params(intoId, tenantId, mergedId, mergedId)
        .update();
    jdbc.sql(
            "insert into client_merges (id, tenant_id, merged_id, into_id, reason)"
                + " values (?, ?, ?, ?, ?)")
        .params(UUID.randomUUID(), tenantId, mergedId, intoId, reason)
        .update();
  }

  @Override
  public Keys keysOf(String tenantId, UUID id) {
    return new Keys(
        jdbc.sql(
                "select email from client_emails where tenant_id = ? and client_id = ?"
                    + " order by email")
            .params(tenantId, id)
            .query(String.class)
            .list(),
        jdbc.sql(
                "select platform, external_customer_id from client_identities"
                    + " where tenant_id = ? and client_id = ? order by platform")
            .params(tenantId, id)
            .query((rs, row) -> new Identity(rs.getString(1), rs.getString(2)))
            .list());
  }

  static Client client(ResultSet rs, int row) throws SQLException {
    ClientAddress address =
        ClientAddress.cleaned(
            rs.getString("address_line1"),
            rs.getString("address_line2"),
            rs.getString("address_city"),
            rs.getString("address_region"),
            rs.getString("address_postal_code"),
            rs.getString("address_country"));
    return new Client(
        rs.getObject("id", UUID.class),
        rs.getString("tenant_id"),
        rs.getString("platform"),
        rs.getString("external_customer_id"),
        new ClientDetails(
            rs.getString("name"),
            rs.getString("email"),
            rs.getString("phone"),
            rs.getString("tax_id"),
            address),
        rs.getObject("merged_into", UUID.class),
        rs.getBoolean("walk_in"));
  }
}
