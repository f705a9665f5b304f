package io.ledgerline.connector.sync;

import io.ledgerline.platforms.api.ApiClient;
import io.ledgerline.platforms.api.ApiRequest;
import io.ledgerline.platforms.api.ApiResponse;
import io.ledgerline.platforms.api.ApiUnavailable;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test's API access: connections with an account id call the WireMock sandbox at {@code baseUrl}
 * with a bearer token. Stands in for the connection feature's stored credentials (issue 6) in tests
 * of syncing alone; it does not retry.
 */
final class SandboxApiClients implements ApiClients {

  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;
  final AtomicInteger calls = new AtomicInteger();

  SandboxApiClients(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  @Override
  public boolean hasApiAccess(SyncedConnection connection) {
    return connection.accountId() != null;
  }

  @Override
  public ApiClient forConnection(SyncedConnection connection) {
    return request -> send(request);
  }

  private ApiResponse send(ApiRequest request) {
    calls.incrementAndGet();
    URI uri = URI.create(baseUrl + request.pathAndQuery());
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer sandbox-token");
    request.headers().forEach(h -> builder.header(h.getKey(), h.getValue()));
    if (request.jsonBody() != null) {
      builder
          .header("Content-Type", "application/json")
          .method(request.method(), HttpRequest.BodyPublishers.ofString(request.jsonBody()));
    } else {
      builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<byte[]> response =
          http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() >= 500 || response.statusCode() == 429) {
        throw new ApiUnavailable("HTTP " + response.statusCode(), null, null);
      }
      return new ApiResponse(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new ApiUnavailable(e.toString(), null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiUnavailable("interrupted", null, e);
    }
  }
}
