package io.ledgerline.invoice.invoice;

import java.math.BigDecimal;

/**
 * One thing to credit. For an invoice line: it is named by {@code position} (1-based, the API) or
 * {@code lineRef} (the platform's line id), else by sku, else by description; {@code quantity} says
 * how many units (null: what is left of the line); {@code amount} and {@code tax} are what the
 * platform refunded for it, when it says ({@code amount} on the invoice's basis: net, or gross when
 * its prices include tax). For an adjustment (no invoice line): {@code description}, {@code amount}
 * and {@code tax}.
 */
public record CreditLineRequest(
    Integer position,
    String lineRef,
    String sku,
    String description,
    BigDecimal quantity,
    BigDecimal amount,
    BigDecimal tax) {

  public CreditLineRequest {
    if (quantity != null && quantity.signum() <= 0) {
      throw new InvalidInvoice("a credited quantity must be positive");
    }
    if (amount != null && amount.signum() < 0) {
      throw new InvalidInvoice("a credited amount cannot be negative");
    }
    if (tax != null && tax.signum() < 0) {
      throw new InvalidInvoice("a credited tax cannot be negative");
    }
  }

  public static CreditLineRequest ofLine(int position, BigDecimal quantity) {
    return new CreditLineRequest(position, null, null, null, quantity, null, null);
  }
}
