package io.ledgerline.apikey.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * This service is a resource server for its own API and validates its own tokens. The token
 * endpoint, the JWKS and the key exchange carry their own credentials (client Basic auth, none, the
 * API key) and are open to the filter.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  SecurityFilterChain apikeySecurity(HttpSecurity http) throws Exception {
    var problems = new ProblemSecurityResponses();
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        "/oauth2/token",
                        "/oauth2/jwks",
                        "/internal/api-keys/exchange",
                        "/actuator/health",
                        "/actuator/health/**",
                        "/actuator/info",
                        "/actuator/prometheus",
                        "/error")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/api/v1/api-keys")
                    .hasAuthority("SCOPE_apikeys:write")
                    .requestMatchers(HttpMethod.DELETE, "/api/v1/api-keys/**")
                    .hasAuthority("SCOPE_apikeys:write")
                    .requestMatchers(HttpMethod.GET, "/api/v1/api-keys", "/api/v1/api-keys/**")
                    .hasAuthority("SCOPE_apikeys:read")
                    .requestMatchers("/admin/**")
                    .hasAuthority("SCOPE_admin")
                    .anyRequest()
                    .authenticated())
        .oauth2ResourceServer(
            resourceServer ->
                resourceServer
                    .jwt(Customizer.withDefaults())
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems))
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    return http.build();
  }
}
