package io.ledgerline.invoice.settings;

import io.ledgerline.invoice.invoice.InvoicingProfiles;
import io.ledgerline.invoice.invoice.InvoicingTerms;
import io.ledgerline.invoice.invoice.Seller;
import io.ledgerline.invoice.invoice.TaxTerms;
import io.ledgerline.invoice.invoice.UntaxedLines;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tenants' own settings ({@code tenant_settings}, {@code connection_settings}), falling back to
 * {@link InvoiceSettings}; the seller as JSON.
 */
@Repository
class TenantSettings implements InvoicingProfiles {

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final InvoiceSettings defaults;

  TenantSettings(JdbcClient jdbc, JsonMapper json, InvoiceSettings defaults) {
    this.jdbc = jdbc;
    this.json = json;
    this.defaults = defaults;
  }

  @Override
  public InvoicingTerms termsFor(String tenantId, String connectionId) {
    TenantInvoicing own = find(tenantId);
    UntaxedLines untaxed =
        Optional.ofNullable(connectionId)
            .flatMap(id -> connectionRule(tenantId, id))
            .or(() -> Optional.ofNullable(own.untaxedLines()))
            .orElse(defaults.untaxedLines());
    return new InvoicingTerms(
        own.seller(),
        ZoneId.of(or(own.timeZone(), defaults.timeZone())),
        or(own.invoicePrefix(), defaults.invoicePrefix()),
        or(own.creditNotePrefix(), defaults.creditNotePrefix()),
        or(own.paymentTermsDays(), defaults.paymentTermsDays()),
        new TaxTerms(or(own.defaultTaxRate(), defaults.defaultTaxRate()), untaxed));
  }

  TenantInvoicing find(String tenantId) {
    return jdbc.sql(
            """
            select seller, time_zone, invoice_prefix, credit_note_prefix, payment_terms_days,
                default_tax_rate, untaxed_lines
            from tenant_settings where tenant_id = ?
            """)
        .param(tenantId)
        .query(
            (rs, row) -> {
              String seller = rs.getString("seller");
              int terms = rs.getInt("payment_terms_days");
              boolean noTerms = rs.wasNull();
              String untaxed = rs.getString("untaxed_lines");
              return new TenantInvoicing(
                  seller == null ? null : json.readValue(seller, Seller.class),
                  rs.getString("time_zone"),
                  rs.getString("invoice_prefix"),
                  rs.getString("credit_note_prefix"),
                  noTerms ? null : terms,
                  rs.getBigDecimal("default_tax_rate"),
                  untaxed == null ? null : UntaxedLines.valueOf(untaxed));
            })
        .optional()
        .orElse(TenantInvoicing.NONE);
  }

  void save(String tenantId, TenantInvoicing settings) {
    jdbc.sql(
            """
            insert into tenant_settings (tenant_id, seller, time_zone, invoice_prefix,
                credit_note_prefix, payment_terms_days, default_tax_rate, untaxed_lines)
            values (?, ?::jsonb, ?, ?, ?, ?, ?, ?)
            on conflict (tenant_id) do update set
                seller = excluded.seller, time_zone = excluded.time_zone,
                invoice_prefix = excluded.invoice_prefix,
                credit_note_prefix = excluded.credit_note_prefix,
                payment_terms_days = excluded.payment_terms_days,
                default_tax_rate = excluded.default_tax_rate,
                untaxed_lines = excluded.untaxed_lines, updated_at = now()
            """)
        .params(
            tenantId,
            settings.seller() == null ? null : json.writeValueAsString(settings.seller()),
            settings.timeZone(),
            settings.invoicePrefix(),
            settings.creditNotePrefix(),
            settings.paymentTermsDays(),
            settings.defaultTaxRate(),
            settings.untaxedLines() == null ? null : settings.untaxedLines().name())
        .update();
  }

  Optional<UntaxedLines> connectionRule(String tenantId, String connectionId) {
    return jdbc.sql(
            "select untaxed_lines from connection_settings where tenant_id = ? and connection_id = ?")
        .params(tenantId, connectionId)
        .query(String.class)
        .optional()
        .map(UntaxedLines::valueOf);
  }

  void saveConnectionRule(String tenantId, String connectionId, UntaxedLines rule) {
    jdbc.sql(
            """
            insert into connection_settings (tenant_id, connection_id, untaxed_lines)
            values (?, ?, ?)
            on conflict (tenant_id, connection_id) do update
                set untaxed_lines = excluded.untaxed_lines, updated_at = now()
            """)
        .params(tenantId, connectionId, rule.name())
        .update();
  }

  boolean removeConnectionRule(String tenantId, String connectionId) {
    return jdbc.sql("delete from connection_settings where tenant_id = ? and connection_id = ?")
            .params(tenantId, connectionId)
            .update()
        == 1;
  }

  @Override
  public Optional<Seller.ElectronicAddress> clientElectronicAddress(
      String tenantId, String clientId) {
    return jdbc.sql(
            """
            SELECT electronic_address_scheme, electronic_address_id FROM client_settings
            WHERE tenant_id = :tenantId AND client_id = :clientId
            """)
        .param("tenantId", tenantId)
        .param("clientId", clientId)
        .query(
            (rs, row) ->
                new Seller.ElectronicAddress(
                    rs.getString("electronic_address_scheme"),
                    rs.getString("electronic_address_id")))
        .optional();
  }

  void saveClientElectronicAddress(
      String tenantId, String clientId, Seller.ElectronicAddress address) {
    jdbc.sql(
            """
            INSERT INTO client_settings (tenant_id, client_id, electronic_address_scheme,
                electronic_address_id)
            VALUES (:tenantId, :clientId, :scheme, :id)
            ON CONFLICT (tenant_id, client_id) DO UPDATE
                SET electronic_address_scheme = excluded.electronic_address_scheme,
                    electronic_address_id = excluded.electronic_address_id, updated_at = now()
            """)
        .param("tenantId", tenantId)
        .param("clientId", clientId)
        .param("scheme", address.scheme())
        .param("id", address.id())
        .update();
  }

  boolean removeClientSettings(String tenantId, String clientId) {
    return jdbc.sql(
                "DELETE FROM client_settings WHERE tenant_id = :tenantId AND client_id = :clientId")
            .param("tenantId", tenantId)
            .param("clientId", clientId)
            .update()
        == 1;
  }

  InvoiceSettings defaults() {
    return defaults;
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
