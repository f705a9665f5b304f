package io.ledgerline.sync;

import io.ledgerline.platform.test.TestJwts;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The test key instead of apikey-service's JWKS; everything else about the token is real. Every
 * integration test imports it, so they share one application context (one set of listeners and one
 * outbox relay).
 */
@TestConfiguration
public class TestTokens {

  @Bean
  JwtDecoder jwtDecoder() {
    return TestJwts.decoder();
  }
}
