package io.ledgerline.apikey.token;

import java.time.Clock;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Signs the platform's JWTs with the claims in docs/architecture.md ("Security and tenancy"). */
@Component
public class TokenIssuer {

  private final JwtEncoder encoder;
  private final JwtSettings settings;
  private final SigningKey signingKey;
  private final Clock clock;

  TokenIssuer(JwtEncoder encoder, JwtSettings settings, SigningKey signingKey, Clock clock) {
    this.encoder = encoder;
    this.settings = settings;
    this.signingKey = signingKey;
    this.clock = clock;
  }

  /**
   * @param subject the API key id or the client id
   * @param tenantId the tenant, for tenant keys; null for service and operator clients
   */
  public IssuedToken issue(String subject, @Nullable String tenantId, Collection<String> scopes) {
    var now = clock.instant();
    var sorted = new TreeSet<>(scopes);
    var claims =
        JwtClaimsSet.builder()
            .issuer(settings.issuer())
            .subject(subject)
            .issuedAt(now)
            .expiresAt(now.plus(settings.ttl()))
            .id(UUID.randomUUID().toString())
            .claim("scope", String.join(" ", sorted));
    if (tenantId != null) {
      claims.claim("tenant_id", tenantId);
    }
    var header =
        JwsHeader.with(SignatureAlgorithm.RS256).keyId(signingKey.rsa().getKeyID()).build();
    var jwt = encoder.encode(JwtEncoderParameters.from(header, claims.build()));
    return new IssuedToken(jwt.getTokenValue(), settings.ttl(), Set.copyOf(sorted));
  }
}
