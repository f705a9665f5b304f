package io.ledgerline.invoice.invoice;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The per-tenant counter row, locked FOR UPDATE until the issuing transaction ends. */
@Repository
class JdbcInvoiceNumbers implements InvoiceNumbers {

  private final JdbcClient jdbc;

  JdbcInvoiceNumbers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public InvoiceNumber next(String tenantId) {
    // A tenant's first invoice creates its row; concurrent first invoices meet on the primary key.
    jdbc.sql(
            "insert into invoice_number_counters (tenant_id, last_number) values (?, 0)"
                + " on conflict (tenant_id) do nothing")
        .param(tenantId)
        .update();
    long last =
        jdbc.sql("select last_number from invoice_number_counters where tenant_id = ? for update")
            .param(tenantId)
            .query(Long.class)
            .single();
    InvoiceNumber next = InvoiceNumber.after(last);
    jdbc.sql("update invoice_number_counters set last_number = ? where tenant_id = ?")
        .params(next.sequence(), tenantId)
        .update();
    return next;
  }
}
