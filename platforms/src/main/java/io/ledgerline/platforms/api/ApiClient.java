package io.ledgerline.platforms.api;

/**
 * Executes platform API requests for one connection. The service's implementation adds the
 * connection's credentials (refreshing an access token before expiry and once on a 401), keeps to
 * the connection's rate budget, waits out a 429's {@code Retry-After} and retries 5xx answers and
 * timeouts with jittered backoff; what it returns is the platform's final answer.
 */
public interface ApiClient {

  /**
   * @throws ApiUnavailable when the platform stays unreachable or overloaded after the retries
   *     (transient: the caller tries again later)
   * @throws ConnectionUnusable when the connection's credentials are gone or refused for good
   *     (needs re-authorization, deleted)
   */
  ApiResponse send(ApiRequest request);
}
