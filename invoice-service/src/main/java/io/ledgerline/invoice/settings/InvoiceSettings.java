package io.ledgerline.invoice.settings;

import io.ledgerline.invoice.invoice.UntaxedLines;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Service-wide invoicing defaults ({@code ledgerline.invoice.*}), for tenants that have not set
 * their own.
 *
 * @param defaultTaxRate the rate (a fraction: 0.075 is 7.5 %) of lines whose tax the source does
 *     not state, under {@code DEFAULT_RATE}
 * @param untaxedLines what a line whose tax the source does not state gets
 * @param timeZone the zone of issue dates
 * @param invoicePrefix the prefix of invoice numbers
 * @param creditNotePrefix the prefix of credit-note numbers
 * @param paymentTermsDays days from the issue date to the due date
 */
@Validated
@ConfigurationProperties("ledgerline.invoice")
public record InvoiceSettings(
    @DefaultValue("0.075") @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal defaultTaxRate,
    @DefaultValue("DEFAULT_RATE") @NotNull UntaxedLines untaxedLines,
    @DefaultValue("Africa/Lagos") @NotBlank String timeZone,
    @DefaultValue("INV-") @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9/_.-]{0,15}")
        String invoicePrefix,
    @DefaultValue("CN-") @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9/_.-]{0,15}")
        String creditNotePrefix,
    @DefaultValue("30") @Min(0) @Max(365) int paymentTermsDays) {}
