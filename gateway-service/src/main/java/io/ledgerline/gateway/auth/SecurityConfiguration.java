package io.ledgerline.gateway.auth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * {@code /api/**} needs a valid platform JWT (sent as a bearer token, or obtained by {@link
 * ApiKeyExchangeFilter} from an API key). Scopes are the services' business: the gateway only
 * authenticates. Everything else is open here and either routed without tenant authentication
 * ({@code /webhooks/**}) or not routed at all (404).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

  /**
   * Webhooks carry the platform's own signature and sometimes an Authorization header of the
   * platform's own; no bearer processing may touch them.
   */
  @Bean
  @Order(1)
  SecurityWebFilterChain webhookSecurity(ServerHttpSecurity http) {
    return withoutSessions(http)
        .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/webhooks/**"))
        .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
        .build();
  }

  @Bean
  @Order(2)
  SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder) {
    ServerAuthenticationEntryPoint unauthorized =
        (exchange, e) ->
            Problems.unauthorized(exchange, "a valid bearer token or API key is required");
    return withoutSessions(http)
        .authorizeExchange(
            exchanges ->
                exchanges.pathMatchers("/api/**").authenticated().anyExchange().permitAll())
        .oauth2ResourceServer(
            resourceServer ->
                resourceServer
                    .jwt(jwt -> jwt.jwtDecoder(jwtDecoder))
                    .authenticationEntryPoint(unauthorized))
        .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthorized))
        .build();
  }

  @Bean
  ReactiveJwtDecoder jwtDecoder(GatewaySettings settings) {
    var decoder = NimbusReactiveJwtDecoder.withJwkSetUri(settings.jwkSetUri().toString()).build();
    decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(settings.issuer()));
    return decoder;
  }

  private static ServerHttpSecurity withoutSessions(ServerHttpSecurity http) {
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(cache -> cache.disable())
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .headers(headers -> headers.cache(cacheSpec -> cacheSpec.disable()));
  }
}
