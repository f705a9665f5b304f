package io.ledgerline.gateway.auth;

import io.ledgerline.gateway.edge.EdgeSettings;
import io.ledgerline.gateway.edge.Problems;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * {@code /api/**} needs a valid platform JWT (a bearer token, or one {@link ApiKeyExchangeFilter}
 * obtained for an API key) whose tenant is not suspended and whose client or key is not revoked.
 * {@code /admin/**} is routed only for an operator's token (scope {@code admin}); for anyone else
 * it does not exist (404). The token endpoint and JWKS are public (they carry their own credentials
 * or none), webhooks carry the platform's signature. Scopes of the API are the services' business.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

  /**
   * The API reference: public, and the only answers allowed to run a script (Swagger UI, from the
   * gateway itself).
   */
  @Bean
  @Order(0)
  SecurityWebFilterChain docsSecurity(ServerHttpSecurity http) {
    return withoutSessions(http)
        .securityMatcher(
            ServerWebExchangeMatchers.pathMatchers("/api/docs", "/api/docs/**", "/webjars/**"))
        .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
        .headers(
            headers ->
                headers.contentSecurityPolicy(
                    csp ->
                        csp.policyDirectives(
                            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
                                + " frame-ancestors 'none'")))
        .build();
  }

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

  /**
   * The token endpoint and JWKS: the client's own credentials (HTTP Basic) go to apikey-service as
   * they are. No resource-server processing: it would read (and so consume) the form body.
   */
  @Bean
  @Order(2)
  SecurityWebFilterChain tokenEndpointSecurity(ServerHttpSecurity http, EdgeSettings edge) {
    return withoutSessions(http)
        .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/oauth2/**"))
        .cors(cors -> cors.configurationSource(cors(edge.consoleOrigins())))
        .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
        .build();
  }

  @Bean
  @Order(3)
  SecurityWebFilterChain operatorSecurity(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder) {
    ServerAuthenticationEntryPoint hidden = (exchange, e) -> Problems.notFound(exchange);
    ServerAccessDeniedHandler hiddenDenied = (exchange, e) -> Problems.notFound(exchange);
    return withoutSessions(http)
        .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/admin/**"))
        .authorizeExchange(exchanges -> exchanges.anyExchange().hasAuthority("SCOPE_admin"))
        .oauth2ResourceServer(
            resourceServer ->
                resourceServer
                    .jwt(jwt -> jwt.jwtDecoder(jwtDecoder))
                    .authenticationEntryPoint(hidden)
                    .accessDeniedHandler(hiddenDenied))
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(hidden).accessDeniedHandler(hiddenDenied))
        .build();
  }

  @Bean
  @Order(4)
  SecurityWebFilterChain apiSecurity(
      ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder, EdgeSettings edge) {
    ServerAuthenticationEntryPoint unauthorized =
        (exchange, e) ->
            Problems.unauthorized(exchange, "a valid bearer token or API key is required");
    ServerAccessDeniedHandler forbidden =
        (exchange, e) ->
            Problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "not allowed");
    return withoutSessions(http)
        .cors(cors -> cors.configurationSource(cors(edge.consoleOrigins())))
        .authorizeExchange(
            exchanges ->
                exchanges.pathMatchers("/api/v1/**").authenticated().anyExchange().permitAll())
        .oauth2ResourceServer(
            resourceServer ->
                resourceServer
                    .jwt(jwt -> jwt.jwtDecoder(jwtDecoder))
                    .authenticationEntryPoint(unauthorized)
                    .accessDeniedHandler(forbidden))
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
        .build();
  }

  @Bean
  ReactiveJwtDecoder jwtDecoder(GatewaySettings settings, CredentialDenials denials) {
    var decoder = NimbusReactiveJwtDecoder.withJwkSetUri(settings.jwkSetUri().toString()).build();
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            JwtValidators.createDefaultWithIssuer(settings.issuer()),
            new DeniedCredentialValidator(denials)));
    return decoder;
  }

  /** The tenants' console may call the API from its own origin, with a bearer token. */
  static CorsConfigurationSource cors(List<String> origins) {
    var config = new CorsConfiguration();
    config.setAllowedOrigins(origins);
    config.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
    config.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-API-Key", "X-Request-Id"));
    config.setExposedHeaders(
        List.of(
            "Location",
            "Retry-After",
            "RateLimit-Limit",
            "RateLimit-Remaining",
            "RateLimit-Reset"));
    config.setMaxAge(Duration.ofHours(1));
    var source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/api/**", config);
    source.registerCorsConfiguration("/oauth2/token", config);
    return source;
  }

  /**
   * Stateless; security headers on every answer: no sniffing, no framing, no referrer, and a
   * content security policy that lets an API answer run nothing (the API docs widen it for
   * themselves).
   */
  private static ServerHttpSecurity withoutSessions(ServerHttpSecurity http) {
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(cache -> cache.disable())
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .headers(
            headers ->
                headers
                    .cache(cacheSpec -> cacheSpec.disable())
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                    .contentSecurityPolicy(
                        csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
  }
}
