package io.ledgerline.apikey.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.ledgerline.apikey.client.TenantClients;
import io.ledgerline.platform.service.crypto.EnvelopeEncryption;
import io.ledgerline.platform.service.security.ResourceServerSecurity;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Authorization Server for the token endpoint ({@code /oauth2/token}: client credentials,
 * HTTP Basic or POST client authentication, RFC 6749 errors), the JWKS ({@code /oauth2/jwks}) and
 * the server metadata; in front of this service's own API, which is a resource server of its own
 * tokens, with service-support's rules. The authorization code flow with PKCE for a console login
 * plugs in here later: an authorization endpoint in this chain, a login page in a chain of its own,
 * a public client in {@link PlatformClients} and a JDBC authorization service.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain authorizationServerSecurity(
      HttpSecurity http, RegisteredClientRepository clients, OAuth2AuthorizationService tokens)
      throws Exception {
    var server = new OAuth2AuthorizationServerConfigurer();
    http.securityMatcher(server.getEndpointsMatcher())
        .with(
            server,
            as ->
                as.registeredClientRepository(clients)
                    .authorizationService(tokens)
                    .tokenEndpoint(
                        token -> token.accessTokenRequestConverter(new ClientDefaultScopes())))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain apiSecurity(HttpSecurity http, ResourceServerSecurity resourceServer)
      throws Exception {
    return resourceServer.build(http);
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings() {
    return AuthorizationServerSettings.builder().build();
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  RegisteredClientRepository registeredClientRepository(
      ServiceClientSettings settings,
      PasswordEncoder passwords,
      JwtSettings jwt,
      TenantClients tenantClients) {
    return new PlatformClients(settings, passwords, jwt, tenantClients);
  }

  @Bean
  OAuth2AuthorizationService authorizationService() {
    return new SelfContainedTokens();
  }

  @Bean
  SigningKeyRing signingKeyRing(
      SigningKeys keys, JwtSettings settings, TransactionTemplate transactions, Clock clock) {
    var encryption =
        EnvelopeEncryption.fromBase64(
            settings.signing().encryptionKeys(), settings.signing().activeEncryptionKeyId());
    return new SigningKeyRing(keys, encryption, settings.signing(), transactions, clock);
  }

  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims(JwtSettings settings, SigningKeyRing keys) {
    return new TokenClaims(settings, keys);
  }

  @Bean
  JwtEncoder jwtEncoder(SigningKeyRing keys) {
    return new NimbusJwtEncoder(keys);
  }

  /** This service's own API accepts the tokens it signs; no HTTP round trip to its own JWKS. */
  @Bean
  JwtDecoder jwtDecoder(SigningKeyRing keys, JwtSettings settings) {
    var processor = new DefaultJWTProcessor<SecurityContext>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
    var decoder = new NimbusJwtDecoder(processor);
    decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(settings.issuer()));
    return decoder;
  }
}
