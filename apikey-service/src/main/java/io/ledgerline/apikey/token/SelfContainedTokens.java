package io.ledgerline.apikey.token;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Client-credentials tokens are self-contained JWTs: nothing needs to find their authorization
 * again (revocation works through the tenant's and the client's status, enforced at the gateway),
 * so nothing is kept, and a busy token endpoint grows no table and no heap. The authorization code
 * flow (a later console login) needs its codes across replicas: it will replace this with {@code
 * JdbcOAuth2AuthorizationService}.
 */
final class SelfContainedTokens implements OAuth2AuthorizationService {

  @Override
  public void save(OAuth2Authorization authorization) {}

  @Override
  public void remove(OAuth2Authorization authorization) {}

  @Override
  public @Nullable OAuth2Authorization findById(String id) {
    return null;
  }

  @Override
  public @Nullable OAuth2Authorization findByToken(
      String token, @Nullable OAuth2TokenType tokenType) {
    return null;
  }
}
