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
    TaxCategory taxCategory,
    String taxExemptionReason,
    BigDecimal net,
    BigDecimal tax,
    BigDecimal gross,
    String externalId,
    boolean shipping) {

  /** Why a line the tenant's rule leaves untaxed carries no tax. */
  public static final String NOT_TAXED_REASON = "Not taxed by the sale's platform";

  /**
   * Prices a requested line (ADR 0002). The rate and category: what the source states (a line it
   * marks untaxed is 0 % with its category, out of scope unless it says otherwise); for a line it
   * says nothing of, the tenant's rule (the default rate, or 0 % out of scope). With net prices:
   * net = quantity × unit price − discount, tax = the platform's own tax amount when it states one,
   * else net × rate. With gross prices (taxes included) the same amount is the gross, tax = the
   * platform's amount or gross − gross ÷ (1 + rate), net = gross − tax. Every amount HALF_UP to the
   * currency's minor units.
   */
  static InvoiceLine price(
      LineRequest request,
      TaxTerms terms,
      Currency currency,
      boolean taxesIncluded,
      boolean shipping) {
    BigDecimal discount = request.discount() == null ? BigDecimal.ZERO : request.discount();
    BigDecimal amount = request.quantity().multiply(request.unitPrice()).subtract(discount);
    if (amount.signum() < 0) {
      throw new InvalidInvoice(
          "line '" + request.description() + "' has a discount larger than the line");
    }
    int digits = Amounts.fractionDigits(currency);
    Treatment t = Treatment.of(request.tax(), terms);
    BigDecimal stated = t.amount() == null ? null : Amounts.round(t.amount(), currency);
    BigDecimal net;
    BigDecimal tax;
    BigDecimal gross;
    if (taxesIncluded) {
      gross = Amounts.round(amount, currency);
      tax =
          stated != null
              ? stated
              : gross.subtract(
                  gross.divide(BigDecimal.ONE.add(t.rate()), digits, RoundingMode.HALF_UP));
      net = gross.subtract(tax);
      if (net.signum() < 0) {
        throw new InvalidInvoice(
            "line '" + request.description() + "' has more tax than its gross amount");
      }
    } else {
      net = Amounts.round(amount, currency);
      tax = stated != null ? stated : Amounts.round(net.multiply(t.rate()), currency);
      gross = net.add(tax);
    }
    BigDecimal rate = t.rate();
    if (t.rateUnknown()) {
      // The platform gave an amount but no rate: the rate is what the amount is of the net.
      rate = net.signum() == 0 ? BigDecimal.ZERO : tax.divide(net, 6, RoundingMode.HALF_UP);
    }
    TaxCategory category = t.category();
    if (category == null) {
      category =
          rate.signum() > 0 || tax.signum() > 0 ? TaxCategory.STANDARD : TaxCategory.ZERO_RATED;
    }
    return new InvoiceLine(
        request.description(),
        request.sku(),
        request.quantity(),
        request.unitPrice(),
        request.discount(),
        rate,
        category,
        t.exemptionReason(),
        net,
        tax,
        gross,
        request.externalId(),
        shipping);
  }

  /** The rate, category and stated amount a line's tax statement comes to under the rules. */
  private record Treatment(
      BigDecimal rate,
      boolean rateUnknown,
      BigDecimal amount,
      TaxCategory category,
      String exemptionReason) {

    static Treatment of(LineTax tax, TaxTerms terms) {
      Boolean taxed = tax.stated();
      if (Boolean.FALSE.equals(taxed)) {
        TaxCategory category =
            tax.category() == null || tax.category() == TaxCategory.STANDARD
                ? TaxCategory.OUT_OF_SCOPE
                : tax.category();
        String reason =
            tax.exemptionReason() != null || category == TaxCategory.ZERO_RATED
                ? tax.exemptionReason()
                : NOT_TAXED_REASON;
        return new Treatment(BigDecimal.ZERO, false, null, category, reason);
      }
      if (Boolean.TRUE.equals(taxed)) {
        boolean rateUnknown = tax.rate() == null && tax.amount() != null;
        BigDecimal rate = tax.rate() == null ? BigDecimal.ZERO : tax.rate();
        return new Treatment(
            rate, rateUnknown, tax.amount(), tax.category(), tax.exemptionReason());
      }
      return terms.untaxedLines() == UntaxedLines.DEFAULT_RATE
          ? new Treatment(terms.defaultRate(), false, null, TaxCategory.STANDARD, null)
          : new Treatment(BigDecimal.ZERO, false, null, TaxCategory.OUT_OF_SCOPE, NOT_TAXED_REASON);
    }
  }
}
