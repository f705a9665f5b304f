package io.ledgerline.sync.client;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the client API reads: clients with search and a cursor, one client with its keys, its merges
 * and what it was invoiced (its own and its merged clients' invoices, per currency).
 */
@Repository
public class JdbcClientDirectory {

  public record Listed(long seq, Client client) {}

  public record Totals(
      String currency, long invoiceCount, BigDecimal invoiced, BigDecimal credited) {}

  public record Merge(UUID mergedId, UUID intoId, String reason, java.time.Instant mergedAt) {}

  private final JdbcClient jdbc;

  JdbcClientDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Clients that were not merged away, newest first, matching {@code q} on name or e-mail. */
  public List<Listed> list(String tenantId, String q, Long before, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "select c.seq, "
                + JdbcClients.COLUMNS
                + " from clients c where c.tenant_id = ? and c.merged_into is null");
    List<Object> params = new ArrayList<>(List.of(tenantId));
    if (before != null) {
      sql.append(" and c.seq < ?");
      params.add(before);
    }
    if (q != null) {
      String pattern =
          "%"
              + q.toLowerCase(Locale.ROOT)
                  .replace("\\", "\\\\")
                  .replace("%", "\\%")
                  .replace("_", "\\_")
              + "%";
      sql.append(
          " and (lower(c.name) like ? escape '\\' or exists (select 1 from client_emails e"
              + " where e.tenant_id = c.tenant_id and e.client_id = c.id and e.email like ?"
              + " escape '\\'))");
      params.add(pattern);
      params.add(pattern);
    }
    sql.append(" order by c.seq desc limit ?");
    params.add(limit);
    return jdbc.sql(sql.toString())
        .params(params)
        .query((rs, row) -> new Listed(rs.getLong("seq"), JdbcClients.client(rs, row)))
        .list();
  }

  public Optional<Client> find(String tenantId, UUID id) {
    return jdbc.sql(
            "select " + JdbcClients.COLUMNS + " from clients c where c.tenant_id = ? and c.id = ?")
        .params(tenantId, id)
        .query(JdbcClients::client)
        .optional();
  }

  public List<Totals> totals(String tenantId, UUID id) {
    return jdbc.sql(
            """
            select t.currency, sum(t.invoice_count) as invoice_count,
                sum(t.invoiced_total) as invoiced, sum(t.credited_total) as credited
            from client_invoice_totals t
            where t.tenant_id = ? and t.client_id in (
                select cast(id as text) from clients where tenant_id = ? and (id = ? or merged_into = ?))
            group by t.currency order by t.currency
            """)
        .params(tenantId, tenantId, id, id)
        .query(
            (rs, row) ->
                new Totals(
                    rs.getString("currency"),
                    rs.getLong("invoice_count"),
                    rs.getBigDecimal("invoiced"),
                    rs.getBigDecimal("credited")))
        .list();
  }

  public List<Merge> merges(String tenantId, UUID id) {
    return jdbc.sql(
            "select merged_id, into_id, reason, merged_at from client_merges"
                + " where tenant_id = ? and (merged_id = ? or into_id = ?) order by merged_at")
        .params(tenantId, id, id)
        .query(
            (rs, row) ->
                new Merge(
                    rs.getObject("merged_id", UUID.class),
                    rs.getObject("into_id", UUID.class),
                    rs.getString("reason"),
                    rs.getTimestamp("merged_at").toInstant()))
        .list();
  }
}
