package io.ledgerline.invoice.invoice;

import java.math.BigDecimal;

/**
 * A credited line: {@code invoiceLine} is the 1-based position of the invoice line it credits (null
 * for an adjustment); {@code quantity} the units credited (0 when an amount, not units, was
 * credited).
 */
public record CreditNoteLine(
    Integer invoiceLine,
    String description,
    String sku,
    BigDecimal quantity,
    BigDecimal taxRate,
    TaxCategory taxCategory,
    String taxExemptionReason,
    BigDecimal net,
    BigDecimal tax,
    BigDecimal gross) {}
