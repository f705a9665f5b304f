package io.ledgerline.invoice.invoice;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Credits waiting for their invoice, the request kept as JSON. */
@Repository
class JdbcPendingCredits implements PendingCredits {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  JdbcPendingCredits(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Override
  public boolean add(String tenantId, String sourceKey, CreditRequest request) {
    return jdbc.sql(
                """
                insert into pending_credits (id, tenant_id, source_key, credit_id, request)
                values (?, ?, ?, ?, ?::jsonb)
                on conflict (tenant_id, source_key, credit_id) do nothing
                """)
            .params(
                UUID.randomUUID(),
                tenantId,
                sourceKey,
                request.creditId(),
                json.writeValueAsString(request))
            .update()
        == 1;
  }

  @Override
  public List<Pending> waitingFor(String tenantId, String sourceKey) {
    return jdbc.sql(
            "select id, request from pending_credits where tenant_id = ? and source_key = ?"
                + " and status = 'PENDING' order by received_at, id for update")
        .params(tenantId, sourceKey)
        .query(
            (rs, row) ->
                new Pending(
                    rs.getObject("id", UUID.class),
                    json.readValue(rs.getString("request"), CreditRequest.class)))
        .list();
  }

  @Override
  public void remove(UUID id) {
    jdbc.sql("delete from pending_credits where id = ?").param(id).update();
  }

  @Override
  public void fail(UUID id, String reason) {
    jdbc.sql("update pending_credits set status = 'FAILED', failure = ? where id = ?")
        .params(reason, id)
        .update();
  }
}
