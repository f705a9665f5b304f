package io.ledgerline.apikey.token;

import io.ledgerline.apikey.client.TenantClients;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * Every client of the token endpoint: the platform's own (operators, services; from settings,
 * secrets hashed at start-up, never stored) first, then tenants' clients. A later console login
 * (authorization code with PKCE, a public client) registers here too.
 */
final class PlatformClients implements RegisteredClientRepository {

  private final Map<String, RegisteredClient> platform = new HashMap<>();
  private final TenantClients tenants;

  PlatformClients(
      ServiceClientSettings settings,
      PasswordEncoder passwords,
      JwtSettings jwt,
      TenantClients tenants) {
    this.tenants = tenants;
    for (var client : settings.clients()) {
      var registered =
          RegisteredClient.withId(client.id())
              .clientId(client.id())
              .clientSecret(passwords.encode(client.secret()))
              .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
              .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
              .scopes(scopes -> scopes.addAll(client.scopes()))
              .tokenSettings(
                  TokenSettings.builder()
                      .accessTokenTimeToLive(jwt.ttl())
                      .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                      .build())
              .build();
      if (platform.put(client.id(), registered) != null) {
        throw new IllegalStateException("OAuth2 client configured twice: " + client.id());
      }
    }
  }

  @Override
  public void save(RegisteredClient registeredClient) {
    throw new UnsupportedOperationException("clients come from settings or the oauth-clients API");
  }

  @Override
  public @Nullable RegisteredClient findById(String id) {
    var client = platform.get(id);
    return client != null ? client : tenants.find(id);
  }

  @Override
  public @Nullable RegisteredClient findByClientId(String clientId) {
    var client = platform.get(clientId);
    return client != null ? client : tenants.find(clientId);
  }
}
