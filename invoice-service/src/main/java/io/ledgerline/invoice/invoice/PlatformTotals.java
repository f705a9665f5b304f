package io.ledgerline.invoice.invoice;

import java.math.BigDecimal;

/** The totals the source platform computed, to reconcile the invoice against. */
public record PlatformTotals(BigDecimal total, BigDecimal taxTotal) {}
