package io.ledgerline.platform.service.kafka;

/**
 * The headers a dead-letter record carries besides Spring's standard {@code kafka_dlt-original-*}.
 */
public final class DeadLetterHeaders {

  /** Why the record was given up, for a human. */
  public static final String REASON = "ledgerline-dlt-reason";

  /** The class name of the exception that made the consumer give up. */
  public static final String EXCEPTION = "ledgerline-dlt-exception";

  private DeadLetterHeaders() {}
}
