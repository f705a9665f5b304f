package io.ledgerline.invoice.invoice;

import java.math.BigDecimal;
import java.util.Objects;

/** A tenant's (or connection's) rules for lines whose source does not state their tax. */
public record TaxTerms(BigDecimal defaultRate, UntaxedLines untaxedLines) {

  public TaxTerms {
    Objects.requireNonNull(defaultRate, "defaultRate");
    Objects.requireNonNull(untaxedLines, "untaxedLines");
  }
}
