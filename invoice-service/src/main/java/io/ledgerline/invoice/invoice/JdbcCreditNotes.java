package io.ledgerline.invoice.invoice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Credit notes and their lines. Every query filters on the tenant. */
@Repository
class JdbcCreditNotes implements CreditNotes {

  private final JdbcClient jdbc;

  JdbcCreditNotes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void add(CreditNote note) {
    jdbc.sql(
            """
            insert into credit_notes (id, tenant_id, sequence, number, invoice_id, currency,
                issue_date, issued_at, reason, subtotal, tax_total, total, credit_id, origin,
                source_event_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            note.id(),
            note.tenantId(),
            note.number().sequence(),
            note.number().toString(),
            note.invoiceId(),
            note.currency().getCurrencyCode(),
            note.issueDate(),
            Timestamp.from(note.issuedAt()),
            note.reason(),
            note.subtotal(),
            note.taxTotal(),
            note.total(),
            note.creditId(),
            note.origin().name(),
            note.sourceEventId())
        .update();
    int position = 0;
    for (CreditNoteLine line : note.lines()) {
      jdbc.sql(
              """
              insert into credit_note_lines (credit_note_id, position, invoice_line, description,
                  sku, quantity, tax_rate, tax_category, tax_exemption_reason, net, tax, gross)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              """)
          .params(
              note.id(),
              ++position,
              line.invoiceLine(),
              line.description(),
              line.sku(),
              line.quantity(),
              line.taxRate(),
              line.taxCategory().name(),
              line.taxExemptionReason(),
              line.net(),
              line.tax(),
              line.gross())
          .update();
    }
  }

  @Override
  public Optional<CreditNote> findById(String tenantId, UUID id) {
    return withLines(
            jdbc.sql("select * from credit_notes where tenant_id = ? and id = ?")
                .params(tenantId, id)
                .query(JdbcCreditNotes::header)
                .list())
        .stream()
        .findFirst();
  }

  @Override
  public Optional<CreditNote> findByCreditId(String tenantId, UUID invoiceId, String creditId) {
    return withLines(
            jdbc.sql(
                    "select * from credit_notes where tenant_id = ? and invoice_id = ?"
                        + " and credit_id = ?")
                .params(tenantId, invoiceId, creditId)
                .query(JdbcCreditNotes::header)
                .list())
        .stream()
        .findFirst();
  }

  @Override
  public List<CreditNote> forInvoice(String tenantId, UUID invoiceId) {
    return withLines(
        jdbc.sql(
                "select * from credit_notes where tenant_id = ? and invoice_id = ?"
                    + " order by sequence")
            .params(tenantId, invoiceId)
            .query(JdbcCreditNotes::header)
            .list());
  }

  @Override
  public List<CreditNote> list(
      String tenantId, UUID invoiceId, LocalDate from, LocalDate to, Long before, int limit) {
    StringBuilder sql = new StringBuilder("select * from credit_notes where tenant_id = ?");
    List<Object> params = new ArrayList<>(List.of(tenantId));
    if (invoiceId != null) {
      sql.append(" and invoice_id = ?");
      params.add(invoiceId);
    }
    if (from != null) {
      sql.append(" and issue_date >= ?");
      params.add(from);
    }
    if (to != null) {
      sql.append(" and issue_date <= ?");
      params.add(to);
    }
    if (before != null) {
      sql.append(" and sequence < ?");
      params.add(before);
    }
    sql.append(" order by sequence desc limit ?");
    params.add(limit);
    return withLines(jdbc.sql(sql.toString()).params(params).query(JdbcCreditNotes::header).list());
  }

  private List<CreditNote> withLines(List<CreditNote> headers) {
    if (headers.isEmpty()) {
      return headers;
    }
    Map<UUID, List<CreditNoteLine>> lines =
        jdbc
            .sql(
                "select l.*, c.currency from credit_note_lines l"
                    + " join credit_notes c on c.id = l.credit_note_id"
                    + " where l.credit_note_id in (:ids) order by l.credit_note_id, l.position")
            .param("ids", headers.stream().map(CreditNote::id).toList())
            .query((rs, row) -> Map.entry(rs.getObject("credit_note_id", UUID.class), line(rs)))
            .list()
            .stream()
            .collect(
                Collectors.groupingBy(
                    Map.Entry::getKey,
                    Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    return headers.stream()
        .map(
            h ->
                new CreditNote(
                    h.id(),
                    h.tenantId(),
                    h.number(),
                    h.invoiceId(),
                    h.currency(),
                    h.issueDate(),
                    h.issuedAt(),
                    h.reason(),
                    lines.getOrDefault(h.id(), List.of()),
                    h.subtotal(),
                    h.taxTotal(),
                    h.total(),
                    h.creditId(),
                    h.origin(),
                    h.sourceEventId()))
        .toList();
  }

  private static CreditNote header(ResultSet rs, int row) throws SQLException {
    Currency currency = Currency.getInstance(rs.getString("currency"));
    return new CreditNote(
        rs.getObject("id", UUID.class),
        rs.getString("tenant_id"),
        DocumentNumber.stored(rs.getString("number"), rs.getLong("sequence")),
        rs.getObject("invoice_id", UUID.class),
        currency,
        rs.getObject("issue_date", LocalDate.class),
        rs.getTimestamp("issued_at").toInstant(),
        rs.getString("reason"),
        List.of(),
        JdbcInvoices.minor(rs.getBigDecimal("subtotal"), currency),
        JdbcInvoices.minor(rs.getBigDecimal("tax_total"), currency),
        JdbcInvoices.minor(rs.getBigDecimal("total"), currency),
        rs.getString("credit_id"),
        Origin.valueOf(rs.getString("origin")),
        rs.getString("source_event_id"));
  }

  private static CreditNoteLine line(ResultSet rs) throws SQLException {
    Currency currency = Currency.getInstance(rs.getString("currency"));
    int invoiceLine = rs.getInt("invoice_line");
    return new CreditNoteLine(
        rs.wasNull() ? null : invoiceLine,
        rs.getString("description"),
        rs.getString("sku"),
        rs.getBigDecimal("quantity").stripTrailingZeros(),
        rs.getBigDecimal("tax_rate").stripTrailingZeros(),
        TaxCategory.valueOf(rs.getString("tax_category")),
        rs.getString("tax_exemption_reason"),
        JdbcInvoices.minor(rs.getBigDecimal("net"), currency),
        JdbcInvoices.minor(rs.getBigDecimal("tax"), currency),
        JdbcInvoices.minor(rs.getBigDecimal("gross"), currency));
  }
}
