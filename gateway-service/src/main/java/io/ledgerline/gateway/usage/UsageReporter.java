package io.ledgerline.gateway.usage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Sends the counted usage to apikey-service every {@code flush-interval}, with the gateway's own
 * client-credentials token (scope {@code internal}); a failed batch is counted again for the next.
 * A request never waits for this.
 */
@Component
class UsageReporter {

  private static final Logger log = LoggerFactory.getLogger(UsageReporter.class);

  private record TokenResponse(String access_token, @Nullable Long expires_in) {}

  private record CachedToken(String value, long expiresAtNanos) {}

  private final UsageCounter counter;
  private final UsageSettings settings;
  private final WebClient http = WebClient.create();
  private final AtomicReference<@Nullable CachedToken> token = new AtomicReference<>();

  UsageReporter(UsageCounter counter, UsageSettings settings) {
    this.counter = counter;
    this.settings = settings;
  }

  @Scheduled(
      fixedDelayString = "${ledgerline.gateway.usage.flush-interval:5s}",
      initialDelayString = "${ledgerline.gateway.usage.flush-interval:5s}")
  void flush() {
    var counts = counter.drain();
    if (counts.isEmpty()) {
      return;
    }
    var items =
        counts.stream()
            .map(
                c ->
                    Map.of(
                        "keyId", c.keyId(),
                        "day", c.day().toString(),
                        "requests", c.requests(),
                        "lastUsedAt", c.lastUsedAt().toString()))
            .toList();
    try {
      serviceToken()
          .flatMap(
              bearer ->
                  http.post()
                      .uri(settings.reportUri())
                      .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer)
                      .contentType(MediaType.APPLICATION_JSON)
                      .bodyValue(Map.of("items", items))
                      .retrieve()
                      .toBodilessEntity())
          .timeout(Duration.ofSeconds(10))
          .block();
    } catch (RuntimeException e) {
      token.set(null);
      counter.putBack(counts);
      log.warn("Usage report failed, kept {} counts for the next: {}", counts.size(), e.toString());
    }
  }

  private Mono<String> serviceToken() {
    var cached = token.get();
    if (cached != null && cached.expiresAtNanos() - System.nanoTime() > 0) {
      return Mono.just(cached.value());
    }
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (settings.clientId() + ":" + settings.clientSecret())
                    .getBytes(StandardCharsets.UTF_8));
    return http.post()
        .uri(settings.tokenUri())
        .header(HttpHeaders.AUTHORIZATION, "Basic " + basic)
        .body(
            BodyInserters.fromFormData("grant_type", "client_credentials")
                .with("scope", "internal"))
        .retrieve()
        .bodyToMono(TokenResponse.class)
        .map(
            response -> {
              long life =
                  response.expires_in() == null ? 60 : Math.max(0, response.expires_in() - 30);
              token.set(
                  new CachedToken(
                      response.access_token(),
                      System.nanoTime() + Duration.ofSeconds(life).toNanos()));
              return response.access_token();
            });
  }
}
