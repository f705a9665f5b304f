package io.ledgerline.gateway.auth;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

/**
 * Trades an API key for a JWT at apikey-service and keeps the JWT. The cache is keyed by a SHA-256
 * of the key, so the raw key never sits in memory longer than the request. An entry lives at most
 * {@code tokenCacheTtl}, always less than the token itself, and never past the key's own end (its
 * expiry, or for an old secret the end of the rotation overlap); a revocation, rotation or
 * suspension evicts it at once through {@link CredentialEventListener}.
 */
@Component
class ApiKeyExchange {

  /** A token is never served from the cache in its last seconds, so it cannot expire in flight. */
  static final Duration EXPIRY_MARGIN = Duration.ofSeconds(10);

  /**
   * @param startedNanos when the exchange was sent: an exchange that was under way when its key or
   *     tenant was evicted is not cached, since its answer may predate the change
   */
  record ExchangedToken(
      String accessToken,
      Duration expiresIn,
      String keyId,
      String tenantId,
      @Nullable Instant validUntil,
      long startedNanos) {
    @Override
    public String toString() {
      return "ExchangedToken[keyId=" + keyId + ", expiresIn=" + expiresIn + "]";
    }
  }

  /** The key is unknown, revoked or expired. */
  static final class InvalidApiKey extends RuntimeException {
    InvalidApiKey() {
      super("invalid API key", null, false, false);
    }
  }

  private record ExchangeResponse(
      String access_token,
      @Nullable String token_type,
      @Nullable Long expires_in,
      @Nullable String key_id,
      @Nullable String tenant_id,
      @Nullable Long valid_until) {}

  private final WebClient client;
  private final GatewaySettings settings;
  private final Clock clock;
  private final AsyncCache<String, ExchangedToken> tokens;
  // key id or tenant id -> System.nanoTime() of its last eviction
  private final Map<String, Long> evictedAt = new ConcurrentHashMap<>();

  ApiKeyExchange(GatewaySettings settings) {
    this.settings = settings;
    this.clock = Clock.systemUTC();
    this.client = WebClient.create();
    this.tokens =
        Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfter(Expiry.<String, ExchangedToken>creating(this::cacheLifetime))
            .buildAsync();
  }

  Mono<ExchangedToken> tokenFor(String apiKey) {
    // Concurrent requests with the same key share one exchange; a failed exchange is not cached.
    return Mono.fromFuture(
        tokens.get(fingerprint(apiKey), (fingerprint, executor) -> exchange(apiKey).toFuture()));
  }

  /** Forgets every cached exchange of an API key (revoked, rotated, expired). */
  void evictKey(String keyId) {
    evictWhere(keyId, token -> token.keyId().equals(keyId));
  }

  /** Forgets every cached exchange of a tenant's keys (suspended, reactivated, new plan). */
  void evictTenant(String tenantId) {
    evictWhere(tenantId, token -> token.tenantId().equals(tenantId));
  }

  private void evictWhere(String id, java.util.function.Predicate<ExchangedToken> matches) {
    evictedAt.put(id, System.nanoTime());
    tokens
        .asMap()
        .entrySet()
        .removeIf(
            entry -> {
              CompletableFuture<ExchangedToken> future = entry.getValue();
              // In flight: drop it too, its answer may predate the change.
              return !future.isDone()
                  || future.isCompletedExceptionally()
                  || matches.test(future.join());
            });
  }

  private Mono<ExchangedToken> exchange(String apiKey) {
    long started = System.nanoTime();
    return client
        .post()
        .uri(settings.apiKeyExchangeUri())
        .header("X-API-Key", apiKey)
        .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
        .retrieve()
        .bodyToMono(ExchangeResponse.class)
        .timeout(Duration.ofSeconds(5))
        .map(
            response ->
                new ExchangedToken(
                    response.access_token(),
                    Duration.ofSeconds(response.expires_in() == null ? 0 : response.expires_in()),
                    response.key_id() == null ? "" : response.key_id(),
                    response.tenant_id() == null ? "" : response.tenant_id(),
                    response.valid_until() == null
                        ? null
                        : Instant.ofEpochSecond(response.valid_until()),
                    started))
        .onErrorMap(
            WebClientResponseException.class,
            e -> e.getStatusCode().isSameCodeAs(HttpStatus.UNAUTHORIZED) ? new InvalidApiKey() : e);
  }

  private Duration cacheLifetime(String fingerprint, ExchangedToken token) {
    if (evictedSince(token.keyId(), token.startedNanos())
        || evictedSince(token.tenantId(), token.startedNanos())) {
      return Duration.ZERO;
    }
    var lifetime = cacheLifetime(token.expiresIn(), settings.tokenCacheTtl());
    if (token.validUntil() != null) {
      var untilEnd = Duration.between(clock.instant(), token.validUntil());
      if (untilEnd.compareTo(lifetime) < 0) {
        return untilEnd.isNegative() ? Duration.ZERO : untilEnd;
      }
    }
    return lifetime;
  }

  private boolean evictedSince(String id, long startedNanos) {
    Long evicted = evictedAt.get(id);
    return evicted != null && evicted - startedNanos >= 0;
  }

  /** The shorter of the cache TTL and the token's remaining life less {@link #EXPIRY_MARGIN}. */
  static Duration cacheLifetime(Duration tokenLife, Duration cacheTtl) {
    var beforeExpiry = tokenLife.minus(EXPIRY_MARGIN);
    if (beforeExpiry.isNegative()) {
      return Duration.ZERO;
    }
    return beforeExpiry.compareTo(cacheTtl) < 0 ? beforeExpiry : cacheTtl;
  }

  static String fingerprint(String apiKey) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(apiKey.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
