package io.ledgerline.invoice.invoice;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Invoices and their lines in PostgreSQL. Every query filters on the tenant. */
@Repository
class JdbcInvoices implements Invoices {

  private final JdbcClient jdbc;

  JdbcInvoices(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void add(Invoice invoice) {
    ClientSnapshot c = invoice.client();
    PostalAddress a =
        c.address() == null ? new PostalAddress(null, null, null, null, null, null) : c.address();
    SourceReference s = invoice.source();
    jdbc.sql(
            """
            insert into invoices (id, tenant_id, sequence, number, client_id, client_name,
                client_email, client_phone, client_tax_id, client_address_line1,
                client_address_line2, client_address_city, client_address_region,
                client_address_postal_code, client_address_country, currency, issue_date,
                issued_at, subtotal, tax_total, total, source_platform, source_connection_id,
                source_external_id, source_reference, source_event_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            invoice.id(),
            invoice.tenantId(),
            invoice.number().sequence(),
            invoice.number().toString(),
            c.id(),
            c.name(),
            c.email(),
            c.phone(),
            c.taxId(),
            a.line1(),
            a.line2(),
            a.city(),
            a.region(),
            a.postalCode(),
            a.country(),
            invoice.currency().getCurrencyCode(),
            invoice.issueDate(),
            Timestamp.from(invoice.issuedAt()),
            invoice.subtotal(),
            invoice.taxTotal(),
            invoice.total(),
            s.platform(),
            s.connectionId(),
            s.externalId(),
            s.reference(),
            s.eventId())
        .update();
    int position = 0;
    for (InvoiceLine line : invoice.lines()) {
      jdbc.sql(
              """
              insert into invoice_lines (invoice_id, position, description, sku, quantity,
                  unit_price, discount, tax_rate, net, tax, gross)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              """)
          .params(
              invoice.id(),
              ++position,
              line.description(),
              line.sku(),
              line.quantity(),
              line.unitPrice(),
              line.discount(),
              line.taxRate(),
              line.net(),
              line.tax(),
              line.gross())
          .update();
    }
  }

  @Override
  public Optional<Invoice> findById(String tenantId, UUID id) {
    return one(
        jdbc.sql("select * from invoices where tenant_id = ? and id = ?")
            .params(tenantId, id)
            .query(JdbcInvoices::header)
            .list());
  }

  @Override
  public Optional<Invoice> findBySource(String tenantId, SourceReference source) {
    return one(
        jdbc.sql(
                "select * from invoices where tenant_id = ? and source_platform = ?"
                    + " and source_connection_id = ? and source_external_id = ?")
            .params(tenantId, source.platform(), source.connectionId(), source.externalId())
            .query(JdbcInvoices::header)
            .list());
  }

  @Override
  public List<Invoice> list(String tenantId, Long before, int limit, String sourceExternalId) {
    StringBuilder sql = new StringBuilder("select * from invoices where tenant_id = ?");
    List<Object> params = new ArrayList<>(List.of(tenantId));
    if (before != null) {
      sql.append(" and sequence < ?");
      params.add(before);
    }
    if (sourceExternalId != null) {
      sql.append(" and source_external_id = ?");
      params.add(sourceExternalId);
    }
    sql.append(" order by sequence desc limit ?");
    params.add(limit);
    List<Invoice> headers =
        jdbc.sql(sql.toString()).params(params).query(JdbcInvoices::header).list();
    return withLines(headers);
  }

  private Optional<Invoice> one(List<Invoice> headers) {
    return withLines(headers).stream().findFirst();
  }

  private List<Invoice> withLines(List<Invoice> headers) {
    if (headers.isEmpty()) {
      return headers;
    }
    List<UUID> ids = headers.stream().map(Invoice::id).toList();
    Map<UUID, List<InvoiceLine>> lines =
        jdbc
            .sql(
                "select l.*, i.currency from invoice_lines l join invoices i on i.id = l.invoice_id"
                    + " where l.invoice_id in (:ids) order by l.invoice_id, l.position")
            .param("ids", ids)
            .query((rs, row) -> Map.entry(rs.getObject("invoice_id", UUID.class), line(rs)))
            .list()
            .stream()
            .collect(
                Collectors.groupingBy(
                    Map.Entry::getKey,
                    Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    return headers.stream()
        .map(
            h ->
                new Invoice(
                    h.id(),
                    h.tenantId(),
                    h.number(),
                    h.client(),
                    h.currency(),
                    h.issueDate(),
                    h.issuedAt(),
                    lines.getOrDefault(h.id(), List.of()),
                    h.subtotal(),
                    h.taxTotal(),
                    h.total(),
                    h.source()))
        .toList();
  }

  private static Invoice header(ResultSet rs, int row) throws SQLException {
    Currency currency = Currency.getInstance(rs.getString("currency"));
    PostalAddress address =
        new PostalAddress(
            rs.getString("client_address_line1"),
            rs.getString("client_address_line2"),
            rs.getString("client_address_city"),
            rs.getString("client_address_region"),
            rs.getString("client_address_postal_code"),
            rs.getString("client_address_country"));
    boolean noAddress = address.equals(new PostalAddress(null, null, null, null, null, null));
    return new Invoice(
        rs.getObject("id", UUID.class),
        rs.getString("tenant_id"),
        new InvoiceNumber(rs.getLong("sequence")),
        new ClientSnapshot(
            rs.getString("client_id"),
            rs.getString("client_name"),
            rs.getString("client_email"),
            rs.getString("client_phone"),
            rs.getString("client_tax_id"),
            noAddress ? null : address),
        currency,
        rs.getObject("issue_date", java.time.LocalDate.class),
        rs.getTimestamp("issued_at").toInstant(),
        List.of(),
        minor(rs.getBigDecimal("subtotal"), currency),
        minor(rs.getBigDecimal("tax_total"), currency),
        minor(rs.getBigDecimal("total"), currency),
        new SourceReference(
            rs.getString("source_platform"),
            rs.getString("source_connection_id"),
            rs.getString("source_external_id"),
            rs.getString("source_reference"),
            rs.getString("source_event_id")));
  }

  private static InvoiceLine line(ResultSet rs) throws SQLException {
    Currency currency = Currency.getInstance(rs.getString("currency"));
    BigDecimal discount = rs.getBigDecimal("discount");
    return new InvoiceLine(
        rs.getString("description"),
        rs.getString("sku"),
        rs.getBigDecimal("quantity").stripTrailingZeros(),
        rs.getBigDecimal("unit_price"),
        discount,
        rs.getBigDecimal("tax_rate").stripTrailingZeros(),
        minor(rs.getBigDecimal("net"), currency),
        minor(rs.getBigDecimal("tax"), currency),
        minor(rs.getBigDecimal("gross"), currency));
  }

  /** Stored at scale 4; the values were rounded to the currency's minor units when issued. */
  private static BigDecimal minor(BigDecimal stored, Currency currency) {
    return stored.setScale(currency.getDefaultFractionDigits(), java.math.RoundingMode.UNNECESSARY);
  }
}
