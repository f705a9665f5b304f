package io.ledgerline.ingest.connection;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.ledgerline.ingest.IngestSettings;
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
 * the cache's life. Unknown connections are not cached, so a connection created a moment ago works
 * at once.
 */
@Component
class ConnectorCredentialsClient implements LoadConnectionCredentials {

  private final RestClient http;
  private final ServiceTokens tokens;
  private final Cache<UUID, ConnectionCredentials> cache;

  ConnectorCredentialsClient(
      RestClient.Builder builder, ServiceTokens tokens, IngestSettings settings) {
    this.http = builder.baseUrl(settings.connectorUrl()).build();
    this.tokens = tokens;
    this.cache = Caffeine.newBuilder().expireAfterWrite(settings.credentialsCacheTtl()).build();
  }

  @Override
  public Optional<ConnectionCredentials> load(UUID connectionId) {
    ConnectionCredentials cached = cache.getIfPresent(connectionId);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<ConnectionCredentials> loaded = fetch(connectionId, true);
    loaded.ifPresent(c -> cache.put(connectionId, c));
    return loaded;
  }

  private Optional<ConnectionCredentials> fetch(UUID connectionId, boolean retryOnUnauthorized) {
    try {
      return Optional.ofNullable(
          http.get()
              .uri("/internal/connections/{id}/webhook-credentials", connectionId)
              .headers(h -> h.setBearerAuth(tokens.token()))
              .retrieve()
              .body(ConnectionCredentials.class));
    } catch (HttpClientErrorException e) {
      if (e.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
        return Optional.empty();
      }
      if (e.getStatusCode().isSameCodeAs(HttpStatus.UNAUTHORIZED) && retryOnUnauthorized) {
        tokens.forget();
        return fetch(connectionId, false);
      }
      throw new ConnectorUnavailable("connector-service refused the credentials call", e);
    } catch (RestClientException e) {
      throw new ConnectorUnavailable("connector-service did not answer", e);
    }
  }
}
