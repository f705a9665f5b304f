package io.ledgerline.apikey.token;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * A client-credentials request without {@code scope} gets every scope the client holds (RFC 6749
 * 3.3 lets the server choose a default), as the platform's clients always did; the authorization
 * server's own default would be a token with no scope at all.
 */
final class ClientDefaultScopes implements AuthenticationConverter {

  private final OAuth2ClientCredentialsAuthenticationConverter delegate =
      new OAuth2ClientCredentialsAuthenticationConverter();

  @Override
  public @Nullable Authentication convert(HttpServletRequest request) {
    var converted = delegate.convert(request);
    if (converted instanceof OAuth2ClientCredentialsAuthenticationToken token
        && token.getScopes().isEmpty()
        && token.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
        && client.getRegisteredClient() != null) {
      return new OAuth2ClientCredentialsAuthenticationToken(
          client, client.getRegisteredClient().getScopes(), token.getAdditionalParameters());
    }
    return converted;
  }
}
