package io.ledgerline.platform.test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Tokens like apikey-service's (RS256, {@code tenant_id}, {@code scope}), signed with a test key.
 * The service checks them with a real decoder for the matching public key: signature and expiry are
 * verified as in production, only the key comes from here instead of the JWKS.
 */
public final class TestJwts {

  private static final KeyPair KEYS = generate();

  private TestJwts() {}

  public static JwtDecoder decoder() {
    return NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
  }

  public static String token(String tenantId, String scope) {
    return sign(KEYS, tenantId, scope);
  }

  /** A token signed with a key the service does not know. */
  public static String forgedToken(String tenantId, String scope) {
    return sign(generate(), tenantId, scope);
  }

  private static String sign(KeyPair keys, String tenantId, String scope) {
    try {
      Instant now = Instant.now();
      JWTClaimsSet claims =
          new JWTClaimsSet.Builder()
              .issuer("ledgerline")
              .subject("test-key")
              .claim("tenant_id", tenantId)
              .claim("scope", scope)
              .issueTime(Date.from(now))
              .expirationTime(Date.from(now.plusSeconds(300)))
              .jwtID(UUID.randomUUID().toString())
              .build();
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
      jwt.sign(new RSASSASigner(keys.getPrivate()));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
