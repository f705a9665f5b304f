package io.ledgerline.invoice.invoice;

import java.math.BigDecimal;

/**
 * The platform's own totals when the invoice's differ from them beyond rounding: kept on the
 * invoice, never hidden.
 */
public record Reconciliation(
    BigDecimal platformTotal,
    BigDecimal invoiceTotal,
    BigDecimal difference,
    BigDecimal platformTaxTotal,
    BigDecimal invoiceTaxTotal) {}
