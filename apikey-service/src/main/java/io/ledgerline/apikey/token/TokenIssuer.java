package io.ledgerline.apikey.token;

import java.time.Clock;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Signs the JWTs an API key is exchanged for, with the claims in docs/architecture.md ("Security
 * and tenancy"); the authorization server's tokens carry the same claims ({@link TokenClaims}).
 */
@Component
public class TokenIssuer {

  private final JwtEncoder encoder;
  private final JwtSettings settings;
  private final SigningKeyRing keys;
  private final Clock clock;

  TokenIssuer(JwtEncoder encoder, JwtSettings settings, SigningKeyRing keys, Clock clock) {
    this.encoder = encoder;
    this.settings = settings;
    this.keys = keys;
    this.clock = clock;
  }

  /**
   * @param subject the API key id
   * @param plan the tenant's plan, which the gateway's rate limits follow
   */
  public IssuedToken issue(
      String subject, String tenantId, String plan, Collection<String> scopes) {
    var now = clock.instant();
    var sorted = new TreeSet<>(scopes);
    var claims =
        JwtClaimsSet.builder()
            .issuer(settings.issuer())
            .subject(subject)
            .issuedAt(now)
            .expiresAt(now.plus(settings.ttl()))
            .id(UUID.randomUUID().toString())
            .claim(TokenClaims.SCOPE, String.join(" ", sorted))
            .claim(TokenClaims.TENANT_ID, tenantId)
            .claim(TokenClaims.PLAN, plan);
    var header =
        JwsHeader.with(SignatureAlgorithm.RS256).keyId(keys.signingKey().getKeyID()).build();
    var jwt = encoder.encode(JwtEncoderParameters.from(header, claims.build()));
    return new IssuedToken(jwt.getTokenValue(), settings.ttl(), Set.copyOf(sorted));
  }
}
