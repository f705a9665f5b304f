package io.ledgerline.invoice.invoice;

import java.math.BigDecimal;

/** The tax rate of lines whose source gives none, per tenant. */
public interface DefaultTaxRates {

  BigDecimal defaultRateFor(String tenantId);
}
