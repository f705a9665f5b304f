package io.ledgerline.invoice.invoice;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A counter row per tenant and series, locked {@code FOR UPDATE} in the issuing transaction: no two
 * transactions share a number and a rollback leaves no gap.
 */
@Repository
class JdbcDocumentNumbers implements DocumentNumbers {

  private final JdbcClient jdbc;

  JdbcDocumentNumbers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public DocumentNumber next(String tenantId, Series series, String prefix) {
    // A tenant's first document of a series creates its row; concurrent first ones meet on the key.
    jdbc.sql(
            "insert into document_number_counters (tenant_id, series, last_number) values (?, ?, 0)"
                + " on conflict (tenant_id, series) do nothing")
        .params(tenantId, series.name())
        .update();
    long last =
        jdbc.sql(
                "select last_number from document_number_counters"
                    + " where tenant_id = ? and series = ? for update")
            .params(tenantId, series.name())
            .query(Long.class)
            .single();
    DocumentNumber next = DocumentNumber.after(prefix, last);
    jdbc.sql(
            "update document_number_counters set last_number = ? where tenant_id = ? and series = ?")
        .params(next.sequence(), tenantId, series.name())
        .update();
    return next;
  }
}
