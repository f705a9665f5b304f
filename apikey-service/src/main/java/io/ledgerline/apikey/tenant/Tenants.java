package io.ledgerline.apikey.tenant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code tenant} table. */
@Repository
class Tenants {

  private final JdbcClient jdbc;

  Tenants(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** False when a tenant with this id already exists. */
  boolean addIfAbsent(Tenant tenant) {
    return jdbc.sql(
                """
                insert into tenant (id, name, status, plan, created_at, updated_at)
                values (:id, :name, :status, :plan, :createdAt, :updatedAt)
                on conflict (id) do nothing
                """)
            .param("id", tenant.id())
            .param("name", tenant.name())
            .param("status", tenant.status().name())
            .param("plan", tenant.plan())
            .param("createdAt", Timestamp.from(tenant.createdAt()))
            .param("updatedAt", Timestamp.from(tenant.updatedAt()))
            .update()
        == 1;
  }

  Optional<Tenant> withId(String id) {
    return jdbc.sql("select * from tenant where id = :id")
        .param("id", id)
        .query(Tenants::map)
        .optional();
  }

  /** Locks the row until the transaction ends, so two changes of one tenant do not interleave. */
  Optional<Tenant> withIdForUpdate(String id) {
    return jdbc.sql("select * from tenant where id = :id for update")
        .param("id", id)
        .query(Tenants::map)
        .optional();
  }

  List<Tenant> all() {
    return jdbc.sql("select * from tenant order by created_at, id").query(Tenants::map).list();
  }

  void update(Tenant tenant) {
    jdbc.sql(
            "update tenant set name = :name, status = :status, plan = :plan, updated_at = :at where id = :id")
        .param("id", tenant.id())
        .param("name", tenant.name())
        .param("status", tenant.status().name())
        .param("plan", tenant.plan())
        .param("at", Timestamp.from(tenant.updatedAt()))
        .update();
  }

  private static Tenant map(ResultSet rs, int row) throws SQLException {
    return new Tenant(
        rs.getString("id"),
        rs.getString("name"),
        TenantStatus.valueOf(rs.getString("status")),
        rs.getString("plan"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}
