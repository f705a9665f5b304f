package io.ledgerline.connector.connection;

import io.ledgerline.platforms.Platform;
import io.ledgerline.platforms.account.AccountCall;
import io.ledgerline.platforms.http.AccessTokens;
import io.ledgerline.platforms.http.PlatformHttp;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Builds the {@link AccountCall}s connecting makes, with the connection's refreshing tokens. */
@Component
class AccountCalls {

  private final PlatformHttp http;
  private final PlatformApps apps;
  private final TokenRefresher refresher;
  private final AccountTokens tokens;
  private final java.time.Clock clock;

  AccountCalls(
      PlatformHttp http,
      PlatformApps apps,
      TokenRefresher refresher,
      AccountTokens tokens,
      java.time.Clock clock) {
    this.http = http;
    this.apps = apps;
    this.refresher = refresher;
    this.tokens = tokens;
    this.clock = clock;
  }

  /** For a connection whose tokens are stored. */
  AccountCall of(Connection connection) {
    String refreshToken =
        tokens.of(connection.id()).map(AccountTokens.Stored::refreshToken).orElse(null);
    return new AccountCall(
        http,
        connection.id().toString(),
        refresher.of(connection),
        connection
            .platform()
            .accountApi()
            .tokenPlacement(connection.auth() == Connection.Auth.OAUTH2),
        apps.apiUrl(connection),
        connection.settings(),
        connection.facts(),
        connection.auth() == Connection.Auth.OAUTH2
            ? apps.app(connection.platform()).orElse(null)
            : null,
        refreshToken,
        clock);
  }

  /** For a token just issued or given, before anything is stored. */
  AccountCall withToken(
      Platform platform,
      UUID connectionId,
      String accessToken,
      boolean oauth,
      Map<String, String> settings,
      Map<String, String> facts) {
    return new AccountCall(
        http,
        connectionId.toString(),
        AccessTokens.fixed(accessToken),
        platform.accountApi().tokenPlacement(oauth),
        apps.apiUrl(platform, settings, facts),
        settings,
        facts,
        oauth ? apps.app(platform).orElse(null) : null,
        null,
        clock);
  }
}
