package io.ledgerline.platform.service.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The platform's resource-server rules as one reusable piece: the default filter chain is built
 * with it, and a service that needs a further chain of its own in front (apikey-service's
 * authorization server endpoints) builds its API chain with it too, instead of copying the rules.
 */
public final class ResourceServerSecurity {

  /**
   * Paths open to anyone: health probes and metrics scraping inside the cluster, and the OpenAPI
   * document (the gateway serves the combined one).
   */
  static final String[] ALWAYS_PUBLIC = {
    "/actuator/health",
    "/actuator/health/**",
    "/actuator/info",
    "/actuator/prometheus",
    "/error",
    "/v3/api-docs",
    "/v3/api-docs/**"
  };

  private final SecuritySettings settings;
  private final AuthenticationEntryPoint entryPoint;
  private final AccessDeniedHandler accessDenied;
  private final ObjectProvider<EndpointScopes> endpointScopes;

  ResourceServerSecurity(
      SecuritySettings settings,
      AuthenticationEntryPoint entryPoint,
      AccessDeniedHandler accessDenied,
      ObjectProvider<EndpointScopes> endpointScopes) {
    this.settings = settings;
    this.entryPoint = entryPoint;
    this.accessDenied = accessDenied;
    this.endpointScopes = endpointScopes;
  }

  /**
   * Stateless, no CSRF; open: {@link #ALWAYS_PUBLIC} and {@code ledgerline.security.public-paths};
   * {@code /internal/**} needs {@code SCOPE_internal}; then each {@link EndpointScopes} bean; all
   * else authenticated. 401 and 403 are problem details.
   */
  public SecurityFilterChain build(HttpSecurity http) throws Exception {
    String[] publicPaths = settings.publicPaths().toArray(String[]::new);
    http.csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            requests -> {
              requests.requestMatchers(ALWAYS_PUBLIC).permitAll();
              if (publicPaths.length > 0) {
                requests.requestMatchers(publicPaths).permitAll();
              }
              requests.requestMatchers("/internal/**").hasAuthority("SCOPE_internal");
              endpointScopes.orderedStream().forEach(scopes -> scopes.declare(requests));
              requests.anyRequest().authenticated();
            })
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
