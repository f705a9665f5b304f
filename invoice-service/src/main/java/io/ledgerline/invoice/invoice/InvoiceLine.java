package io.ledgerline.invoice.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An invoice line with its amounts worked out. Each line is rounded to the currency's minor units
 * on its own and the invoice totals are the sums of the rounded lines (ADR 0002), so the lines
 * always add up to the totals.
 */
public record InvoiceLine(
    String description,
    String sku,
    BigDecimal quantity,
    BigDecimal unitPrice,
    BigDecimal discount,
    BigDecimal taxRate,
    BigDecimal net,
    BigDecimal tax,
    BigDecimal gross) {

  /**
   * Prices a requested line. With net prices: net = quantity × unit price − discount, tax = net ×
   * rate. With gross prices (taxes included) the same amount is the gross and the tax is extracted:
   * net = gross ÷ (1 + rate), tax = gross − net. Every amount HALF_UP to the currency's minor
   * units.
   */
  static InvoiceLine price(
      LineRequest request, BigDecimal defaultRate, Currency currency, boolean taxesIncluded) {
    BigDecimal rate = request.taxRate() != null ? request.taxRate() : defaultRate;
    BigDecimal discount = request.discount() == null ? BigDecimal.ZERO : request.discount();
    BigDecimal amount = request.quantity().multiply(request.unitPrice()).subtract(discount);
    if (amount.signum() < 0) {
      throw new InvalidInvoice(
          "line '" + request.description() + "' has a discount larger than the line");
    }
    int digits = Amounts.fractionDigits(currency);
    BigDecimal net;
    BigDecimal tax;
    BigDecimal gross;
    if (taxesIncluded) {
      gross = Amounts.round(amount, currency);
      net = gross.divide(BigDecimal.ONE.add(rate), digits, RoundingMode.HALF_UP);
      tax = gross.subtract(net);
    } else {
      net = Amounts.round(amount, currency);
      tax = Amounts.round(net.multiply(rate), currency);
      gross = net.add(tax);
    }
    return new InvoiceLine(
        request.description(),
        request.sku(),
        request.quantity(),
        request.unitPrice(),
        request.discount(),
        rate,
        net,
        tax,
        gross);
  }
}
