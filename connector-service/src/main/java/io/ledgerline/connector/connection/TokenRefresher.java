package io.ledgerline.connector.connection;

import io.ledgerline.platform.service.metrics.Meters;
import io.ledgerline.platforms.http.AccessTokens;
import io.ledgerline.platforms.http.PlatformCallFailed;
import io.ledgerline.platforms.oauth.OAuth2App;
import io.ledgerline.platforms.oauth.OAuth2Spec;
import io.ledgerline.platforms.oauth.TokenEndpoint;
import io.ledgerline.platforms.oauth.TokenRefused;
import io.ledgerline.platforms.oauth.Tokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A connection's access tokens for {@link io.ledgerline.platforms.http.PlatformHttp}: refreshed
 * before they expire and once after a 401, one refresh at a time per connection even across
 * replicas (the token row is locked for the refresh; a caller that waited reads what the other
 * stored). The rotated refresh token is stored in the same transaction as the new access token (and
 * the account facts the answer carries, such as a moved instance URL). A refused refresh ({@code
 * invalid_grant} or any other 4xx) makes the connection {@code NEEDS_REAUTHORIZATION} and is never
 * retried by itself.
 *
 * <p>Counts {@code ledgerline_token_refreshes_total{platform,outcome}}: {@code refreshed}, {@code
 * refused} (needs re-authorization), {@code failed} (platform unreachable; tried again later).
 */
@Component
class TokenRefresher {

  private static final Logger log = LoggerFactory.getLogger(TokenRefresher.class);

  private final AccountTokens tokens;
  private final Connections connections;
  private final PlatformApps apps;
  private final TokenEndpoint endpoint;
  private final TransactionTemplate transactions;
  private final AccountSettings settings;
  private final MeterRegistry meters;
  private final Clock clock;

  TokenRefresher(
      AccountTokens tokens,
      Connections connections,
      PlatformApps apps,
      TokenEndpoint endpoint,
      TransactionTemplate transactions,
      AccountSettings settings,
      MeterRegistry meters,
      Clock clock) {
    this.tokens = tokens;
    this.connections = connections;
    this.apps = apps;
    this.endpoint = endpoint;
    this.transactions = transactions;
    this.settings = settings;
    this.meters = meters;
    this.clock = clock;
  }

  /** The connection's tokens as {@link AccessTokens}, for calls made now. */
  AccessTokens of(Connection connection) {
    return new AccessTokens() {
      @Override
      public String current() {
        AccountTokens.Stored stored = load(connection.id());
        if (stored.refreshable()
            && stored.expiresWithin(settings.refreshAhead(), clock.instant())) {
          return refresh(connection.id(), null);
        }
        return stored.accessToken();
      }

      @Override
      public String afterRejection(String rejected) {
        AccountTokens.Stored stored = load(connection.id());
        if (!stored.refreshable()) {
          throw new PlatformCallFailed(
              PlatformCallFailed.Kind.UNAUTHORIZED, 401, "the platform refused the token");
        }
        return refresh(connection.id(), rejected);
      }

      @Override
      public String toString() {
        return "AccessTokens[connection " + connection.id() + ", ***]";
      }
    };
  }

  private AccountTokens.Stored load(UUID id) {
    return tokens
        .of(id)
        .orElseThrow(
            () ->
                new PlatformCallFailed(
                    PlatformCallFailed.Kind.UNAUTHORIZED, 0, "the connection has no tokens"));
  }

  /** The outcome of one refresh, decided inside the locked transaction and acted on after it. */
  private sealed interface Outcome {
    record Fresh(String accessToken, boolean refreshedNow) implements Outcome {}

    record Refused(TokenRefused cause) implements Outcome {}

    record Failed(PlatformCallFailed cause) implements Outcome {}
  }

