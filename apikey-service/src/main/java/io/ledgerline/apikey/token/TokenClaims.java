package io.ledgerline.apikey.token;

import java.util.TreeSet;
import java.util.UUID;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * The claims every platform JWT carries, whoever issued it: {@code iss} (the configured issuer, not
 * the request's URL), {@code scope} as one space-separated string, {@code jti}, and for tenants'
 * clients {@code tenant_id} and {@code plan}. Also names the signing key ({@code kid}), so that
 * only the current key signs while the JWKS holds several.
 */
public final class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

  public static final String SCOPE = "scope";
  public static final String TENANT_ID = "tenant_id";
  public static final String PLAN = "plan";

  private final JwtSettings settings;
  private final SigningKeyRing keys;

  TokenClaims(JwtSettings settings, SigningKeyRing keys) {
    this.settings = settings;
    this.keys = keys;
  }

  @Override
  public void customize(JwtEncodingContext context) {
    if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
      return;
    }
    context.getJwsHeader().keyId(keys.signingKey().getKeyID());
    var claims = context.getClaims();
    claims.issuer(settings.issuer());
    claims.id(UUID.randomUUID().toString());
    claims.claim(SCOPE, String.join(" ", new TreeSet<>(context.getAuthorizedScopes())));
    var clientSettings = context.getRegisteredClient().getClientSettings();
    String tenant = clientSettings.getSetting(TENANT_ID);
    if (tenant != null) {
      claims.claim(TENANT_ID, tenant);
      claims.claim(PLAN, clientSettings.<String>getSetting(PLAN));
    }
  }
}
