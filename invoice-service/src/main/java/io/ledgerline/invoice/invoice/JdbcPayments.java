package io.ledgerline.invoice.invoice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The payments table. Every query filters on the tenant. */
@Repository
class JdbcPayments implements Payments {

  private final JdbcClient jdbc;

  JdbcPayments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void add(String tenantId, Payment payment) {
    jdbc.sql(
            """
            insert into payments (id, tenant_id, invoice_id, amount, paid_on, method, reference,
                origin, recorded_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            payment.id(),
            tenantId,
            payment.invoiceId(),
            payment.amount(),
            payment.date(),
            payment.method(),
            payment.reference(),
            payment.origin().name(),
            Timestamp.from(payment.recordedAt()))
        .update();
  }

  @Override
  public Optional<Payment> findByReference(String tenantId, UUID invoiceId, String reference) {
    return jdbc.sql(
            "select p.*, i.currency from payments p join invoices i on i.id = p.invoice_id"
                + " where p.tenant_id = ? and p.invoice_id = ? and p.reference = ?")
        .params(tenantId, invoiceId, reference)
        .query(JdbcPayments::payment)
        .optional();
  }

  @Override
  public List<Payment> forInvoice(String tenantId, UUID invoiceId) {
    return jdbc.sql(
            "select p.*, i.currency from payments p join invoices i on i.id = p.invoice_id"
                + " where p.tenant_id = ? and p.invoice_id = ? order by p.recorded_at, p.id")
        .params(tenantId, invoiceId)
        .query(JdbcPayments::payment)
        .list();
  }

  private static Payment payment(ResultSet rs, int row) throws SQLException {
    return new Payment(
        rs.getObject("id", UUID.class),
        rs.getObject("invoice_id", UUID.class),
        JdbcInvoices.minor(
            rs.getBigDecimal("amount"), java.util.Currency.getInstance(rs.getString("currency"))),
        rs.getObject("paid_on", LocalDate.class),
        rs.getString("method"),
        rs.getString("reference"),
        Origin.valueOf(rs.getString("origin")),
        rs.getTimestamp("recorded_at").toInstant());
  }
}