  /**
   * Refreshes unless another caller already did: with {@code rejected} null, when the token still
   * expires soon; else when the stored token is still the rejected one.
   */
  String refresh(UUID connectionId, String rejected) {
    Outcome outcome =
        transactions.execute(
            tx -> {
              Connection connection = connections.lockById(connectionId).orElseThrow();
              AccountTokens.Stored stored = tokens.lockOf(connectionId).orElseThrow();
              boolean stillNeeded =
                  rejected == null
                      ? stored.expiresWithin(settings.refreshAhead(), clock.instant())
                      : stored.accessToken().equals(rejected);
              if (!stillNeeded) {
                return new Outcome.Fresh(stored.accessToken(), false);
              }
              if (connection.status() != ConnectionStatus.ACTIVE || !stored.refreshable()) {
                return new Outcome.Refused(new TokenRefused("not_refreshable", 400));
              }
              OAuth2Spec spec = connection.platform().oauth2();
              OAuth2App app =
                  apps.app(connection.platform())
                      .orElseThrow(() -> ConnectionProblems.notConfigured(connection.platform()));
              try {
                Tokens issued =
                    endpoint.refresh(
                        spec,
                        app,
                        stored.refreshToken(),
                        OAuth2Spec.values(connection.settings(), connection.facts()),
                        connectionId.toString());
                // Platforms that do not rotate omit the refresh token: keep the one we have.
                String refreshToken =
                    issued.refreshToken() != null ? issued.refreshToken() : stored.refreshToken();
                tokens.store(
                    connectionId,
                    connection.tenantId(),
                    new AccountTokens.Stored(
                        issued.accessToken(), refreshToken, issued.expiresAt()),
                    clock.instant(),
                    true);
                // What the answer says of the account wins over what the exchange said (Salesforce
                // documents that a refresh's instance_url is the one to call from then on).
                java.util.Map<String, String> facts = new java.util.HashMap<>(connection.facts());
                facts.putAll(issued.facts());
                if (!facts.equals(connection.facts())) {
                  connections.updateFacts(connection, facts);
                }
                connections.recordSuccess(connectionId, clock.instant());
                return new Outcome.Fresh(issued.accessToken(), true);
              } catch (TokenRefused refused) {
                if (refused.isFinal()) {
                  connections.updateStatus(connection, ConnectionStatus.NEEDS_REAUTHORIZATION);
                  connections.recordError(
                      connectionId,
                      "refresh refused by "
                          + connection.platform().displayName()
                          + ": "
                          + refused.error(),
                      clock.instant());
                  return new Outcome.Refused(refused);
                }
                connections.recordError(
                    connectionId, "refresh failed: " + refused.error(), clock.instant());
                return new Outcome.Failed(
                    new PlatformCallFailed(
                        PlatformCallFailed.Kind.UNAVAILABLE,
                        refused.status(),
                        refused.getMessage()));
              } catch (PlatformCallFailed failed) {
                connections.recordError(
                    connectionId, "refresh failed: " + failed.getMessage(), clock.instant());
                return new Outcome.Failed(failed);
              }
            });
    String platform =
        connections.findById(connectionId).map(c -> c.platform().id()).orElse("unknown");
    if (outcome instanceof Outcome.Fresh fresh) {
      if (fresh.refreshedNow()) {
        count(platform, "refreshed");
      }
      return fresh.accessToken();
    }
    if (outcome instanceof Outcome.Refused refused) {
      count(platform, "refused");
      log.warn(
          "Refresh of connection {} refused ({}): it needs re-authorization",
          connectionId,
          refused.cause().error());
      throw new PlatformCallFailed(
          PlatformCallFailed.Kind.UNAUTHORIZED,
          refused.cause().status(),
          "the platform refused the refresh ("
              + refused.cause().error()
              + "): the connection needs re-authorization");
    }
    PlatformCallFailed failed = ((Outcome.Failed) outcome).cause();
    count(platform, "failed");
    log.warn("Refresh of connection {} failed: {}", connectionId, failed.getMessage());
    throw failed;
  }

  private void count(String platform, String outcome) {
    Counter.builder(Meters.TOKEN_REFRESHES)
        .description("Access-token refreshes by platform and outcome")
        .tag("platform", platform)
        .tag("outcome", outcome)
        .register(meters)
        .increment();
  }
}
