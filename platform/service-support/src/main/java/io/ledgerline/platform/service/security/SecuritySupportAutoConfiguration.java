package io.ledgerline.platform.service.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every servlet service is an OAuth2 resource server: JWTs checked against the JWKS of
 * apikey-service ({@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}), scopes from the
 * {@code scope} claim as {@code SCOPE_x}, each service's scope rules from its {@link
 * EndpointScopes} beans. A service with other needs declares its own {@link SecurityFilterChain}.
 */
@AutoConfiguration(
    before = {
      ServletWebSecurityAutoConfiguration.class,
      OAuth2ResourceServerWebSecurityAutoConfiguration.class
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecuritySettings.class)
public class SecuritySupportAutoConfiguration {

  /** Paths open to anyone: health probes and metrics scraping inside the cluster. */
  static final String[] ALWAYS_PUBLIC = {
    "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/error"
  };

  @Bean
  @ConditionalOnMissingBean
  AuthenticationEntryPoint ledgerlineAuthenticationEntryPoint(JsonMapper json) {
    return new ProblemAuthenticationEntryPoint(new ProblemResponses(json));
  }

  @Bean
  @ConditionalOnMissingBean
  AccessDeniedHandler ledgerlineAccessDeniedHandler(JsonMapper json) {
    return new ProblemAccessDeniedHandler(new ProblemResponses(json));
  }

  @Bean
  @ConditionalOnMissingBean(SecurityFilterChain.class)
  SecurityFilterChain ledgerlineSecurityFilterChain(
      HttpSecurity http,
      SecuritySettings settings,
      AuthenticationEntryPoint entryPoint,
      AccessDeniedHandler accessDenied,
      ObjectProvider<EndpointScopes> endpointScopes)
      throws Exception {
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
