package io.ledgerline.invoice.invoice;

import java.math.BigDecimal;

/**
 * One line as the source asks for it. {@code unitPrice} and {@code discount} are net or gross as
 * the whole request says; {@code discount} is the line's total discount (may be null); {@code tax}
 * is what the source says of the line's tax; {@code externalId} the platform's id of the line,
 * which refunds name.
 */
public record LineRequest(
    String description,
    String sku,
    BigDecimal quantity,
    BigDecimal unitPrice,
    BigDecimal discount,
    LineTax tax,
    String externalId) {

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
    tax = tax == null ? LineTax.unstated() : tax;
  }

  /** A line whose only tax statement is a rate (null: unstated), as older sources send. */
  public LineRequest(
      String description,
      String sku,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal discount,
      BigDecimal taxRate) {
    this(description, sku, quantity, unitPrice, discount, LineTax.atRate(taxRate), null);
  }
}
