package io.ledgerline.apikey.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

@Configuration(proxyBeanMethods = false)
class SigningKeyConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SigningKeyConfiguration.class);

  @Bean
  SigningKey signingKey(JwtSettings settings) throws JOSEException {
    RSAKey key;
    if (settings.signingKey() == null || settings.signingKey().isBlank()) {
      log.warn(
          "No ledgerline.jwt.signing-key set: generated an RSA key for this process only. "
              + "Tokens will not validate at other replicas nor after a restart.");
      key = withId(generate(), settings.keyId());
    } else {
      key = withId(fromPem(settings.signingKey()), settings.keyId());
    }
    return new SigningKey(key);
  }

  @Bean
  JwtEncoder jwtEncoder(SigningKey signingKey) {
    return new NimbusJwtEncoder(new ImmutableJWKSet<SecurityContext>(new JWKSet(signingKey.rsa())));
  }

  /** This service's own API accepts the tokens it signs; no HTTP round trip to its own JWKS. */
  @Bean
  JwtDecoder jwtDecoder(SigningKey signingKey, JwtSettings settings) throws JOSEException {
    var decoder = NimbusJwtDecoder.withPublicKey(signingKey.rsa().toRSAPublicKey()).build();
    decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(settings.issuer()));
    return decoder;
  }

  private static RSAKey withId(RSAKey key, @Nullable String keyId) throws JOSEException {
    String kid = keyId == null || keyId.isBlank() ? key.computeThumbprint().toString() : keyId;
    return new RSAKey.Builder(key)
        .keyID(kid)
        .keyUse(KeyUse.SIGNATURE)
        .algorithm(JWSAlgorithm.RS256)
        .build();
  }

  private static RSAKey generate() {
    try {
      var generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      var pair = generator.generateKeyPair();
      return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
          .privateKey(pair.getPrivate())
          .build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate an RSA key", e);
    }
  }

  static RSAKey fromPem(String pem) {
    String base64 =
        pem.replaceAll("-----BEGIN [A-Z ]+-----", "")
            .replaceAll("-----END [A-Z ]+-----", "")
            .replaceAll("\\s", "");
    try {
      var factory = KeyFactory.getInstance("RSA");
      var privateKey =
          (RSAPrivateCrtKey)
              factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
      var publicKey =
          (RSAPublicKey)
              factory.generatePublic(
                  new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
      return new RSAKey.Builder(publicKey).privateKey(privateKey).build();
    } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
      // The message never includes the key material.
      throw new IllegalStateException(
          "ledgerline.jwt.signing-key is not an RSA private key in PKCS#8 PEM", e);
    }
  }
}
