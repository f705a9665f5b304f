package io.ledgerline.ingest.connection;

/**
 * connector-service (or the token endpoint) did not answer usefully; the delivery can be retried.
 */
public class ConnectorUnavailable extends RuntimeException {
  public ConnectorUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
