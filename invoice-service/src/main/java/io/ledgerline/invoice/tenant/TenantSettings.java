package io.ledgerline.invoice.tenant;

import io.ledgerline.invoice.invoice.DefaultTaxRates;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A tenant's own settings ({@code tenant_settings}), falling back to {@link InvoiceSettings}. Not
 * exposed through the API yet; operators set them with {@link #setDefaultTaxRate}.
 */
@Repository
public class TenantSettings implements DefaultTaxRates {

  private final JdbcClient jdbc;
  private final InvoiceSettings defaults;

  TenantSettings(JdbcClient jdbc, InvoiceSettings defaults) {
    this.jdbc = jdbc;
    this.defaults = defaults;
  }

  @Override
  public BigDecimal defaultRateFor(String tenantId) {
    return ownDefaultTaxRate(tenantId).orElse(defaults.defaultTaxRate());
  }

  public Optional<BigDecimal> ownDefaultTaxRate(String tenantId) {
    return jdbc
        .sql("select default_tax_rate from tenant_settings where tenant_id = ?")
        .param(tenantId)
        .query(BigDecimal.class)
        .list()
        .stream()
        .filter(Objects::nonNull)
        .findFirst();
  }

  /** Sets (or, with null, clears) the tenant's own default tax rate. */
  public void setDefaultTaxRate(String tenantId, BigDecimal rate) {
    if (rate != null && (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0)) {
      throw new IllegalArgumentException("a tax rate is a fraction between 0 and 1: " + rate);
    }
    jdbc.sql(
            """
            insert into tenant_settings (tenant_id, default_tax_rate) values (?, ?)
            on conflict (tenant_id) do update
                set default_tax_rate = excluded.default_tax_rate, updated_at = now()
            """)
        .params(tenantId, rate)
        .update();
  }
}
