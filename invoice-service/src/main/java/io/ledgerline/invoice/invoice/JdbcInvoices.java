package io.ledgerline.invoice.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Invoices and their lines in PostgreSQL; the seller snapshot and the reconciliation as JSON. Every
 * query filters on the tenant.
 */
@Repository
class JdbcInvoices implements Invoices {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  JdbcInvoices(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
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
                source_external_id, source_reference, source_event_id, source_key,
                source_account_id, source_kind, seller, taxes_included, due_date, status,
                paid_total, credited_total, reconciliation, client_electronic_address_scheme,
                client_electronic_address_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
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
            s.eventId(),
            s.key(),
            s.accountId(),
            invoice.sourceKind() == null ? null : invoice.sourceKind().name(),
            invoice.seller() == null ? null : json.writeValueAsString(invoice.seller()),
            invoice.taxesIncluded(),
            invoice.dueDate(),
            invoice.status().name(),
            invoice.paidTotal(),
            invoice.creditedTotal(),
            invoice.reconciliation() == null
                ? null
                : json.writeValueAsString(invoice.reconciliation()),
            c.electronicAddress() == null ? null : c.electronicAddress().scheme(),
            c.electronicAddress() == null ? null : c.electronicAddress().id())
        .update();
    int position = 0;
    for (InvoiceLine line : invoice.lines()) {
      jdbc.sql(
              """
              insert into invoice_lines (invoice_id, position, description, sku, quantity,
                  unit_price, discount, tax_rate, net, tax, gross, external_id, tax_category,
                  tax_exemption_reason, shipping)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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
              line.gross(),
              line.externalId(),
              line.taxCategory().name(),
              line.taxExemptionReason(),
              line.shipping())
          .update();
    }
  }

  @Override
  public Optional<Invoice> findById(String tenantId, UUID id) {
    return one(
        jdbc.sql("select * from invoices where tenant_id = ? and id = ?")
            .params(tenantId, id)
            .query(this::header)
            .list());
  }

  @Override
  public Optional<Invoice> lockById(String tenantId, UUID id) {
    return one(
        jdbc.sql("select * from invoices where tenant_id = ? and id = ? for update")
            .params(tenantId, id)
            .query(this::header)
            .list());
  }

  @Override
  public Optional<Invoice> lockBySource(String tenantId, String sourceKey) {
    return one(
        jdbc.sql("select * from invoices where tenant_id = ? and source_key = ? for update")
            .params(tenantId, sourceKey)
            .query(this::header)
            .list());
  }

  /**
   * By its keys (account first, then connection), and for a source that names no account, also an
   * invoice of the same connection's object stored under its account key (the sale came through an
   * event that named the account, its refund through one that did not).
   */
  @Override
  public Optional<Invoice> lockBySource(String tenantId, SourceReference source) {
    Optional<Invoice> byKey = Invoices.super.lockBySource(tenantId, source);
    if (byKey.isPresent() || (source.accountId() != null && !source.accountId().isBlank())) {
      return byKey;
    }
    return one(
        jdbc.sql(
                "select * from invoices where tenant_id = ? and source_platform = ?"
                    + " and source_connection_id = ? and source_external_id = ?"
                    + " order by issued_at, id limit 1 for update")
            .params(tenantId, source.platform(), source.connectionId(), source.externalId())
            .query(this::header)
            .list());
  }

  @Override
  public void updateStanding(Invoice invoice) {
    jdbc.sql(
            "update invoices set paid_total = ?, credited_total = ?, status = ?"
                + " where tenant_id = ? and id = ?")
        .params(
            invoice.paidTotal(),
            invoice.creditedTotal(),
            invoice.status().name(),
            invoice.tenantId(),
            invoice.id())
        .update();
  }

  @Override
  public List<Invoice> list(String tenantId, InvoiceFilter filter, int limit) {
    StringBuilder sql = new StringBuilder("select * from invoices where tenant_id = ?");
    List<Object> params = new ArrayList<>(List.of(tenantId));
    condition(sql, params, "sequence < ?", filter.before());
    condition(sql, params, "status = ?", filter.status() == null ? null : filter.status().name());
    condition(sql, params, "issue_date >= ?", filter.from());
    condition(sql, params, "issue_date <= ?", filter.to());
    condition(sql, params, "client_id = ?", filter.clientId());
    condition(sql, params, "source_platform = ?", filter.platform());
    condition(sql, params, "source_connection_id = ?", filter.connectionId());
    condition(sql, params, "number = ?", filter.number());
    condition(sql, params, "source_external_id = ?", filter.sourceExternalId());
    if (filter.q() != null) {
      String pattern = "%" + likeEscaped(filter.q().toLowerCase(java.util.Locale.ROOT)) + "%";
      sql.append(
          " and (lower(client_name) like ? escape '\\' or lower(client_email) like ? escape '\\')");
      params.add(pattern);
      params.add(pattern);
    }
    sql.append(" order by sequence desc limit ?");
    params.add(limit);
    List<Invoice> headers = jdbc.sql(sql.toString()).params(params).query(this::header).list();
    return withDetails(headers);
  }

  private static void condition(
      StringBuilder sql, List<Object> params, String condition, Object value) {
    if (value != null) {
      sql.append(" and ").append(condition);
      params.add(value);
    }
  }

  private static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private Optional<Invoice> one(List<Invoice> headers) {
    return withDetails(headers).stream().findFirst();
  }

  private List<Invoice> withDetails(List<Invoice> headers) {
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
    Map<UUID, List<UUID>> notes =
        jdbc
            .sql(
                "select invoice_id, id from credit_notes where invoice_id in (:ids)"
                    + " order by invoice_id, sequence")
            .param("ids", ids)
            .query(
                (rs, row) ->
                    Map.entry(
                        rs.getObject("invoice_id", UUID.class), rs.getObject("id", UUID.class)))
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
                    h.seller(),
                    h.client(),
                    h.currency(),
                    h.taxesIncluded(),
                    h.issueDate(),
                    h.issuedAt(),
                    h.dueDate(),
                    lines.getOrDefault(h.id(), List.of()),
                    h.subtotal(),
                    h.taxTotal(),
                    h.total(),
                    h.source(),
                    h.sourceKind(),
                    h.reconciliation(),
                    h.paidTotal(),
                    h.creditedTotal(),
                    notes.getOrDefault(h.id(), List.of())))
        .toList();
  }

  private Invoice header(ResultSet rs, int row) throws SQLException {
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
    String seller = rs.getString("seller");
    String reconciliation = rs.getString("reconciliation");
    String kind = rs.getString("source_kind");
    return new Invoice(
        rs.getObject("id", UUID.class),
        rs.getString("tenant_id"),
        DocumentNumber.stored(rs.getString("number"), rs.getLong("sequence")),
        seller == null ? null : json.readValue(seller, Seller.class),
        new ClientSnapshot(
            rs.getString("client_id"),
            rs.getString("client_name"),
            rs.getString("client_email"),
            rs.getString("client_phone"),
            rs.getString("client_tax_id"),
            noAddress ? null : address,
            rs.getString("client_electronic_address_id") == null
                ? null
                : new Seller.ElectronicAddress(
                    rs.getString("client_electronic_address_scheme"),
                    rs.getString("client_electronic_address_id"))),
        currency,
        rs.getBoolean("taxes_included"),
        rs.getObject("issue_date", LocalDate.class),
        rs.getTimestamp("issued_at").toInstant(),
        rs.getObject("due_date", LocalDate.class),
        List.of(),
        minor(rs.getBigDecimal("subtotal"), currency),
        minor(rs.getBigDecimal("tax_total"), currency),
        minor(rs.getBigDecimal("total"), currency),
        new SourceReference(
            rs.getString("source_platform"),
            rs.getString("source_connection_id"),
            rs.getString("source_external_id"),
            rs.getString("source_reference"),
            rs.getString("source_event_id"),
            rs.getString("source_account_id")),
        kind == null ? null : SourceKind.valueOf(kind),
        reconciliation == null ? null : json.readValue(reconciliation, Reconciliation.class),
        minor(rs.getBigDecimal("paid_total"), currency),
        minor(rs.getBigDecimal("credited_total"), currency),
        List.of());
  }

  private static InvoiceLine line(ResultSet rs) throws SQLException {
    Currency currency = Currency.getInstance(rs.getString("currency"));
    return new InvoiceLine(
        rs.getString("description"),
        rs.getString("sku"),
        rs.getBigDecimal("quantity").stripTrailingZeros(),
        rs.getBigDecimal("unit_price"),
        rs.getBigDecimal("discount"),
        rs.getBigDecimal("tax_rate").stripTrailingZeros(),
        TaxCategory.valueOf(rs.getString("tax_category")),
        rs.getString("tax_exemption_reason"),
        minor(rs.getBigDecimal("net"), currency),
        minor(rs.getBigDecimal("tax"), currency),
        minor(rs.getBigDecimal("gross"), currency),
        rs.getString("external_id"),
        rs.getBoolean("shipping"));
  }

  /** Stored at scale 4; the values were rounded to the currency's minor units when issued. */
  static BigDecimal minor(BigDecimal stored, Currency currency) {
    return stored.setScale(currency.getDefaultFractionDigits(), RoundingMode.UNNECESSARY);
  }
}
