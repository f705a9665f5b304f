package io.ledgerline.invoice.invoice;

/** What a line whose tax the platform does not state gets: the default rate, or no tax at all. */
public enum UntaxedLines {
  DEFAULT_RATE,
  NOT_TAXED
}
