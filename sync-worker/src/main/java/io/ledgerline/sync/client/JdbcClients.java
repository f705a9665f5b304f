package io.ledgerline.sync.client;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The clients table. Every query filters on the tenant. */
@Repository
class JdbcClients implements Clients {

  private static final String COLUMNS =
      "id, tenant_id, platform, external_customer_id, name, email, phone, tax_id, address_line1,"
          + " address_line2, address_city, address_region, address_postal_code, address_country";

  private final JdbcClient jdbc;

  JdbcClients(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Client> findByEmail(String tenantId, String email) {
    return jdbc.sql("select " + COLUMNS + " from clients where tenant_id = ? and email = ?")
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
                + " from clients where tenant_id = ? and platform = ? and external_customer_id = ?")
        .params(tenantId, platform, externalCustomerId)
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
                address_postal_code, address_country)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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
            a.country())
        .update();
  }

  private static Client client(ResultSet rs, int row) throws SQLException {
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
            address));
  }
}
