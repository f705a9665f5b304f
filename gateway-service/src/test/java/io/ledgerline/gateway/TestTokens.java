package io.ledgerline.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Signs JWTs the way apikey-service does, with a key whose public half the fake JWKS serves. */
final class TestTokens {

  static final String ISSUER = "ledgerline";

  private final RSAKey key;

  private TestTokens(RSAKey key) {
    this.key = key;
  }

  static TestTokens generate(String keyId) {
    try {
      return new TestTokens(
          new RSAKeyGenerator(2048)
              .keyID(keyId)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .generate());
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  String jwksJson() {
    return new JWKSet(key.toPublicJWK()).toString();
  }

  String tenantToken(String tenantId, String scope) {
    return sign(ISSUER, "key-" + tenantId, tenantId, scope, Duration.ofMinutes(5));
  }

  String token(String subject, String tenantId, String scope) {
    return sign(ISSUER, subject, tenantId, scope, Duration.ofMinutes(5));
  }

  /** An operator's token: scope admin, no tenant. */
  String operatorToken() {
    return sign(ISSUER, "admin", null, "admin", Duration.ofMinutes(5));
  }

  String sign(String issuer, String subject, String tenantId, String scope, Duration life) {
    var now = Instant.now();
    var claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(subject)
            .claim("tenant_id", tenantId)
            .claim("plan", tenantId == null ? null : "default")
            .claim("scope", scope)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(life)))
            .jwtID(UUID.randomUUID().toString())
            .build();
    try {
      var jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
