package io.ledgerline.platforms.http;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends every call Ledgerline makes to a platform (ADR 0007). Thread-safe; build one per process
 * and share it.
 *
 * <ul>
 *   <li>Only to {@link AllowedHosts}: anything else is refused before a byte leaves.
 *   <li>The token from the request's {@link AccessTokens} where its {@link TokenPlacement} says; on
 *       a 401, once, a token from {@link AccessTokens#afterRejection(String)} and the call again.
 *   <li>Each call spends one permit of its budget key's rate budget (a connection's), waiting up to
 *       the configured time; a 429 drains that budget, so the connection's other calls wait too.
 *   <li>429: waits {@code Retry-After} (seconds or an HTTP date; capped) or the backoff, and tries
 *       again. 5xx, timeouts and broken connections: jittered exponential backoff, for retryable
 *       requests (see {@link PlatformRequest}); a refused connection is always retried (nothing was
 *       sent).
 * </ul>
 *
 * {@link #send} returns the last answer whatever its status (a token endpoint's 400 {@code
 * invalid_grant} is for the caller to read); it throws {@link PlatformCallFailed} only when there
 * is no answer (host not allowed, out of budget, no connection after the retries).
 */
public final class PlatformHttp {

  private final HttpClient client;
  private final AllowedHosts allowedHosts;
  private final Duration timeout;
  private final Duration maxRetryAfter;
  private final Retry retryingAll;
  private final Retry retryingRateLimitsOnly;
  private final RateLimiterRegistry budgets;

