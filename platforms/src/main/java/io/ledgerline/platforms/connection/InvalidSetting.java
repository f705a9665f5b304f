package io.ledgerline.platforms.connection;

/**
 * A connection's settings or secret break the platform's rules. The message is for the tenant and
 * names no secret value; {@link #field()} names the request field ({@code secret}, {@code
 * settings.shopDomain}, ...).
 */
public final class InvalidSetting extends RuntimeException {

  private final String field;

  public InvalidSetting(String field, String message) {
    super(message, null, false, false);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
