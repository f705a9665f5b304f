package io.ledgerline.connector.connection;

/**
 * Input a connection cannot be made or changed with. The field is the JSON path the caller sent
 * (for example {@code settings.shopDomain}); the message never contains a secret.
 */
final class InvalidConnectionInput extends RuntimeException {

  private final String field;

  InvalidConnectionInput(String field, String message) {
    super(message);
    this.field = field;
  }

  String field() {
    return field;
  }
}