  private PlatformHttp(Builder b) {
    this.client =
        b.client != null
            ? b.client
            : HttpClient.newBuilder()
                .connectTimeout(b.timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    this.allowedHosts = Objects.requireNonNull(b.allowedHosts, "allowedHosts");
    this.timeout = b.timeout;
    this.maxRetryAfter = b.maxRetryAfter;
    IntervalFunction backoff =
        IntervalFunction.ofExponentialRandomBackoff(b.initialBackoff, 2.0, 0.5, b.maxBackoff);
    this.retryingAll = Retry.of("platform-calls", retryConfig(b.maxAttempts, backoff, true));
    this.retryingRateLimitsOnly =
        Retry.of("platform-calls-once", retryConfig(b.maxAttempts, backoff, false));
    this.budgets =
        RateLimiterRegistry.of(
            RateLimiterConfig.custom()
                .limitForPeriod(b.requestsPerPeriod)
                .limitRefreshPeriod(b.budgetPeriod)
                .timeoutDuration(b.maxBudgetWait)
                .build());
  }

  public static Builder builder(AllowedHosts allowedHosts) {
    return new Builder(allowedHosts);
  }

  public AllowedHosts allowedHosts() {
    return allowedHosts;
  }

  /**
   * @throws PlatformCallFailed when no answer could be had (see the class comment)
   */
  public PlatformResponse send(PlatformRequest request) {
    if (!allowedHosts.allows(request.uri())) {
      throw new PlatformCallFailed(
          PlatformCallFailed.Kind.HOST_NOT_ALLOWED,
          0,
          "not a configured platform host: " + request.uri().getHost());
    }
    String token = request.tokens() == null ? null : request.tokens().current();
    PlatformResponse response = sendRetrying(request, token);
    if (response.status() == 401 && request.tokens() != null) {
      String fresh = request.tokens().afterRejection(token);
      response = sendRetrying(request, fresh);
    }
    return response;
  }

  private PlatformResponse sendRetrying(PlatformRequest request, String token) {
    Retry retry = request.retryable() ? retryingAll : retryingRateLimitsOnly;
    CheckedSupplier<PlatformResponse> once = () -> sendOnce(request, token);
    try {
      return Retry.decorateCheckedSupplier(retry, once).get();
    } catch (PlatformCallFailed e) {
      throw e;
    } catch (IOException e) {
      throw new PlatformCallFailed(
          PlatformCallFailed.Kind.UNAVAILABLE,
          request + " failed: " + e.getClass().getSimpleName(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlatformCallFailed(PlatformCallFailed.Kind.UNAVAILABLE, "interrupted", e);
    } catch (Throwable e) {
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new PlatformCallFailed(PlatformCallFailed.Kind.UNAVAILABLE, request + " failed", e);
    }
  }

  private PlatformResponse sendOnce(PlatformRequest request, String token)
      throws IOException, InterruptedException {
    RateLimiter budget =
        request.budgetKey() == null ? null : budgets.rateLimiter(request.budgetKey());
    if (budget != null && !budget.acquirePermission()) {
      throw new PlatformCallFailed(
          PlatformCallFailed.Kind.RATE_LIMITED, 0, "the connection's rate budget is spent");
    }
    HttpRequest.Builder http =
        HttpRequest.newBuilder(request.uri())
            .timeout(request.timeout() != null ? request.timeout() : timeout)
            .method(
                request.method(),
                request.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request.headers().forEach((name, values) -> values.forEach(v -> http.header(name, v)));
    if (token != null) {
      http.header(request.placement().header(), request.placement().value(token));
    }
    HttpResponse<byte[]> answer;
    try {
      answer = client.send(http.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    PlatformResponse response =
        new PlatformResponse(answer.statusCode(), answer.headers().map(), answer.body());
    if (response.status() == 429 && budget != null) {
      budget.drainPermissions();
    }
    return response;
  }

  private RetryConfig retryConfig(
      int maxAttempts, IntervalFunction backoff, boolean retryFailures) {
    return RetryConfig.<PlatformResponse>custom()
        .maxAttempts(maxAttempts)
        .retryOnResult(
            r ->
                (r.status() == 429
                        && retryAfter(r).map(d -> d.compareTo(maxRetryAfter) <= 0).orElse(true))
                    || (retryFailures && r.status() >= 500))
        .retryOnException(
            e -> e instanceof ConnectException || (retryFailures && e instanceof IOException))
        .intervalBiFunction(
            (Integer attempt, Either<Throwable, PlatformResponse> outcome) -> {
              if (outcome.isRight() && outcome.get().status() == 429) {
                Optional<Duration> wait = retryAfter(outcome.get());
                if (wait.isPresent()) {
                  return wait.get().toMillis();
                }
              }
              return backoff.apply(attempt);
            })
        .failAfterMaxAttempts(false)
        .build();
  }

  /** {@code Retry-After} as delta-seconds or an HTTP date (RFC 9110). */
  static Optional<Duration> retryAfter(PlatformResponse response) {
    Optional<String> value = response.header("Retry-After").map(String::trim);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String v = value.get();
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  /** Defaults suit a platform API: 4 attempts, 0.5 s to 10 s backoff, 10 calls a second. */
  public static final class Builder {
    private final AllowedHosts allowedHosts;
    private HttpClient client;
    private Duration timeout = Duration.ofSeconds(20);
    private int maxAttempts = 4;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(10);
    private Duration maxRetryAfter = Duration.ofSeconds(60);
    private int requestsPerPeriod = 10;
    private Duration budgetPeriod = Duration.ofSeconds(1);
    private Duration maxBudgetWait = Duration.ofSeconds(30);

    private Builder(AllowedHosts allowedHosts) {
      this.allowedHosts = allowedHosts;
    }

    /**
     * Replaces the JDK client (it should not follow redirects: a redirect could leave the hosts).
     */
    public Builder httpClient(HttpClient client) {
      this.client = client;
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** Attempts per call, the first included. */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    public Builder backoff(Duration initial, Duration max) {
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    /** A 429 whose Retry-After is longer than this is returned, not waited for. */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = maxRetryAfter;
      return this;
    }

    /**
     * Each budget key may make {@code requests} calls per {@code period}; a call waits up to {@code
     * maxWait}.
     */
    public Builder rateBudget(int requests, Duration period, Duration maxWait) {
      this.requestsPerPeriod = requests;
      this.budgetPeriod = period;
      this.maxBudgetWait = maxWait;
      return this;
    }

    public PlatformHttp build() {
      return new PlatformHttp(this);
    }
  }

  @Override
  public String toString() {
    return "PlatformHttp[" + allowedHosts + "]";
  }

  /** For tests and diagnostics. */
  List<String> hostPatterns() {
    return allowedHosts.patterns();
  }
}
