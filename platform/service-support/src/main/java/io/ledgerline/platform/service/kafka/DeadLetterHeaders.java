package io.ledgerline.platform.service.kafka;

/**
 * The headers a dead-letter record carries besides Spring's standard {@code kafka_dlt-original-*}.
 */
public final class DeadLetterHeaders {

  /** Why the record was given up, for a human. */
  public static final String REASON = "ledgerline-dlt-reason";

  /**
   * {@code PERMANENT} (can never succeed as it is) or {@code UNEXPECTED} (retries ran out on a
   * failure nobody classified, most likely a bug): the {@code FailureKind}. Transient failures
   * never reach a dead-letter topic.
   */
  public static final String KIND = "ledgerline-dlt-kind";

  /** The class name of the exception that made the consumer give up. */
  public static final String EXCEPTION = "ledgerline-dlt-exception";

  private DeadLetterHeaders() {}
}
