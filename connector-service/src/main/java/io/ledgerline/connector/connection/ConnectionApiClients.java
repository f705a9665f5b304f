package io.ledgerline.connector.connection;

import io.ledgerline.connector.sync.ApiClients;
import io.ledgerline.connector.sync.SyncedConnection;
import io.ledgerline.platforms.Platform;
import io.ledgerline.platforms.account.AccountCall;
import io.ledgerline.platforms.api.ApiClient;
import io.ledgerline.platforms.api.ApiFailure;
import io.ledgerline.platforms.api.ApiRequest;
import io.ledgerline.platforms.api.ApiResponse;
import io.ledgerline.platforms.api.ApiUnavailable;
import io.ledgerline.platforms.api.ConnectionUnusable;
import io.ledgerline.platforms.http.PlatformCallFailed;
import io.ledgerline.platforms.http.PlatformRequest;
import io.ledgerline.platforms.http.PlatformResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * Syncing's API clients: an account connection's stored tokens (refreshed before expiry and once on
 * a 401), its rate budget, Retry-After and jittered retries, all from {@code platforms.http} as
 * connecting uses them ({@link AccountCalls}). Webhook connections have none.
 */
@Component
class ConnectionApiClients implements ApiClients {

  private final Connections connections;
  private final AccountCalls calls;
  private final AccountTokens tokens;

  ConnectionApiClients(Connections connections, AccountCalls calls, AccountTokens tokens) {
    this.connections = connections;
    this.calls = calls;
    this.tokens = tokens;
  }

  @Override
  public boolean hasApiAccess(SyncedConnection synced) {
    return connections
        .findById(synced.id())
        .filter(c -> c.auth() != Connection.Auth.WEBHOOK)
        .filter(c -> c.platform().provides(Platform.Part.ACCOUNT_API))
        .map(c -> tokens.of(c.id()).isPresent())
        .orElse(false);
  }

  @Override
  public ApiClient forConnection(SyncedConnection synced) {
    Connection connection =
        connections
            .findById(synced.id())
            .orElseThrow(
                () -> new ConnectionUnusable("connection " + synced.id() + " is gone", false));
    if (connection.auth() == Connection.Auth.WEBHOOK
        || !connection.platform().provides(Platform.Part.ACCOUNT_API)) {
      throw new ConnectionUnusable(
          "connection " + synced.id() + " has no API credentials (a webhook-only connection)",
          false);
    }
    if (tokens.of(connection.id()).isEmpty()) {
      throw new ConnectionUnusable("connection " + synced.id() + " has no stored token", true);
    }
    AccountCall call = calls.of(connection);
    return request -> send(call, request);
  }

  private static ApiResponse send(AccountCall call, ApiRequest request) {
    String target = request.pathAndQuery();
    URI uri =
        target.startsWith("https://") || target.startsWith("http://")
            ? URI.create(target)
            : call.url(target);
    // Every request of the object API is a read (search and batch reads are POSTs): safe to retry.
    PlatformRequest.Builder builder =
        PlatformRequest.builder(request.method(), uri)
            .auth(call.tokens(), call.placement())
            .budget(call.budgetKey())
            .header("Accept", "application/json")
            .retryable(true);
    request.headers().forEach(h -> builder.header(h.getKey(), h.getValue()));
    if (request.jsonBody() != null) {
      builder.body("application/json", request.jsonBody().getBytes(StandardCharsets.UTF_8));
    }
    PlatformResponse response;
    try {
      response = call.http().send(builder.build());
    } catch (PlatformCallFailed e) {
      throw switch (e.kind()) {
        case UNAUTHORIZED -> new ConnectionUnusable(e.getMessage(), true);
        case RATE_LIMITED, UNAVAILABLE -> new ApiUnavailable(e.getMessage(), null, e);
        case REJECTED, HOST_NOT_ALLOWED -> new ApiFailure(e.status(), e.getMessage());
      };
    }
    if (response.status() == 401) {
      throw new ConnectionUnusable("the platform refused the connection's token", true);
    }
    if (response.status() == 429 || response.status() >= 500) {
      throw new ApiUnavailable("the platform answered " + response.status(), null, null);
    }
    return new ApiResponse(response.status(), response.headers(), response.body());
  }
}
