package io.ledgerline.platforms.oauth;

/**
 * The platform's token endpoint refused a code or a refresh token. {@link #error()} is the
 * platform's error code ({@code invalid_grant}, ...), never a token.
 */
public class TokenRefused extends RuntimeException {

  private final String error;
  private final int status;

  private final boolean isFinal;

  public TokenRefused(String error, int status) {
    this(error, status, status >= 400 && status < 500 && status != 429);
  }

  /**
   * @param isFinal whether asking again cannot help (see {@link #isFinal()})
   */
  public TokenRefused(String error, int status, boolean isFinal) {
    super("the token endpoint answered " + status + " " + error);
    this.error = error;
    this.status = status;
    this.isFinal = isFinal;
  }

  public String error() {
    return error;
  }

  public int status() {
    return status;
  }

  /**
   * Whether asking again cannot help: the grant is gone or the app is refused (any 4xx, or an error
   * in a 200). A 5xx or 429 is not final: the platform may answer later; nor is an error the
   * platform documents as passing ({@link OAuth2Spec#transientTokenErrors()}).
   */
  public boolean isFinal() {
    return isFinal;
  }
}
