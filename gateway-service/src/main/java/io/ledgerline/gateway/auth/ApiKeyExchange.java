package io.ledgerline.gateway.auth;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

/**
 * Trades an API key for a JWT at apikey-service and keeps the JWT briefly. The cache is keyed by a
 * SHA-256 of the key, so the raw key never sits in memory longer than the request, and entries live
 * at most {@code tokenCacheTtl} and always less than the token itself, so a revoked key stops
 * working within seconds.
 */
@Component
class ApiKeyExchange {

  /** A token is never served from the cache in its last seconds, so it cannot expire in flight. */
  static final Duration EXPIRY_MARGIN = Duration.ofSeconds(10);

  record ExchangedToken(String accessToken, Duration expiresIn) {
    @Override
    public String toString() {
      return "ExchangedToken[expiresIn=" + expiresIn + "]";
    }
  }

  /** The key is unknown, revoked or expired. */
  static final class InvalidApiKey extends RuntimeException {
    InvalidApiKey() {
      super("invalid API key", null, false, false);
    }
  }

  private record ExchangeResponse(
      String access_token, @Nullable String token_type, @Nullable Long expires_in) {}

  private final WebClient client;
  private final GatewaySettings settings;
  private final AsyncCache<String, ExchangedToken> tokens;

  ApiKeyExchange(GatewaySettings settings) {
    this.settings = settings;
    this.client = WebClient.create();
    this.tokens =
        Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfter(Expiry.<String, ExchangedToken>creating(this::cacheLifetime))
            .buildAsync();
  }

  Mono<ExchangedToken> tokenFor(String apiKey) {
    // Concurrent requests with the same key share one exchange; a failed exchange is not cached.
    return Mono.fromFuture(
        tokens.get(fingerprint(apiKey), (fingerprint, executor) -> exchange(apiKey).toFuture()));
  }

  private Mono<ExchangedToken> exchange(String apiKey) {
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
                    Duration.ofSeconds(response.expires_in() == null ? 0 : response.expires_in())))
        .onErrorMap(
            WebClientResponseException.class,
            e -> e.getStatusCode().isSameCodeAs(HttpStatus.UNAUTHORIZED) ? new InvalidApiKey() : e);
  }

  private Duration cacheLifetime(String fingerprint, ExchangedToken token) {
    return cacheLifetime(token.expiresIn(), settings.tokenCacheTtl());
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
