package io.ledgerline.invoice.tenant;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Service-wide invoice settings ({@code ledgerline.invoice.*}).
 *
 * @param defaultTaxRate the rate (a fraction: 0.075 is 7.5 %) of lines whose source gives none, for
 *     tenants without their own ({@code tenant_settings})
 */
@Validated
@ConfigurationProperties("ledgerline.invoice")
public record InvoiceSettings(
    @DefaultValue("0.075") @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal defaultTaxRate) {}
