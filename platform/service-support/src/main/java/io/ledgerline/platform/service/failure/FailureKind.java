package io.ledgerline.platform.service.failure;

/** What retrying a failed piece of work can achieve. */
public enum FailureKind {

  /**
   * Something we depend on is unavailable (the database, the registry, a peer, the network) or
   * timed out. The work is retried for as long as the outage lasts, with back-off; it never reaches
   * a dead-letter topic, and a request answers 503 with {@code Retry-After}.
   */
  TRANSIENT,

  /**
   * The work can never succeed as it is (bad data, a rule violation, a record that is not the event
   * its topic carries). Not retried: the record goes to its dead-letter topic with the reason at
   * once, to be reprocessed after a fix.
   */
  PERMANENT,

  /**
   * Neither of the above is known: most likely a bug of ours. Retried a bounded number of times (it
   * may be a race), then dead-lettered with its reason, to be reprocessed after the fix.
   */
  UNEXPECTED
}
