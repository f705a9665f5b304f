package io.ledgerline.invoice.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Rounding to a currency's minor units, the one rounding rule of invoices (see ADR 0002). */
final class Amounts {

  private Amounts() {}

  static int fractionDigits(Currency currency) {
    int digits = currency.getDefaultFractionDigits();
    if (digits < 0) {
      // Pseudo-currencies (XAU, XXX) have no minor unit: nothing can be invoiced in them.
      throw new InvalidInvoice("currency " + currency + " cannot be invoiced");
    }
    return digits;
  }

  static BigDecimal round(BigDecimal amount, Currency currency) {
    return amount.setScale(fractionDigits(currency), RoundingMode.HALF_UP);
  }
}
