package io.ledgerline.platforms.oauth;

/**
 * The platform's token endpoint refused a code or a refresh token. {@link #error()} is the
 * platform's error code ({@code invalid_grant}, ...), never a token.
 */
public class TokenRefused extends RuntimeException {

  private final String error;
  private final int status;

  public TokenRefused(String error, int status) {
    super("the token endpoint answered " + status + " " + error);
    this.error = error;
    this.status = status;
  }

  public String error() {
    return error;
  }

  public int status() {
    return status;
  }

  /**
   * Whether asking again cannot help: the grant is gone or the app is refused (any 4xx). A 5xx or
   * 429 is not final: the platform may answer later.
   */
  public boolean isFinal() {
    return status >= 400 && status < 500 && status != 429;
  }
}
