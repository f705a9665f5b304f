package io.ledgerline.ingest.connection;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.ledgerline.ingest.IngestSettings;
import io.ledgerline.platform.service.metrics.Meters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Reads credentials from connector-service's internal API, cached briefly: webhooks come in bursts
 * for the same connection, and a disabled connection or rotated secret still takes effect within
 * the cache's life. Unknown connection ids are remembered for a short while too ({@code
 * unknown-connection-cache-ttl}, bounded in size): a flood of posts to random ids asks
 * connector-service once per id, and a connection created after its id was asked for gets its
 * webhooks once that short while is over. Counted as {@code
 * ledgerline_webhook_unknown_connections_total{cached}}.
 */
@Component
class ConnectorCredentialsClient implements LoadConnectionCredentials {

  private final RestClient http;
  private final ServiceTokens tokens;
  private final Cache<UUID, ConnectionCredentials> cache;
  private final Cache<String, UUID> accounts;
  private final Cache<Object, Boolean> unknown;
  private final Counter unknownCached;
  private final Counter unknownAsked;

  ConnectorCredentialsClient(
      RestClient.Builder builder,
      ServiceTokens tokens,
      IngestSettings settings,
      MeterRegistry meters) {
    this.http = builder.baseUrl(settings.connectorUrl()).build();
    this.tokens = tokens;
    this.unknown =
        Caffeine.newBuilder()
            .expireAfterWrite(settings.unknownConnectionCacheTtl())
            .maximumSize(settings.unknownConnectionCacheSize())
            .build();
    this.unknownCached = unknownCounter(meters, "true");
    this.unknownAsked = unknownCounter(meters, "false");
    this.cache = Caffeine.newBuilder().expireAfterWrite(settings.credentialsCacheTtl()).build();
    this.accounts = Caffeine.newBuilder().expireAfterWrite(settings.credentialsCacheTtl()).build();
  }

  private static Counter unknownCounter(MeterRegistry meters, String cached) {
    return Counter.builder(Meters.WEBHOOK_UNKNOWN_CONNECTIONS)
        .description("Lookups of connection ids or accounts connector-service does not know")
        .tag("cached", cached)
        .register(meters);
  }

  @Override
  public Optional<ConnectionCredentials> load(UUID connectionId) {
    ConnectionCredentials cached = cache.getIfPresent(connectionId);
    if (cached != null) {
      return Optional.of(cached);
    }
    if (unknown.getIfPresent(connectionId) != null) {
      unknownCached.increment();
      return Optional.empty();
    }
    Optional<ConnectionCredentials> loaded =
        get("/internal/connections/{id}/webhook-credentials", true, connectionId);
    loaded.ifPresentOrElse(
        c -> cache.put(connectionId, c),
        () -> {
          unknownAsked.increment();
          unknown.put(connectionId, Boolean.TRUE);
        });
    return loaded;
  }

  @Override
  public Optional<ConnectionCredentials> loadByAccount(String platform, String accountId) {
    String key = platform + "/" + accountId;
    UUID cached = accounts.getIfPresent(key);
    if (cached != null) {
      return load(cached);
    }
    if (unknown.getIfPresent(key) != null) {
      unknownCached.increment();
      return Optional.empty();
    }
    Optional<ConnectionCredentials> loaded =
        get(
            "/internal/accounts/{platform}/{account}/webhook-credentials",
            true,
            platform,
            accountId);
    loaded.ifPresentOrElse(
        c -> {
          accounts.put(key, c.connectionId());
          cache.put(c.connectionId(), c);
        },
        () -> {
          unknownAsked.increment();
          unknown.put(key, Boolean.TRUE);
        });
    return loaded;
  }

  /**
   * Off the request thread and best effort: health is for people; a lost report only leaves {@code
   * lastWebhookAt} older until the next webhook.
   */
  @Override
  public void webhookReceived(UUID connectionId, java.time.Instant receivedAt) {
    java.util.concurrent.CompletableFuture.runAsync(
        () -> {
          try {
            http.post()
                .uri("/internal/connections/{id}/webhook-received", connectionId)
                .headers(h -> h.setBearerAuth(tokens.token()))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(java.util.Map.of("receivedAt", receivedAt.toString()))
                .retrieve()
                .toBodilessEntity();
          } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(ConnectorCredentialsClient.class)
                .debug(
                    "Could not report a webhook of connection {}: {}",
                    connectionId,
                    e.getMessage());
          }
        });
  }

  private Optional<ConnectionCredentials> get(
      String uri, boolean retryOnUnauthorized, Object... variables) {
    try {
      return Optional.ofNullable(
          http.get()
              .uri(uri, variables)
              .headers(h -> h.setBearerAuth(tokens.token()))
              .retrieve()
              .body(ConnectionCredentials.class));
    } catch (HttpClientErrorException e) {
      if (e.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
        return Optional.empty();
      }
      if (e.getStatusCode().isSameCodeAs(HttpStatus.UNAUTHORIZED) && retryOnUnauthorized) {
        tokens.forget();
        return get(uri, false, variables);
      }
      throw new ConnectorUnavailable("connector-service refused the credentials call", e);
    } catch (RestClientException e) {
      throw new ConnectorUnavailable("connector-service did not answer", e);
    }
  }
}
