package io.ledgerline.invoice.settings;

import io.ledgerline.invoice.invoice.Seller;
import io.ledgerline.invoice.invoice.UntaxedLines;
import java.math.BigDecimal;

/** What a tenant has set; every field may be null (the service-wide default applies). */
record TenantInvoicing(
    Seller seller,
    String timeZone,
    String invoicePrefix,
    String creditNotePrefix,
    Integer paymentTermsDays,
    BigDecimal defaultTaxRate,
    UntaxedLines untaxedLines) {

  static final TenantInvoicing NONE = new TenantInvoicing(null, null, null, null, null, null, null);
}
