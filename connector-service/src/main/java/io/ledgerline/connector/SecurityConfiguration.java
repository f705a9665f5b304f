package io.ledgerline.connector;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The platform's resource-server setup (service-support) plus this service's scopes per endpoint.
 * Scopes are checked here, in the filter chain, so a missing scope is a 403 problem from the shared
 * access-denied handler rather than an exception inside a controller.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  SecurityFilterChain connectorSecurity(
      HttpSecurity http, AuthenticationEntryPoint entryPoint, AccessDeniedHandler accessDenied)
      throws Exception {
    http.csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/actuator/health", "/actuator/health/**", "/error")
                    .permitAll()
                    .requestMatchers("/internal/**")
                    .hasAuthority("SCOPE_internal")
                    .requestMatchers(
                        HttpMethod.POST,
                        "/api/v1/connections",
                        "/api/v1/connections/*/secret-rotations",
                        "/api/v1/connections/*/disable",
                        "/api/v1/connections/*/enable")
                    .hasAuthority("SCOPE_connections:write")
                    .requestMatchers(HttpMethod.PATCH, "/api/v1/connections/*")
                    .hasAuthority("SCOPE_connections:write")
                    .requestMatchers(HttpMethod.GET, "/api/v1/connections", "/api/v1/connections/*")
                    .hasAuthority("SCOPE_connections:read")
                    .anyRequest()
                    .denyAll())
        .oauth2ResourceServer(
            oauth2 ->
                oauth2
                    .jwt(Customizer.withDefaults())
                    .authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(accessDenied))
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied));
    return http.build();
  }
}
