package io.ledgerline.platforms.http;

/**
 * Where {@link PlatformHttp} gets a connection's access token. The implementation (the service that
 * stores tokens) refreshes before expiry in {@link #current()} and on demand in {@link
 * #afterRejection(String)}, one refresh at a time per connection.
 */
public interface AccessTokens {

  /** The token to send now; may refresh first when it is about to expire. */
  String current();

  /**
   * The platform answered 401 to {@code rejected}: a token to retry with once (refreshed, or one
   * another caller refreshed meanwhile).
   *
   * @throws PlatformCallFailed with {@link PlatformCallFailed.Kind#UNAUTHORIZED} when no other
   *     token can be had (an API token, or a refused refresh)
   */
  String afterRejection(String rejected);

  /** A token that never changes (an account's API token): a 401 is final. */
  static AccessTokens fixed(String token) {
    return new AccessTokens() {
      @Override
      public String current() {
        return token;
      }

      @Override
      public String afterRejection(String rejected) {
        throw new PlatformCallFailed(
            PlatformCallFailed.Kind.UNAUTHORIZED, 401, "the platform refused the token");
      }

      @Override
      public String toString() {
        return "AccessTokens[fixed, ***]";
      }
    };
  }
}
