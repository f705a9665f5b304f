package io.ledgerline.events;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Helpers for the decimal fields of the contracts. Avro decimals have a fixed scale, so every
 * amount must be brought to it before it is written.
 */
public final class Amounts {

  /** The scale of money amounts and quantities in the contracts. */
  public static final int SCALE = 4;

  /** The scale of tax rates (fractions) in the contracts. */
  public static final int RATE_SCALE = 6;

  private Amounts() {}

  /** Money with its amount at the contract scale; fails if that would lose precision. */
  public static Money money(BigDecimal amount, String currency) {
    return new Money(amount.setScale(SCALE, RoundingMode.UNNECESSARY), currency);
  }

  /** A quantity at the contract scale; fails if that would lose precision. */
  public static BigDecimal quantity(BigDecimal quantity) {
    return quantity.setScale(SCALE, RoundingMode.UNNECESSARY);
  }

  /**
   * A rate (fraction, 0.075 for 7.5 %) at the contract scale; fails if that would lose precision.
   */
  public static BigDecimal rate(BigDecimal rate) {
    return rate.setScale(RATE_SCALE, RoundingMode.UNNECESSARY);
  }
}
