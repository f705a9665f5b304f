package io.ledgerline.sync.invoicing;

/** What handling one event did. */
public enum Outcome {
  /** An invoice command was appended to the outbox. */
  INVOICED,
  /** A credit command (refund, return, void) was appended to the outbox. */
  CREDITED,
  /** The event was handled before: nothing was done. */
  ALREADY_PROCESSED,
  /** Recorded, but nothing to invoice (a deal that is not won). */
  SKIPPED
}
