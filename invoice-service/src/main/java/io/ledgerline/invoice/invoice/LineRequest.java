package io.ledgerline.invoice.invoice;

import java.math.BigDecimal;

/**
 * One line as the source asks for it. {@code unitPrice} and {@code discount} are net or gross as
 * the whole request says; {@code discount} is the line's total discount (may be null); {@code
 * taxRate} is a fraction (0.075 for 7.5 %), null for the tenant's default.
 */
public record LineRequest(
    String description,
    String sku,
    BigDecimal quantity,
    BigDecimal unitPrice,
    BigDecimal discount,
    BigDecimal taxRate) {

  public LineRequest {
    if (description == null || description.isBlank()) {
      throw new InvalidInvoice("a line needs a description");
    }
    if (quantity == null || quantity.signum() <= 0) {
      throw new InvalidInvoice("line '" + description + "' needs a positive quantity");
    }
    if (unitPrice == null || unitPrice.signum() < 0) {
      throw new InvalidInvoice("line '" + description + "' needs a unit price of 0 or more");
    }
    if (discount != null && discount.signum() < 0) {
      throw new InvalidInvoice("line '" + description + "' has a negative discount");
    }
    if (taxRate != null && (taxRate.signum() < 0 || taxRate.compareTo(BigDecimal.ONE) > 0)) {
      throw new InvalidInvoice("line '" + description + "' has a tax rate outside 0..1");
    }
  }
}
