package io.ledgerline.apikey.client;

import io.ledgerline.apikey.token.JwtSettings;
import io.ledgerline.apikey.token.TokenClaims;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * Tenants' clients as the authorization server sees them. A revoked client, or any client of a
 * suspended tenant, is not found: the token endpoint answers {@code invalid_client}. Read at every
 * token request, so a suspension or revocation applies to the next request. Clients are created
 * through {@code POST /api/v1/oauth-clients}.
 */
@Component
public class TenantClients {

  private final OAuthClients clients;
  private final JwtSettings jwt;

  TenantClients(OAuthClients clients, JwtSettings jwt) {
    this.clients = clients;
    this.jwt = jwt;
  }

  public @Nullable RegisteredClient find(String clientId) {
    return clients
        .withClientId(clientId)
        .filter(c -> c.client().revokedAt() == null && "ACTIVE".equals(c.tenantStatus()))
        .map(this::registered)
        .orElse(null);
  }

  private RegisteredClient registered(OAuthClients.ClientWithTenant found) {
    var client = found.client();
    return RegisteredClient.withId(client.clientId())
        .clientId(client.clientId())
        .clientSecret(client.secretHash())
        .clientName(client.name())
        .clientIdIssuedAt(client.createdAt())
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .scopes(scopes -> scopes.addAll(client.scopes()))
        .clientSettings(
            ClientSettings.builder()
                .setting(TokenClaims.TENANT_ID, client.tenantId())
                .setting(TokenClaims.PLAN, found.plan())
                .build())
        .tokenSettings(
            TokenSettings.builder()
                .accessTokenTimeToLive(jwt.ttl())
                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                .build())
        .build();
  }
}
