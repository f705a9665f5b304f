package io.ledgerline.invoice.invoice;

import java.math.BigDecimal;

/**
 * A line's tax as the source states it. {@code taxed}: true, the platform taxed it ({@code rate}
 * and/or {@code amount} say how much); false, the platform did not (0 %, {@code category} says
 * why); null, the source does not say, and the tenant's {@link UntaxedLines} rule applies. A source
 * that gives only a rate has taxed the line at that rate (a 0 is kept as 0).
 */
public record LineTax(
    Boolean taxed,
    BigDecimal rate,
    BigDecimal amount,
    TaxCategory category,
    String exemptionReason) {

  private static final LineTax UNSTATED = new LineTax(null, null, null, null, null);

  public LineTax {
    if (rate != null && (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0)) {
      throw new InvalidInvoice("a tax rate outside 0..1: " + rate);
    }
    if (amount != null && amount.signum() < 0) {
      throw new InvalidInvoice("a negative tax amount: " + amount);
    }
    if (Boolean.FALSE.equals(taxed) && amount != null && amount.signum() > 0) {
      throw new InvalidInvoice("an untaxed line with a tax amount");
    }
  }

  public static LineTax unstated() {
    return UNSTATED;
  }

  /** A line taxed at a rate, with no amount of the platform's own. */
  public static LineTax atRate(BigDecimal rate) {
    return rate == null ? UNSTATED : new LineTax(true, rate, null, null, null);
  }

  /** Whether the source taxed the line; null when it does not say. */
  Boolean stated() {
    if (taxed != null) {
      return taxed;
    }
    return rate != null || amount != null ? Boolean.TRUE : null;
  }
}
